#include "reconcile.hpp"

namespace newsdex {

// mtime clocks tick coarsely (a few ms); a second of margin also covers clock adjustments.
constexpr std::int64_t kRacyMarginNs = 1'000'000'000;

bool needs_indexing(const FileStat& file, const IndexedFile& known) {
  if (known.suspect) return true;
  if (known.size != file.size || known.mtime_ns != file.mtime_ns) return true;
  // Size and mtime alone would take another file of the same size and mtime moved here (`mv`,
  // `cp -p`, `rsync -t`, an unpacked archive) for the one indexed, or miss a write within the
  // mtime clock's resolution of the reading ("racily clean"). Renaming or writing a file sets
  // its ctime, and the reading began on the clock ctimes come from: a ctime at or after it means
  // a change since. An index of whole seconds (before 2026-12) knows only the second after the
  // reading: a ctime in a later second. The hash decides, and a file found unchanged gets a new
  // indexed-at time, so it is hashed once, not at every start.
  const std::int64_t at = known.indexed_at.ns;
  const std::int64_t changed_after = known.indexed_at.exact ? at : at + 1'000'000'000;
  return file.mtime_ns + kRacyMarginNs >= at || file.ctime_ns >= changed_after;
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
