#include "reshard.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <atomic>
#include <exception>
#include <memory>
#include <thread>
#include <vector>

#include "index_writer.hpp"
#include "schema.hpp"
#include "shard_layout.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace {

// Where the new layout is built: planned_layout's folders, or for one database a folder of its
// own (DIR itself may still hold the old database).
ShardLayout target_layout(const fs::path& dir, unsigned shards) {
  if (shards > 1) return planned_layout(dir, shards);
  const auto single = dir / "shards-1" / "00";
  return ShardLayout{single, {single}, true};
}

// Copies, as stored, every document of the old databases whose path belongs in new shard `shard`.
void copy_shard(const std::vector<fs::path>& old_shards, unsigned shard, unsigned shards,
                Xapian::WritableDatabase& into, std::atomic<std::uint64_t>& copied) {
  for (const auto& path : old_shards) {
    Xapian::Database old(path.string());
    for (auto it = old.valuestream_begin(schema::kSlotSourcePath);
         it != old.valuestream_end(schema::kSlotSourcePath); ++it) {
      if (shard_of(*it, shards) != shard) continue;
      const auto doc = old.get_document(it.get_docid());
      count_spellings(into, doc, +1);
      into.add_document(doc);
      ++copied;
    }
  }
}

void copy_metadata(const Xapian::Database& from, Xapian::WritableDatabase& to) {
  for (auto key = from.metadata_keys_begin(); key != from.metadata_keys_end(); ++key)
    to.set_metadata(*key, from.get_metadata(*key));
}

}  // namespace

Result<ReshardResult> reshard_index(const fs::path& dir, unsigned shards) {
  auto old_layout = read_layout(dir);
  if (!old_layout) return old_layout.error();
  ReshardResult result{static_cast<unsigned>(old_layout->shards.size()), shards, 0};
  if (result.from == shards)
    return make_error(Errc::invalid_argument,
                      fmt::format("the index {} already has {} shard(s)", dir.string(), shards));
  const auto target = target_layout(dir, shards);
  const auto new_root = target.meta.parent_path();
  try {
    // The old layout's write locks, held to the end: no indexer writes while documents move.
    std::vector<Xapian::WritableDatabase> old_dbs;
    if (old_layout->sharded()) old_dbs.emplace_back(old_layout->meta.string(), Xapian::DB_OPEN);
    for (const auto& path : old_layout->shards)
      old_dbs.emplace_back(path.string(), Xapian::DB_OPEN);
    std::error_code ec;
    fs::remove_all(new_root, ec);  // what an interrupted reshard left
    for (const auto& path : target.shards) fs::create_directories(path.parent_path(), ec);

    std::vector<Xapian::WritableDatabase> new_shards;
    for (const auto& path : target.shards)
      new_shards.emplace_back(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    auto new_meta = target.sharded() ? Xapian::WritableDatabase(target.meta.string(),
                                                                Xapian::DB_CREATE_OR_OVERWRITE)
                                     : new_shards.front();
    copy_metadata(old_dbs.front(), new_meta);

    // One thread per new shard, each with read handles of its own on the old documents and the
    // only use of its new database: copying is reading positions and writing them again, and the
    // shards are written in parallel as the indexer writes them.
    std::vector<std::exception_ptr> failures(shards);
    std::atomic<std::uint64_t> copied = 0;
    {
      std::vector<std::jthread> copiers;
      for (unsigned s = 0; s < shards; ++s)
        copiers.emplace_back([&, s] {
          try {
            copy_shard(old_layout->shards, s, shards, new_shards[s], copied);
          } catch (...) {
            failures[s] = std::current_exception();
          }
        });
    }
    for (const auto& failure : failures)
      if (failure) std::rethrow_exception(failure);
    result.documents = copied;
    for (auto& db : new_shards) db.commit();
    if (target.sharded()) new_meta.commit();
    new_shards.clear();
    new_meta.close();

    // The switch: the stub names the new layout (and, for an unsharded DIR, its database stops
    // counting once iamglass is gone). Then the old databases go.
    if (auto written = write_stub(dir, target); !written) return written.error();
    if (!old_layout->stub) remove_database_files(dir);
    old_dbs.clear();
    if (old_layout->stub) fs::remove_all(old_layout->shards.front().parent_path(), ec);
  } catch (const Xapian::DatabaseLockError&) {
    return make_error(Errc::index_error, "an indexer is writing the index " + dir.string() +
                                             ": stop it before resharding");
  } catch (const Xapian::Error& e) {
    return make_error(Errc::index_error, "resharding " + dir.string() + " failed: " +
                                             e.get_description() + " (the index is as it was)");
  }
  return result;
}

}  // namespace newsdex
