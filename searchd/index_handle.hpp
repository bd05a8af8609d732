// One worker's read handle on the index: the local paths and remote shards (tcp://host:port, served
// by xapian-tcpsrv) opened as one Xapian::Database, opened lazily and reopened when the indexer has
// committed a new revision, or opened anew when a local index directory was replaced (the indexer
// swaps in a compacted copy after --once). A shard that cannot be opened or stops answering is
// left out, so the others still answer (the reply says which are missing), and tried again every
// ShardOptions::retry. Not thread-safe: each worker owns one.
#pragma once

#include <sys/types.h>
#include <xapian.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api.hpp"
#include "metrics.hpp"

namespace newsdex::searchd {

struct ShardOptions {
  std::chrono::milliseconds timeout{5000};  // a remote shard's connect and reply timeout
  std::chrono::milliseconds retry{1000};    // a shard left out is tried again after this long
};

class IndexHandle {
 public:
  IndexHandle(std::vector<std::string> specs, Metrics& metrics, ShardOptions options = {});

  // The database of every shard that answers, at its latest revision, or a 503 ApiError when
  // none can be opened (the index may not exist yet: the next call tries again).
  ApiResult<Xapian::Database*> refresh();

  // Forces a reopen after a DatabaseModifiedError.
  void recover();

  // After a NetworkError: asks every remote shard again and leaves out those that do not answer.
  void shard_failed();

  // The shards left out of the database now, in spec order: a remote one by its spec, a local one
  // as "local:N" (its place among the specs, from 1), since replies never show index paths.
  std::vector<std::string> missing() const;

  // Each shard's name (as missing() gives it), "up" or "down", its document count when up and
  // why when down.
  nlohmann::json shard_states() const;

  const std::vector<std::string>& specs() const { return specs_; }
  bool has_remote_shards() const;

 private:
  struct Shard {
    explicit Shard(std::string s) : spec(std::move(s)) {}
    std::string spec;
    std::optional<Xapian::Database> db;
    std::string error;  // why it is down
    std::chrono::steady_clock::time_point retry_at{};
    std::pair<dev_t, ino_t> identity{};  // a local directory's (device, inode) when opened
  };

  // Opens the shards that are due; true when one was opened or dropped.
  bool open_due_shards();
  void combine();

  std::vector<std::string> specs_;
  Metrics& metrics_;
  ShardOptions options_;
  std::vector<Shard> shards_;
  std::optional<Xapian::Database> db_;  // the shards that are up, as one
};

// What identifies the index's content: a local index's UUID and revision number; for a set of
// shards, which has no revision, the last commit's time, the entity table's next id and the
// document count.
std::string revision_of(const Xapian::Database& db);

// Opens one index spec: a directory, or tcp://host:port for a remote shard.
Xapian::Database open_index(const std::string& spec,
                            std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

}  // namespace newsdex::searchd
