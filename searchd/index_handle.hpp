// One worker's read handle on the index: the local paths and remote shards (tcp://host:port, served
// by xapian-tcpsrv) opened as one Xapian::Database, opened lazily and reopened when the indexer has
// committed a new revision, or opened anew when a local index directory was replaced (the indexer
// swaps in a compacted copy after --once). Not thread-safe: each worker owns one.
#pragma once

#include <sys/types.h>
#include <xapian.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api.hpp"
#include "metrics.hpp"

namespace newsdex::searchd {

class IndexHandle {
 public:
  IndexHandle(std::vector<std::string> specs, Metrics& metrics);

  // The database at its latest revision, or a 503 ApiError when it cannot be opened (the index
  // may not exist yet: the next call tries again).
  ApiResult<Xapian::Database*> refresh();

  // Forces a reopen after a DatabaseModifiedError.
  void recover();

  const std::vector<std::string>& specs() const { return specs_; }

 private:
  std::vector<std::string> specs_;
  Metrics& metrics_;
  std::optional<Xapian::Database> db_;
  // The local directories' identities (device, inode) when opened: a new inode is a new index.
  std::vector<std::pair<dev_t, ino_t>> opened_;

  std::vector<std::pair<dev_t, ino_t>> identities() const;
};

// What identifies the index's content: a local index's UUID and revision number; for a set of
// shards, which has no revision, the last commit's time, the entity table's next id and the
// document count.
std::string revision_of(const Xapian::Database& db);

// Opens one index spec: a directory, or tcp://host:port for a remote shard.
Xapian::Database open_index(const std::string& spec);

}  // namespace newsdex::searchd
