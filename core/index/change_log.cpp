#include "change_log.hpp"

#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "schema.hpp"

namespace newsdex {
namespace {

using nlohmann::json;

// Zero-padded so that the keys sort by commit number.
std::string record_key(std::uint64_t commit) {
  char digits[21];
  std::snprintf(digits, sizeof digits, "%020llu", static_cast<unsigned long long>(commit));
  return std::string(schema::kMetaChangePrefix) + digits;
}

std::optional<ChangeKind> kind_of(std::string_view text) {
  if (text == "added") return ChangeKind::added;
  if (text == "updated") return ChangeKind::updated;
  if (text == "removed") return ChangeKind::removed;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::added:
      return "added";
    case ChangeKind::updated:
      return "updated";
    case ChangeKind::removed:
      return "removed";
  }
  return "";
}

void ChangeSet::added(const std::string& id) {
  changes_[id].exists_now = true;  // a first sighting had no document before this batch
}

void ChangeSet::removed(const std::string& id) {
  auto [it, first] = changes_.try_emplace(id);
  if (first) it->second.existed_before = true;
  it->second.exists_now = false;
}

std::map<std::string, ChangeKind> ChangeSet::net() const {
  std::map<std::string, ChangeKind> out;
  for (const auto& [id, state] : changes_) {
    if (state.exists_now)
      out.emplace(id, state.existed_before ? ChangeKind::updated : ChangeKind::added);
    else if (state.existed_before)
      out.emplace(id, ChangeKind::removed);
  }
  return out;
}

std::uint64_t last_commit_number(const Xapian::Database& db) {
  const std::string text = db.get_metadata(schema::kMetaLastChange);
  std::uint64_t number = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  return ec == std::errc() && end == text.data() + text.size() ? number : 0;
}

std::uint64_t record_commit_changes(Xapian::WritableDatabase& db, const ChangeSet& changes,
                                    unsigned keep) {
  const std::uint64_t commit = last_commit_number(db) + 1;
  json list = json::array();
  bool truncated = false;
  for (const auto& [id, kind] : changes.net()) {
    if (list.size() == kMaxChangesPerCommit) {
      truncated = true;
      break;
    }
    list.push_back({id, to_string(kind)});
  }
  json record = {{"changes", std::move(list)}};
  if (truncated) record["truncated"] = true;
  db.set_metadata(record_key(commit), record.dump());
  if (commit > keep) db.set_metadata(record_key(commit - keep), "");  // "" deletes the key
  db.set_metadata(schema::kMetaLastChange, std::to_string(commit));
  return commit;
}

std::optional<std::vector<CommitChanges>> read_commit_changes(const Xapian::Database& db,
                                                              std::uint64_t after,
                                                              std::uint64_t last) {
  std::vector<CommitChanges> out;
  for (std::uint64_t commit = after + 1; commit <= last; ++commit) {
    const std::string text = db.get_metadata(record_key(commit));
    if (text.empty()) return std::nullopt;
    const json record = json::parse(text, nullptr, false);
    if (!record.is_object() || !record.contains("changes") || !record["changes"].is_array())
      return std::nullopt;
    CommitChanges changes{commit, {}, record.value("truncated", false)};
    for (const auto& entry : record["changes"]) {
      if (!entry.is_array() || entry.size() != 2 || !entry[0].is_string() || !entry[1].is_string())
        return std::nullopt;
      const auto kind = kind_of(entry[1].get<std::string>());
      if (!kind) return std::nullopt;
      changes.changes.emplace(entry[0].get<std::string>(), *kind);
    }
    out.push_back(std::move(changes));
  }
  return out;
}

}  // namespace newsdex
