#include "versions.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

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
  std::string date;  // kSlotDate, "YYYYMMDD"; "" when undated
  std::string path;  // kSlotSourcePath
  std::int64_t mtime = 0, indexed_at = 0;
};

// Newest first: by publication date, then by file time, then by when it was indexed; the path and
// then the docid settle the rest. Read from values only, so ordering a large group decodes nothing.
bool newer(const Member& a, const Member& b) {
  const auto a_id = a.doc.get_docid(), b_id = b.doc.get_docid();
  return std::tie(a.date, a.mtime, a.indexed_at, b.path, b_id) >
         std::tie(b.date, b.mtime, b.indexed_at, a.path, a_id);
}

// A diff walks up to (words of both texts) x (edits) steps: past this many, fewer edits are tried
// before the diff turns coarse, so one listing of long bodies stays fast.
constexpr std::size_t kDiffSteps = 20'000'000;

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
  std::vector<Member> members;
  auto add = [&](const Xapian::Document& doc) {
    members.push_back(
        {doc, doc.get_value(schema::kSlotDate), doc.get_value(schema::kSlotSourcePath),
         number_value(doc, schema::kSlotMtime), number_value(doc, schema::kSlotIndexedAt)});
  };
  if (group.empty()) {
    add(requested);
  } else {
    const std::string group_term = versions::group_term(group);
    for (auto it = db.postlist_begin(group_term); it != db.postlist_end(group_term); ++it)
      add(db.get_document(*it, Xapian::DOC_ASSUME_VALID));
  }
  std::ranges::sort(members, newer);
  const std::size_t total = members.size();
  const std::size_t listed = std::min<std::size_t>(total, config.max_listed);
  // The head of each listed record, and of the one the last listed is compared with.
  std::vector<json> heads;
  for (std::size_t i = 0; i < std::min(total, listed + 1); ++i) {
    auto record = stored_record::decode(members[i].doc.get_data(), stored_record::kHead);
    if (!record)
      return ApiError{500, "index_error", "the index could not be read", record.error().message};
    heads.push_back(std::move(record->fields));
  }
  auto id_of = [&](std::size_t i) {
    const json& head = heads[i];
    const int part = head.contains(schema::field::kPart) && head[schema::field::kPart].is_number()
                         ? head[schema::field::kPart].get<int>()
                         : -1;
    return schema::document_id(head.value(schema::field::kPath, ""), part);
  };
  json list = json::array();
  for (std::size_t i = 0; i < listed; ++i) {
    const json& head = heads[i];
    const json date = head.contains(schema::field::kDate) ? head[schema::field::kDate] : json();
    json entry = {
        {"id", id_of(i)},
        {"path", head.value(schema::field::kPath, "")},
        {"title", head.value(schema::field::kTitle, "")},
        {"date", date.is_string() ? date : json()},
        {"byline", head.value(schema::field::kByline, "")},
        {"lang", head.value(schema::field::kLang, "")},
        {"mtime", members[i].mtime},
        {"current", members[i].doc.get_docid() == requested.get_docid()},
        {"diff", nullptr},
    };
    // Against the next older version, even when that one is past the listed ones.
    if (i + 1 < total) {
      auto older = stored_record::body_of(members[i + 1].doc);
      auto newer = stored_record::body_of(members[i].doc);
      if (!older || !newer)
        return ApiError{500, "index_error", "the index could not be read",
                        (older ? newer : older).error().message};
      const std::string& newer_body = *newer;
      const std::size_t words =
          std::max<std::size_t>(1, split_words(*older).size() + split_words(newer_body).size());
      const std::size_t max_edits =
          std::min<std::size_t>(config.diff_max_edits, kDiffSteps / words);
      const WordDiff diff = diff_words(*older, newer_body, max_edits);
      entry["diff"] = diff_json(diff);
      entry["diff_complete"] = diff.complete;
      entry["diff_against"] = id_of(i + 1);
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
