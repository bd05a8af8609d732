// The watching indexer's state and the work of its two threads, private to daemon*.cpp:
// daemon.cpp starts and stops it (signals, config reload), daemon_events.cpp runs on the Asio
// event loop (watch events → debounced changes → worker queue), daemon_writer.cpp on the writer
// thread (apply, commit, degrade and retry).
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>

#include "change_queue.hpp"
#include "commit_policy.hpp"
#include "daemon.hpp"
#include "ignore_rules.hpp"
#include "index_state.hpp"
#include "index_writer.hpp"
#include "inotify_watcher.hpp"
#include "known_files.hpp"
#include "scanner.hpp"
#include "status_file.hpp"
#include "worker_pool.hpp"

namespace newsdex {

struct Daemon::Impl {
  using Clock = std::chrono::steady_clock;
  using milliseconds = std::chrono::milliseconds;

  // Retries after a write failure: the first soon, then doubling up to a minute.
  static constexpr milliseconds kFirstRetry{500};
  static constexpr milliseconds kLongestRetry{60'000};

  Config config;
  std::function<Result<Config>()> reload;

  boost::asio::io_context io;
  boost::asio::signal_set signals{io, SIGTERM, SIGINT, SIGHUP};
  boost::asio::steady_timer debounce_timer{io};
  boost::asio::steady_timer pump_timer{io};
  IgnoreRules ignore{{}};
  std::unique_ptr<IndexWriter> writer;
  std::unique_ptr<KnownFiles> known;
  std::unique_ptr<WorkerPool> pool;
  std::unique_ptr<InotifyWatcher> watcher;
  std::jthread writer_thread;
  Status writer_status = Ok{};
  WriteFault fault;
  std::unique_ptr<StatusFile> status_file;
  std::string parse_limits;  // the parser limits in force (skip records made under others expire)

  // Writer-thread state while the index cannot be written.
  std::string degraded_reason;  // "" when healthy
  Clock::time_point retry_at;
  milliseconds retry_delay = kFirstRetry;

  // Event-loop state: only touched on the io thread.
  ChangeQueue changes{milliseconds(50)};
  std::deque<FileJob> backlog;                // decided, waiting for room in the worker queue
  std::unordered_set<std::string> in_flight;  // submitted, not yet applied by the writer
  std::unordered_set<std::string> dirty;      // changed again while in flight
  bool stopping = false;

  // Read by the writer thread, changed by SIGHUP.
  std::atomic<unsigned> commit_floor_ms{20};
  std::atomic<unsigned> commit_interval_ms{1000};
  std::atomic<unsigned> commit_interval_max_ms{8000};
  std::atomic<unsigned> commit_every_docs{2000};
  // Writer-thread state: when the next commit is due.
  CommitPolicy policy{commit_times()};

  Impl(Config c, std::function<Result<Config>()> r);

  // --- start and stop (daemon.cpp) ---------------------------------------------------------------
  void apply_live_settings(const Config& c);
  CommitTimes commit_times() const;
  void wait_for_signals();
  void on_reload();
  void begin_stop();

  // --- io thread (daemon_events.cpp) -------------------------------------------------------------
  void on_event(const WatchEvent& event);
  ScanResult scan(const std::string& under = "") const;
  void arm_debounce();
  void enqueue(ChangeQueue::Ready ready);
  // Moves the backlog into the worker queue without ever blocking the event loop.
  void pump();
  // The writer applied this path's update.
  void on_applied(const std::string& path, const std::optional<std::string>& moved_from);
  // Compares the whole directory with what the index records and queues every difference.
  void reconcile();

  // --- writer thread (daemon_writer.cpp) ---------------------------------------------------------
  void write_loop();
  // Tells the event loop the update is done with (applied or dropped).
  void applied(const FileUpdate& update);
  // What the index holds, files skipped for their content included.
  IndexState known_state() const;
  // The index cannot be written: drop the writer (its uncommitted batch is cancelled, the last
  // commit stays as it was) and retry later.
  void degrade(const IndexerCounters& counters, const Xapian::Error& error);
  // While degraded: drop finished updates (the catch-up reconciliation finds their files again)
  // and retry when it is time. False once the daemon is stopping and the workers are done.
  bool wait_while_degraded(IndexerCounters& counters);
  void apply(FileUpdate& update, IndexerCounters& counters);
  nlohmann::json state_json(const IndexerCounters& counters, std::string_view state) const;
  // The state where searchd and --status find it even when no commit can carry it.
  void write_status(const IndexerCounters& counters, std::string_view state);
  void commit(const IndexerCounters& counters, std::string_view state,
              IndexWriter::Names names = IndexWriter::Names::settle);
};

}  // namespace newsdex
