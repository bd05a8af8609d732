#include "shard_layout.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kStub = "XAPIANDB";

// A stub entry newsdex may write to: a relative path that stays inside the index directory.
bool stays_inside(const fs::path& relative) {
  const auto normal = relative.lexically_normal();
  return relative.is_relative() && !normal.empty() && *normal.begin() != "..";
}

}  // namespace

Result<ShardLayout> read_layout(const fs::path& dir) {
  std::error_code ec;
  if (fs::exists(dir / "iamglass", ec)) return ShardLayout{dir, {dir}, false};
  std::ifstream stub(dir / kStub);
  if (!stub) return make_error(Errc::not_found, "no index in " + dir.string());
  std::vector<fs::path> entries;
  std::string line;
  for (int number = 1; std::getline(stub, line); ++number) {
    if (line.empty() || line.front() == '#') continue;
    std::istringstream words(line);
    std::string backend, path;
    words >> backend >> path;
    if ((backend != "auto" && backend != "glass") || path.empty() || !stays_inside(path))
      return make_error(Errc::invalid_argument,
                        fmt::format("{}:{}: not a newsdex shard list (\"{}\"); only databases "
                                    "inside the index directory can be written",
                                    (dir / kStub).string(), number, line));
    entries.push_back(dir / path);
  }
  if (entries.empty())
    return make_error(Errc::invalid_argument, (dir / kStub).string() + " lists no database");
  if (entries.size() == 1) return ShardLayout{entries.front(), entries, true};
  if (!entries.front().filename().string().starts_with("meta"))
    return make_error(Errc::invalid_argument,
                      (dir / kStub).string() +
                          " lists several databases but no metadata database first: not an "
                          "index newsdex wrote");
  return ShardLayout{entries.front(), {entries.begin() + 1, entries.end()}, true};
}

ShardLayout planned_layout(const fs::path& dir, unsigned n) {
  if (n <= 1) return ShardLayout{dir, {dir}, false};
  const auto base = dir / fmt::format("shards-{}", n);
  ShardLayout layout{base / "meta", {}, true};
  for (unsigned i = 0; i < n; ++i) layout.shards.push_back(base / fmt::format("{:02}", i));
  return layout;
}

Status write_stub(const fs::path& dir, const ShardLayout& layout) {
  std::string text =
      "# newsdex: this index's databases (metadata first); written by newsdex-indexer\n";
  auto add = [&](const fs::path& db) {
    text += "auto " + db.lexically_relative(dir).string() + "\n";
  };
  if (layout.sharded()) add(layout.meta);
  for (const auto& shard : layout.shards) add(shard);
  const auto temporary = dir / ".XAPIANDB.new";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return make_error(Errc::index_error, "cannot write " + temporary.string());
  }
  std::error_code ec;
  fs::rename(temporary, dir / kStub, ec);
  if (ec)
    return make_error(Errc::index_error,
                      "cannot replace " + (dir / kStub).string() + ": " + ec.message());
  return Ok{};
}

void remove_database_files(const fs::path& dir) {
  std::error_code ec;
  fs::remove(dir / "iamglass", ec);
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto name = entry.path().filename().string();
    const auto ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".glass" || ext == ".baseA" || ext == ".baseB" ||
                                    name == "flintlock" || name.starts_with("changes")))
      fs::remove(entry.path(), ec);
  }
}

unsigned shard_of(std::string_view relative_path, unsigned shard_count) {
  if (shard_count <= 1) return 0;
  // FNV-1a: fixed by its definition, unlike std::hash.
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : relative_path) hash = (hash ^ c) * 1099511628211ull;
  return static_cast<unsigned>(hash % shard_count);
}

}  // namespace newsdex
