// The indexer's state as others see it (searchd's /health and /stats, `newsdex-indexer --status`).
// The indexer records it in the index metadata with every commit, and also in a small status file
// beside the index, rewritten in place, so that a state no commit can carry (`degraded`: the disk
// is full or the index read-only) still reaches readers.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <nlohmann/json.hpp>

namespace newsdex {

// The status file's name inside the index directory (Xapian ignores files it does not know).
inline constexpr const char* kIndexerStatusFile = "indexer-status.json";

// The indexer's latest state: the status file's object when it is present and readable, else the
// object recorded with the last commit; null when there is neither. `state` is one of
// "watching", "degraded", "stopped" (and "once" for --once runs that write it).
nlohmann::json read_indexer_state(const Xapian::Database& db,
                                  const std::filesystem::path& index_dir);

}  // namespace newsdex
