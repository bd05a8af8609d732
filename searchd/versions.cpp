#include "versions.hpp"

#include <algorithm>
#include <charconv>

#include "schema.hpp"
#include "stored_record.hpp"
#include "version_groups.hpp"
#include "word_diff.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

std::int64_t number_value(const Xapian::Document& doc, unsigned slot) {
  const std::string text = doc.get_value(slot);
  std::int64_t n = 0;
  std::from_chars(text.data(), text.data() + text.size(), n);
  return n;
}

struct Member {
  Xapian::Document doc;
  json data;  // the record's head
  std::string id;
  std::string date;  // "YYYY-MM-DD" or ""
  std::int64_t mtime = 0, indexed_at = 0;
};

// Newest first: by publication date, then by file time, then by when it was indexed; the id
// settles the rest so the order never depends on docids.
bool newer(const Member& a, const Member& b) {
  return std::tie(a.date, a.mtime, a.indexed_at, b.id) >
         std::tie(b.date, b.mtime, b.indexed_at, a.id);
}

json diff_json(const WordDiff& diff) {
  json parts = json::array();
  for (const auto& part : diff.parts)
    parts.push_back({{"op", op_symbol(part.op)}, {"text", part.text}});
  return parts;
}

}  // namespace

ApiResult<json> list_versions(const Xapian::Database& db, const std::string& id,
                              const VersionsConfig& config) {
  const std::string term = schema::id_term(id);
  const auto posting = db.postlist_begin(term);
  if (posting == db.postlist_end(term))
    return ApiError{404, "not_found", "no document with id '" + id + "'"};
  const Xapian::Document requested = db.get_document(*posting);
  const std::string group = versions::group_of(requested);
  std::vector<Xapian::Document> docs;
  if (group.empty()) {
    docs.push_back(requested);
  } else {
    const std::string group_term = versions::group_term(group);
    for (auto it = db.postlist_begin(group_term); it != db.postlist_end(group_term); ++it)
      docs.push_back(db.get_document(*it));
  }
  std::vector<Member> members;
  for (const auto& doc : docs) {
    auto record = stored_record::decode(doc.get_data(), stored_record::kHead);
    if (!record)
      return ApiError{500, "index_error", "the index could not be read", record.error().message};
    json& data = record->fields;
    const int part = data.contains(schema::field::kPart) && data[schema::field::kPart].is_number()
                         ? data[schema::field::kPart].get<int>()
                         : -1;
    Member m{doc, data, schema::document_id(data.value(schema::field::kPath, ""), part)};
    m.date = data.contains(schema::field::kDate) && data[schema::field::kDate].is_string()
                 ? data[schema::field::kDate].get<std::string>()
                 : "";
    m.mtime = number_value(doc, schema::kSlotMtime);
    m.indexed_at = number_value(doc, schema::kSlotIndexedAt);
    members.push_back(std::move(m));
  }
  std::ranges::sort(members, newer);
  const std::size_t total = members.size();
  const std::size_t listed = std::min<std::size_t>(total, config.max_listed);
  json list = json::array();
  for (std::size_t i = 0; i < listed; ++i) {
    const Member& m = members[i];
    json entry = {
        {"id", m.id},
        {"path", m.data.value(schema::field::kPath, "")},
        {"title", m.data.value(schema::field::kTitle, "")},
        {"date", m.date.empty() ? json() : json(m.date)},
        {"byline", m.data.value(schema::field::kByline, "")},
        {"lang", m.data.value(schema::field::kLang, "")},
        {"mtime", m.mtime},
        {"current", m.id == id},
        {"diff", nullptr},
    };
    // Against the next older version, even when that one is past the listed ones.
    if (i + 1 < total) {
      const WordDiff diff = diff_words(members[i + 1].doc.get_value(schema::kSlotBody),
                                       m.doc.get_value(schema::kSlotBody), config.diff_max_edits);
      entry["diff"] = diff_json(diff);
      entry["diff_complete"] = diff.complete;
      entry["diff_against"] = members[i + 1].id;
    }
    list.push_back(std::move(entry));
  }
  return json{{"id", id},
              {"group", group.empty() ? json() : json(group)},
              {"total", total},
              {"truncated", listed < total},
              {"versions", std::move(list)}};
}

Xapian::doccount other_matching_versions(const Xapian::Database& db, const Xapian::Query& match,
                                         const Xapian::Document& doc) {
  const std::string group = versions::group_of(doc);
  if (group.empty()) return 0;
  const std::string term = versions::group_term(group);
  const Xapian::doccount size = db.get_termfreq(term);
  if (size <= 1) return 0;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, match, Xapian::Query(term)));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet counted = enquire.get_mset(0, 0, size);
  const Xapian::doccount matching = counted.get_matches_estimated();
  return matching > 0 ? matching - 1 : 0;
}

}  // namespace newsdex::searchd
