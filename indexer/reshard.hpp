// `newsdex-indexer --reshard N`: copies every document, as stored, into the layout for N shards
// (each routed by its path), with the metadata, and switches DIR/XAPIANDB to the new layout, so a
// reader sees the old index or the new one; nothing is parsed again. It takes every write lock of
// the old layout first, so it refuses to run beside an indexer.
#pragma once

#include <cstdint>
#include <filesystem>

#include "result.hpp"

namespace newsdex {

struct ReshardResult {
  unsigned from = 0;
  unsigned to = 0;
  std::uint64_t documents = 0;
};

Result<ReshardResult> reshard_index(const std::filesystem::path& index_dir, unsigned shards);

}  // namespace newsdex
