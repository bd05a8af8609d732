// Lists the documents under the documents directory: every regular file (or symlink to one) with
// an extension we index, not ignored, with its size and mtime. Symlinks (to files and directories)
// are followed only when they resolve inside the directory (tree_guard.hpp), unless
// follow_external_symlinks; a link back to a directory being walked (a loop) is never followed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ignore_rules.hpp"

namespace newsdex {

struct FileStat {
  std::string relative_path;  // '/'-separated, relative to the documents dir
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  // When the file's inode last changed (a write, a rename, a chmod): a file renamed over another
  // of the same size and mtime differs from it here only.
  std::int64_t ctime_ns = 0;
};

struct ScanProblem {
  std::string relative_path;
  std::string reason;
};

struct ScanResult {
  std::vector<FileStat> files;        // sorted by relative_path
  std::vector<ScanProblem> problems;  // unreadable directories, dangling, looping or outside links
};

// `under` limits the walk to one directory below root (paths stay relative to root).
ScanResult scan_documents(const std::filesystem::path& root, const IgnoreRules& ignore,
                          bool follow_external_symlinks = false, const std::string& under = "");

// The stat of one file (following a symlink), or nullopt when it is not a regular file.
std::optional<FileStat> stat_document(const std::filesystem::path& root,
                                      const std::string& relative_path);

}  // namespace newsdex
