#include "index_snapshot.hpp"

#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <string>
#include <vector>

#include "index_compaction.hpp"  // directory_bytes
#include "shard_layout.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace {

constexpr unsigned kMaxAttempts = 10;

// One database's compacted copy as of one revision, again from the newest when commits overtake
// the copy.
Result<SnapshotInfo> copy_database(const fs::path& source, const fs::path& into) {
  SnapshotInfo info;
  std::string last_error;
  std::error_code ec;
  for (info.attempts = 1; info.attempts <= kMaxAttempts; ++info.attempts) {
    fs::remove_all(into, ec);
    try {
      Xapian::Database db(source.string());
      info.revision = db.get_revision();
      info.documents = db.get_doccount();
      // The same document ids: the indexer's state and the entity table refer to them.
      db.compact(into.string(), Xapian::DBCOMPACT_NO_RENUMBER);
      return info;
    } catch (const Xapian::DatabaseModifiedError& e) {
      last_error = e.get_description();
    } catch (const Xapian::Error& e) {
      return make_error(Errc::index_error, e.get_description());
    }
  }
  return make_error(Errc::index_error, "commits overtook " + std::to_string(kMaxAttempts) +
                                           " copies of " + source.string() + ": " + last_error);
}

}  // namespace

Result<SnapshotInfo> snapshot_index(const fs::path& index, const fs::path& given) {
  std::error_code ec;
  fs::path destination = fs::absolute(given).lexically_normal();
  if (!destination.has_filename()) destination = destination.parent_path();  // "/backup/snap/"
  if (fs::exists(destination, ec))
    return make_error(Errc::invalid_argument,
                      "the snapshot destination " + destination.string() +
                          " already exists (a snapshot never overwrites anything)");
  if (!fs::is_directory(destination.parent_path(), ec))
    return make_error(Errc::invalid_argument, "the folder " + destination.parent_path().string() +
                                                  " for the snapshot does not exist");
  if (!fs::is_directory(index, ec))
    return make_error(Errc::invalid_argument,
                      "there is no index at " + index.string() + " to take a snapshot of");
  const fs::path partial = destination.parent_path() / (destination.filename().string() +
                                                        ".partial-" + std::to_string(::getpid()));
  auto layout = read_layout(index);
  if (!layout) return layout.error();
  // A sharded index is copied database by database into the same layout, the documents' shards
  // before the metadata: the copy's entity table is then never behind its documents.
  std::vector<fs::path> databases = layout->shards;
  if (layout->sharded()) databases.push_back(layout->meta);
  fs::remove_all(partial, ec);
  SnapshotInfo info;
  for (const auto& database : databases) {
    const auto into = layout->stub ? partial / database.lexically_relative(index) : partial;
    fs::create_directories(into.parent_path(), ec);
    auto copied = copy_database(database, into);
    if (!copied) {
      fs::remove_all(partial, ec);
      return make_error(copied.error().code, "cannot take a snapshot of " + index.string() + ": " +
                                                 copied.error().message);
    }
    info.revision = copied->revision;  // the metadata's (or the one database's)
    info.documents += copied->documents;
    info.attempts = std::max(info.attempts, copied->attempts);
  }
  if (layout->stub) {
    ShardLayout copy{partial / layout->meta.lexically_relative(index), {}, true};
    for (const auto& shard : layout->shards)
      copy.shards.push_back(partial / shard.lexically_relative(index));
    if (auto written = write_stub(partial, copy); !written) {
      fs::remove_all(partial, ec);
      return written.error();
    }
  }
  info.bytes = directory_bytes(partial);
  fs::rename(partial, destination, ec);
  if (ec) {
    fs::remove_all(partial, ec);
    return make_error(Errc::io_error, "cannot move the snapshot into " + destination.string() +
                                          ": " + ec.message());
  }
  return info;
}

}  // namespace newsdex
