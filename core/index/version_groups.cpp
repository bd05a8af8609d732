#include "version_groups.hpp"

#include <cstdio>

#include "schema.hpp"

namespace newsdex::versions {
namespace {

std::string new_group_id(std::string_view id, const Signature& sig) {
  // FNV-1a over the id and the signature: stable across runs and machines.
  std::uint64_t h = 0xCBF29CE484222325ull;
  auto add = [&](std::string_view bytes) {
    for (unsigned char c : bytes) h = (h ^ c) * 0x100000001B3ull;
  };
  add(id);
  add(std::string_view("\0", 1));
  add(encode(sig));
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
  return text;
}

}  // namespace

std::string group_term(std::string_view group) {
  return std::string(schema::kPrefixVersionGroup).append(group);
}

std::string group_of(const Xapian::Document& doc) {
  return doc.get_value(schema::kSlotVersionGroup);
}

Assignment assign_group(const Xapian::Database& db, Xapian::Document& doc, std::string_view id,
                        const Signature& sig, const VersionsConfig& config) {
  const std::vector<std::string> bands = band_terms(sig);
  Assignment result;
  if (db.get_doccount() > 0) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, bands.begin(), bands.end()));
    // Weight = number of shared bands; ties in docid order, so the result is deterministic.
    enquire.set_weighting_scheme(Xapian::CoordWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet candidates = enquire.get_mset(0, config.max_candidates);
    for (auto it = candidates.begin(); it != candidates.end(); ++it) {
      const Xapian::Document other = it.get_document();
      const auto other_sig = decode(other.get_value(schema::kSlotVersionSignature));
      const std::string other_group = group_of(other);
      if (!other_sig || other_group.empty()) continue;
      ++result.compared;
      const double similarity = estimate_similarity(sig, *other_sig);
      // The most similar wins; equal similarity keeps the earlier candidate (deterministic).
      if (similarity >= config.threshold && similarity > result.similarity) {
        result.similarity = similarity;
        result.group = other_group;
        result.joined = true;
      }
    }
  }
  if (!result.joined) result.group = new_group_id(id, sig);
  for (const auto& term : bands) doc.add_boolean_term(term);
  doc.add_value(schema::kSlotVersionSignature, encode(sig));
  doc.add_value(schema::kSlotVersionGroup, result.group);
  doc.add_boolean_term(group_term(result.group));
  return result;
}

}  // namespace newsdex::versions
