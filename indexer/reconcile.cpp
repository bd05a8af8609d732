#include "reconcile.hpp"

namespace newsdex {

// mtime clocks tick coarsely (a few ms); a second of margin also covers clock adjustments.
constexpr std::int64_t kRacyMarginNs = 1'000'000'000;

bool needs_indexing(const FileStat& file, const IndexedFile& known) {
  if (known.suspect) return true;
  if (known.size != file.size || known.mtime_ns != file.mtime_ns) return true;
  // Written within the mtime clock's resolution of being read ("racily clean"), or renamed onto
  // or otherwise changed in a later second than it was read: size and mtime alone would take
  // another file of the same size and mtime moved here (`mv`, `cp -p`, `rsync -t`, an unpacked
  // archive) for the one indexed. (A change in the very second it was read is caught only by the
  // mtime rule: the index keeps whole seconds.) The hash decides, and a file found unchanged gets
  // a new indexed-at time, so it is hashed once, not at every start.
  const std::int64_t indexed_at_ns = known.indexed_at_s * 1'000'000'000;
  return file.mtime_ns + kRacyMarginNs >= indexed_at_ns ||
         file.ctime_ns >= indexed_at_ns + 1'000'000'000;
}

Plan plan_changes(const std::vector<FileStat>& files, IndexState state) {
  Plan plan;
  for (const auto& file : files) {
    auto known = state.find(file.relative_path);
    if (known == state.end())
      plan.jobs.push_back({file.relative_path, std::nullopt, std::nullopt});
    else if (needs_indexing(file, known->second))
      plan.jobs.push_back({file.relative_path, known->second, std::nullopt});
    else
      ++plan.unchanged;
    if (known != state.end()) state.erase(known);
  }
  for (auto& [path, _] : state) plan.removals.push_back(path);
  return plan;
}

}  // namespace newsdex
