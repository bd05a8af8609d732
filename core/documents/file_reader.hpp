// Reads one document file safely: regular files only, a size limit, and a clear reason for every
// refusal (vanished, unreadable, too large, not a regular file).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "result.hpp"

namespace newsdex {

struct FileBytes {
  std::string bytes;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;  // nanoseconds since the epoch
};

// Errc::not_found (vanished), io_error (unreadable), too_large (over max_bytes), unsupported
// (not a regular file, e.g. a directory, fifo or dangling/looping symlink).
Result<FileBytes> read_file(const std::filesystem::path& path, std::uint64_t max_bytes);

}  // namespace newsdex
