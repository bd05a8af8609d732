// Snapshots: a consistent, compacted copy of the index as of one committed revision, safe to take
// while the daemon writes (a reader sees one revision; when the writer commits twice during the
// copy and Xapian reports the revision gone, the copy starts again from the newest). Written
// beside the destination and renamed into place, so the destination never holds half a snapshot.
// Restoring is stopping the indexer, putting the snapshot where [paths] index points, and
// starting it again: it reconciles the directory against the snapshot.
#pragma once

#include <cstdint>
#include <filesystem>

#include "result.hpp"

namespace newsdex {

struct SnapshotInfo {
  std::uint64_t revision = 0;  // the index revision copied
  std::uint64_t documents = 0;
  std::uintmax_t bytes = 0;
  unsigned attempts = 1;  // copies started (more than one when commits overtook a copy)
};

// Copies the index at `index` into `destination`, which must not exist yet (a snapshot never
// overwrites anything). Errc::invalid_argument for a destination that exists or an index that
// does not; Errc::index_error when the copy fails or commits overtake it kMaxAttempts times.
Result<SnapshotInfo> snapshot_index(const std::filesystem::path& index,
                                    const std::filesystem::path& destination);

}  // namespace newsdex
