// Compaction after a bulk load (`--once`): Xapian's compactor writes the index again without the
// free space its B-trees keep for updates (about 40% smaller), beside the index, and the two
// directories are swapped in one atomic rename, so a reader sees the old index or the new one,
// never a mixture. The caller holds the write lock throughout.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "result.hpp"
#include "shard_layout.hpp"

namespace newsdex {

struct CompactionResult {
  std::uintmax_t bytes_before = 0;
  std::uintmax_t bytes_after = 0;
};

// The bytes of the files in an index directory (a sharded one's subdirectories included).
std::uintmax_t directory_bytes(const std::filesystem::path& dir);

// Compacts the index at `index` into a sibling directory and exchanges the two; the old tables
// are left at the returned path for the caller to delete once its writer is closed.
Result<std::filesystem::path> compact_beside(const std::filesystem::path& index,
                                             CompactionResult& sizes);

// A stub layout (shard_layout.hpp) is compacted database by database into new folders beside the
// old ones ("00" -> "00.1" -> "00.2" ...), then DIR/XAPIANDB is switched to them in one rename: a
// reader following the stub opens the new databases, never a folder swapped under it. Returns the
// old folders, for the caller to delete once its writer is closed.
Result<std::vector<std::filesystem::path>> compact_layout(const std::filesystem::path& dir,
                                                          const ShardLayout& layout,
                                                          CompactionResult& sizes);

}  // namespace newsdex
