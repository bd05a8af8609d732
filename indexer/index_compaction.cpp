#include "index_compaction.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <string_view>

namespace newsdex {
namespace fs = std::filesystem;
std::uintmax_t directory_bytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec))
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

namespace {

// "00" -> "00.1", "00.1" -> "00.2": the next generation's folder name.
fs::path next_generation(const fs::path& db) {
  const auto name = db.filename().string();
  const auto dot = name.rfind('.');
  unsigned generation = 0;
  if (dot != std::string::npos) {
    const auto tail = std::string_view(name).substr(dot + 1);
    auto [end, ec] = std::from_chars(tail.data(), tail.data() + tail.size(), generation);
    if (ec != std::errc() || end != tail.data() + tail.size()) generation = 0;
  }
  const auto stem = generation ? name.substr(0, dot) : name;
  return db.parent_path() / (stem + "." + std::to_string(generation + 1));
}

}  // namespace

Result<std::vector<fs::path>> compact_layout(const fs::path& dir, const ShardLayout& layout,
                                             CompactionResult& sizes) {
  ShardLayout compacted{next_generation(layout.meta), {}, true};
  std::vector<fs::path> sources = layout.shards;
  if (layout.sharded()) sources.push_back(layout.meta);
  std::vector<fs::path> written;
  std::error_code ec;
  auto give_up = [&](const std::string& why) {
    for (const auto& path : written) fs::remove_all(path, ec);
    return make_error(Errc::index_error, why);
  };
  for (const auto& source : sources) {
    const auto target = next_generation(source);
    fs::remove_all(target, ec);
    try {
      Xapian::Database(source.string()).compact(target.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    } catch (const Xapian::Error& e) {
      fs::remove_all(target, ec);
      return give_up("cannot compact " + source.string() + ": " + e.get_description());
    }
    written.push_back(target);
    sizes.bytes_before += directory_bytes(source);
    sizes.bytes_after += directory_bytes(target);
    if (source != layout.meta || !layout.sharded()) compacted.shards.push_back(target);
  }
  if (!layout.sharded()) compacted.meta = compacted.shards.front();
  if (auto switched = write_stub(dir, compacted); !switched)
    return give_up(switched.error().message);
  return sources;
}

}  // namespace newsdex
