// Start-up reconciliation: compares the documents directory with what the index records and says
// which files to (re)process and which to delete. A file counts as unchanged only when its size
// and mtime match AND its mtime is safely older than the moment it was indexed; a file written in
// the same instant it was read ("racily clean", as git calls it) is re-hashed, so a crash or a
// coarse mtime clock can never leave stale content behind.
#pragma once

#include <string>
#include <vector>

#include "file_processor.hpp"
#include "index_state.hpp"
#include "scanner.hpp"

namespace newsdex {

struct Plan {
  std::vector<FileJob> jobs;          // new files, changed files, racily clean files
  std::vector<std::string> removals;  // indexed files no longer in the directory
  std::uint64_t unchanged = 0;
};

Plan plan_changes(const std::vector<FileStat>& files, IndexState state);

// Whether a file with this stat needs reading, given what the index recorded for it.
bool needs_indexing(const FileStat& file, const IndexedFile& known);

}  // namespace newsdex
