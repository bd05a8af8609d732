// One worker's read handle on the index: the local paths and remote shards (tcp://host:port, served
// by xapian-tcpsrv) opened as one Xapian::Database, opened lazily and reopened when the indexer has
// committed a new revision. Not thread-safe: each worker owns one.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
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
};

// Opens one index spec: a directory, or tcp://host:port for a remote shard.
Xapian::Database open_index(const std::string& spec);

}  // namespace newsdex::searchd
