#include "index_snapshot.hpp"

#include <unistd.h>
#include <xapian.h>

#include <string>

#include "index_compaction.hpp"  // directory_bytes

namespace newsdex {
namespace fs = std::filesystem;
namespace {

constexpr unsigned kMaxAttempts = 10;

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
  SnapshotInfo info;
  std::string last_error;
  for (info.attempts = 1; info.attempts <= kMaxAttempts; ++info.attempts) {
    fs::remove_all(partial, ec);
    try {
      Xapian::Database db(index.string());
      info.revision = db.get_revision();
      info.documents = db.get_doccount();
      // The same document ids: the indexer's state and the entity table refer to them.
      db.compact(partial.string(), Xapian::DBCOMPACT_NO_RENUMBER);
      info.bytes = directory_bytes(partial);
      fs::rename(partial, destination, ec);
      if (ec) {
        fs::remove_all(partial, ec);
        return make_error(Errc::io_error, "cannot move the snapshot into " + destination.string() +
                                              ": " + ec.message());
      }
      return info;
    } catch (const Xapian::DatabaseModifiedError& e) {
      last_error = e.get_description();  // commits overtook the copy: again, from the newest
    } catch (const Xapian::Error& e) {
      fs::remove_all(partial, ec);
      return make_error(Errc::index_error,
                        "cannot take a snapshot of " + index.string() + ": " + e.get_description());
    }
  }
  fs::remove_all(partial, ec);
  return make_error(Errc::index_error, "commits overtook " + std::to_string(kMaxAttempts) +
                                           " snapshot copies of " + index.string() + ": " +
                                           last_error);
}

}  // namespace newsdex
