#include "status.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <nlohmann/json.hpp>

#include "indexer_status.hpp"
#include "schema.hpp"
#include "shard_layout.hpp"
#include "skip_records.hpp"
#include "stored_record.hpp"

namespace newsdex {
namespace {

// "en 8, ru 2" for every term with the prefix, by document count.
std::string prefix_counts(const Xapian::Database& db, std::string_view prefix) {
  std::vector<std::pair<std::string, Xapian::doccount>> counts;
  for (auto it = db.allterms_begin(std::string(prefix)); it != db.allterms_end(std::string(prefix));
       ++it)
    counts.emplace_back((*it).substr(prefix.size()), it.get_termfreq());
  std::ranges::stable_sort(counts, std::greater{}, &decltype(counts)::value_type::second);
  std::string text;
  for (const auto& [value, n] : counts)
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", value, n);
  return text.empty() ? "-" : text;
}

std::string metadata(const Xapian::Database& db, const char* key) {
  auto value = db.get_metadata(key);
  return value.empty() ? "-" : value;
}

// "watching (pid 42): 3 queued, 1200 files; 1180 added, 20 updated, 0 removed, 2 skipped"
// The status file first: it carries `degraded` (and why) when no commit can.
std::string indexer_state(const Xapian::Database& db, const std::filesystem::path& index_dir) {
  auto state = read_indexer_state(db, index_dir);
  if (!state.is_object()) return "-";
  auto number = [&](const char* key) { return state.value(key, std::uint64_t{0}); };
  auto line =
      fmt::format("{} (pid {}): {} queued, {} files; {} added, {} updated, {} removed, {} skipped",
                  state.value("state", "?"), number("pid"), number("queue"), number("files"),
                  number("added"), number("updated"), number("removed"), number("skipped"));
  if (state.contains("reason")) line += "\n                " + state.value("reason", "");
  return line;
}

}  // namespace

Result<std::string> index_status_report(const std::filesystem::path& index_dir,
                                        unsigned newest_titles) {
  try {
    Xapian::Database db(index_dir.string());
    std::string out;
    out += fmt::format("index:          {}\n", index_dir.string());
    out += fmt::format("documents:      {}\n", db.get_doccount());
    if (auto layout = read_layout(index_dir); layout && layout->sharded()) {
      std::string counts;
      for (const auto& shard : layout->shards)
        counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ",
                              shard.lexically_relative(index_dir).string(),
                              Xapian::Database(shard.string()).get_doccount());
      out += fmt::format("shards:         {} ({})\n", layout->shards.size(), counts);
    }
    out += fmt::format("languages:      {}\n", prefix_counts(db, schema::kPrefixLang));
    out += fmt::format("years:          {}\n", prefix_counts(db, schema::kPrefixYear));
    out += fmt::format("schema version: {}\n", metadata(db, schema::kMetaSchemaVersion));
    out += fmt::format("last commit:    {}\n", metadata(db, schema::kMetaLastCommit));
    out += fmt::format("files skipped:  {}\n", metadata(db, schema::kMetaErrors));
    out += fmt::format("indexer:        {}\n", indexer_state(db, index_dir));
    out += skips_report(db);

    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    enquire.set_sort_by_value(schema::kSlotDate, true);
    auto newest = enquire.get_mset(0, newest_titles);
    if (!newest.empty()) out += "newest:\n";
    for (auto it = newest.begin(); it != newest.end(); ++it) {
      auto record = stored_record::decode(it.get_document().get_data(), stored_record::kHead);
      if (!record) continue;
      const auto& data = record->fields;
      const auto date = data.value(schema::field::kDate, nlohmann::json());
      out +=
          fmt::format("  {}  [{}]  {}\n", date.is_string() ? date.get<std::string>() : "no date   ",
                      data.value(schema::field::kLang, ""), data.value(schema::field::kTitle, ""));
    }
    return out;
  } catch (const Xapian::DatabaseOpeningError& e) {
    return make_error(Errc::not_found,
                      "no index at " + index_dir.string() + ": " + e.get_description());
  } catch (const Xapian::Error& e) {
    return make_error(Errc::index_error,
                      "cannot read the index " + index_dir.string() + ": " + e.get_description());
  }
}

}  // namespace newsdex
