// One document shard's writable database and, in a sharded index, the thread that owns it: the
// index writer hands each shard its work in order, and every shard adds, deletes and commits on
// its own core. Unsharded, the work runs at once on the caller's thread (the writer's ordering
// and failure behaviour are then exactly those of a single database).
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace newsdex {

class ShardWriter {
 public:
  using Work = std::function<void(Xapian::WritableDatabase&)>;

  ShardWriter(Xapian::WritableDatabase db, bool own_thread);
  ~ShardWriter();  // stops the thread; uncommitted work is discarded with the transaction
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // Queues work (or runs it now, without a thread). The first Xapian::Error (or other exception)
  // work throws is kept and rethrown by the next run() or wait(); later work is dropped until then.
  void run(Work work);
  // Returns once every queued piece of work is done, rethrowing the kept failure if any.
  void wait();

  // The database, for the caller's thread only while no work is queued (after wait()).
  Xapian::WritableDatabase& db() { return db_; }

 private:
  void loop();
  void rethrow_failure();

  Xapian::WritableDatabase db_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Work> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::thread thread_;  // last: started once the members above exist
};

}  // namespace newsdex
