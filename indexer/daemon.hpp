// The watching indexer (`newsdex-indexer` without --once): reconciles the directory with the
// index at start, then keeps it in step with every save, rename and delete. Commits adapt: as soon
// as nothing more is waiting (at most every commit_floor_ms), and under a backlog in batches that
// grow while it lasts (commit_policy.hpp). SIGTERM/SIGINT finish the
// current batch, commit and return 0; SIGHUP reloads the config.
//
// When the index cannot be written (a full disk, a read-only index) the daemon keeps the last
// commit, reports the state `degraded` with the reason (log, status file, metadata once a commit
// lands again), retries with back-off and, once a commit succeeds, reconciles to catch up.
//
// Threads: the Asio event loop (inotify, debounce timer, signals) decides what to process; the
// WorkerPool parses; one writer thread applies and commits.
#pragma once

#include <functional>
#include <memory>

#include "config.hpp"
#include "index_writer.hpp"
#include "result.hpp"

namespace newsdex {

class Daemon {
 public:
  // reload: produces the new config on SIGHUP (the file re-read, flags re-applied); may be empty.
  Daemon(Config config, std::function<Result<Config>()> reload);
  ~Daemon();

  // Runs until stopped. Errors only when the index cannot be opened or written, or watching fails.
  Status run();

  // Thread-safe: asks run() to finish its batch, commit and return.
  void stop();

  // Test seam, before run(): every writer the daemon opens calls it (see IndexWriter).
  void set_write_fault(WriteFault fault);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
