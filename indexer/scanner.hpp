// Lists the documents under the documents directory: every regular file (or symlink to one) with
// an extension we index, not ignored, with its size and mtime. Symlinked directories are not
// followed, so a link loop cannot make the walk endless.
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
};

struct ScanProblem {
  std::string relative_path;
  std::string reason;
};

struct ScanResult {
  std::vector<FileStat> files;        // sorted by relative_path
  std::vector<ScanProblem> problems;  // unreadable directories, dangling or looping links
};

ScanResult scan_documents(const std::filesystem::path& root, const IgnoreRules& ignore);

// The stat of one file (following a symlink), or nullopt when it is not a regular file.
std::optional<FileStat> stat_document(const std::filesystem::path& root,
                                      const std::string& relative_path);

}  // namespace newsdex
