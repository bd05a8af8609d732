#include "index_compaction.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>

namespace newsdex {
namespace fs = std::filesystem;
std::uintmax_t directory_bytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  return total;
}

Result<fs::path> compact_beside(const fs::path& given, CompactionResult& sizes) {
  fs::path index = fs::absolute(given).lexically_normal();
  if (!index.has_filename()) index = index.parent_path();  // "/srv/index/"
  const fs::path side = index.parent_path() /
                        (index.filename().string() + ".compacting-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(side, ec);
  try {
    // The same document ids: the index state and the entity table refer to them.
    Xapian::Database(index.string()).compact(side.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error& e) {
    fs::remove_all(side, ec);
    return make_error(Errc::index_error,
                      "cannot compact " + index.string() + ": " + e.get_description());
  }
  sizes.bytes_before = directory_bytes(index);
  sizes.bytes_after = directory_bytes(side);
  if (::renameat2(AT_FDCWD, side.c_str(), AT_FDCWD, index.c_str(), RENAME_EXCHANGE) != 0) {
    const std::string why = std::strerror(errno);
    fs::remove_all(side, ec);
    return make_error(Errc::io_error,
                      "cannot swap the compacted index into " + index.string() + ": " + why);
  }
  return side;  // now holds the old tables
}

}  // namespace newsdex
