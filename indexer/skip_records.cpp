#include "skip_records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "schema.hpp"

namespace newsdex {
namespace {

std::string key_of(const std::string& path) {
  return schema::hashed_key(schema::kMetaSkippedPrefix, path);
}

// "SECONDS.NNNNNNNNN" as the slot holds it; records of before 2026-12 hold whole seconds.
schema::IndexedAt indexed_at(const nlohmann::json& value) {
  if (value.is_number_integer()) return {value.get<std::int64_t>() * 1'000'000'000, false};
  return schema::parse_indexed_at(value.get<std::string>());
}

}  // namespace

void record_skip(Xapian::WritableDatabase& db, const SkipRecord& record) {
  const nlohmann::json value = {{"path", record.path},
                                {"size", record.file.size},
                                {"mtime_ns", record.file.mtime_ns},
                                {"sha256", record.file.sha256},
                                {"indexed_at", schema::indexed_at_value(record.file.indexed_at.ns)},
                                {"reason", record.file.skipped},
                                {"limits", record.limits}};
  db.set_metadata(key_of(record.path),
                  value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void forget_skip(Xapian::WritableDatabase& db, const std::string& path) {
  db.set_metadata(key_of(path), "");
}

std::vector<SkipRecord> read_skips(const Xapian::Database& db) {
  std::vector<SkipRecord> records;
  const std::string prefix = schema::kMetaSkippedPrefix;
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    const auto value = nlohmann::json::parse(db.get_metadata(*it), nullptr, false);
    if (!value.is_object()) continue;
    try {
      SkipRecord record;
      record.path = value.at("path").get<std::string>();
      record.file = {value.at("size").get<std::uint64_t>(),
                     value.at("mtime_ns").get<std::int64_t>(),
                     value.at("sha256").get<std::string>(), indexed_at(value.at("indexed_at")),
                     value.at("reason").get<std::string>()};
      record.limits = value.at("limits").get<std::string>();
      if (key_of(record.path) == *it) records.push_back(std::move(record));
    } catch (const nlohmann::json::exception&) {
      // Written by another version, or damaged: not a reason to stop; the file is tried again.
    }
  }
  return records;
}

void add_skips(IndexState& state, const Xapian::Database& db, const std::string& limits) {
  for (auto& record : read_skips(db))
    if (record.limits == limits) state.try_emplace(record.path, std::move(record.file));
}

std::string skips_report(const Xapian::Database& db, std::size_t shown) {
  auto records = read_skips(db);
  if (records.empty()) return "skipped files:  0\n";
  std::ranges::sort(records, {}, &SkipRecord::path);
  std::string out =
      fmt::format("skipped files:  {} (each tried again when it changes)\n", records.size());
  for (std::size_t i = 0; i < std::min(shown, records.size()); ++i)
    out += fmt::format("  {}: skipped: {}\n", records[i].path, records[i].file.skipped);
  if (records.size() > shown) out += fmt::format("  ... and {} more\n", records.size() - shown);
  return out;
}

}  // namespace newsdex
