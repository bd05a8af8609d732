#include "daemon.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <deque>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_set>

#include "change_queue.hpp"
#include "index_writer.hpp"
#include "inotify_watcher.hpp"
#include "known_files.hpp"
#include "reconcile.hpp"
#include "scanner.hpp"
#include "schema.hpp"
#include "skip_records.hpp"
#include "status_file.hpp"
#include "worker_pool.hpp"

namespace newsdex {
namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Retries after a write failure: the first soon, then doubling up to a minute.
constexpr milliseconds kFirstRetry{500};
constexpr milliseconds kLongestRetry{60'000};

struct Daemon::Impl {
  Config config;
  std::function<Result<Config>()> reload;

  asio::io_context io;
  asio::signal_set signals{io, SIGTERM, SIGINT, SIGHUP};
  asio::steady_timer debounce_timer{io};
  asio::steady_timer pump_timer{io};
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
  std::atomic<unsigned> commit_interval_ms{200};
  std::atomic<unsigned> commit_every_docs{1000};
  std::atomic<bool> reconciling{true};

  Impl(Config c, std::function<Result<Config>()> r) : config(std::move(c)), reload(std::move(r)) {
    apply_live_settings(config);
  }

  void apply_live_settings(const Config& c) {
    ignore = IgnoreRules(c.indexer.ignore);
    changes.set_debounce(milliseconds(c.indexer.debounce_ms));
    commit_interval_ms = c.indexer.commit_interval_ms;
    commit_every_docs = c.indexer.commit_every_docs;
    if (auto level = spdlog::level::from_str(c.log.level);
        level != spdlog::level::off || c.log.level == "off")
      spdlog::set_level(level);
  }

  // --- io thread ---------------------------------------------------------------------------------

  void on_event(const WatchEvent& event) {
    using Kind = WatchEvent::Kind;
    const auto now = Clock::now();
    switch (event.kind) {
      case Kind::written:
      case Kind::removed:
        changes.changed(event.relative_path, now);
        break;
      case Kind::moved:
        if (ignore.ignored(event.from) || !known->get(event.from))
          changes.changed(event.relative_path, now);  // e.g. an editor's temp file renamed over
        else
          changes.moved(event.from, event.relative_path, now);
        break;
      case Kind::dir_added:
        for (auto& file : scan(event.relative_path).files) changes.changed(file.relative_path, now);
        break;
      case Kind::dir_moved: {
        // Each file moves without a re-parse; anything the index did not know is read.
        const auto from = event.from + "/";
        std::unordered_set<std::string> moved;
        for (auto& file : scan(event.relative_path).files) {
          auto old_path = from + file.relative_path.substr(event.relative_path.size() + 1);
          if (known->get(old_path)) {
            changes.moved(old_path, file.relative_path, now);
            moved.insert(std::move(old_path));
          } else {
            changes.changed(file.relative_path, now);
          }
        }
        // Known files not found under the new name (deleted meanwhile) are dropped.
        for (auto& path : known->under(event.from))
          if (!moved.contains(path)) changes.changed(path, now);
        break;
      }
      case Kind::dir_removed:
        for (auto& path : known->under(event.relative_path)) changes.changed(path, now);
        break;
      case Kind::overflow:
        spdlog::warn("inotify queue overflowed: reconciling the whole directory");
        reconcile();
        break;
    }
    arm_debounce();
  }

  ScanResult scan(const std::string& under = "") const {
    return scan_documents(config.paths.docs, ignore, config.indexer.follow_external_symlinks,
                          under);
  }

  void arm_debounce() {
    auto deadline = changes.next_deadline();
    if (!deadline || stopping) return;
    debounce_timer.expires_at(*deadline);
    debounce_timer.async_wait([this](const boost::system::error_code& error) {
      if (error) return;
      for (auto& ready : changes.take_ready(Clock::now())) enqueue(std::move(ready));
      pump();
      arm_debounce();
    });
  }

  void enqueue(ChangeQueue::Ready ready) {
    const bool busy = in_flight.contains(ready.relative_path) ||
                      (ready.moved_from && in_flight.contains(*ready.moved_from));
    if (busy) {
      // Processed again once the version in flight is applied, so the last write always wins.
      dirty.insert(ready.relative_path);
      if (ready.moved_from) dirty.insert(*ready.moved_from);
      return;
    }
    FileJob job{ready.relative_path, known->get(ready.moved_from.value_or(ready.relative_path)),
                ready.moved_from};
    in_flight.insert(job.relative_path);
    if (job.moved_from) in_flight.insert(*job.moved_from);
    backlog.push_back(std::move(job));
  }

  // Moves the backlog into the worker queue without ever blocking the event loop.
  void pump() {
    while (!backlog.empty() && pool->try_submit(backlog.front())) backlog.pop_front();
    if (backlog.empty() || stopping) return;
    pump_timer.expires_after(milliseconds(5));
    pump_timer.async_wait([this](const boost::system::error_code& error) {
      if (!error) pump();
    });
  }

  // The writer applied this path's update.
  void on_applied(const std::string& path, const std::optional<std::string>& moved_from) {
    for (const auto* p : {&path, moved_from ? &*moved_from : nullptr}) {
      if (!p) continue;
      in_flight.erase(*p);
      if (dirty.erase(*p)) changes.changed(*p, Clock::now());
    }
    arm_debounce();
  }

  // Compares the whole directory with what the index records and queues every difference.
  void reconcile() {
    auto found = scan();
    for (const auto& problem : found.problems)
      spdlog::warn("{}: skipped: {}", problem.relative_path, problem.reason);
    auto plan = plan_changes(found.files, known->snapshot());
    spdlog::info("reconciling {}: {} files, {} to index, {} unchanged, {} to delete",
                 config.paths.docs.string(), found.files.size(), plan.jobs.size(), plan.unchanged,
                 plan.removals.size());
    for (auto& job : plan.jobs) enqueue({job.relative_path, std::nullopt});
    // A vanished file's job finds nothing on disk, and the writer deletes its documents.
    for (auto& path : plan.removals) enqueue({path, std::nullopt});
    pump();
  }

  void wait_for_signals() {
    signals.async_wait([this](const boost::system::error_code& error, int signal) {
      if (error) return;
      if (signal == SIGHUP) {
        on_reload();
        wait_for_signals();
      } else {
        spdlog::info("signal {}: finishing the current batch", signal);
        begin_stop();
      }
    });
  }

  void on_reload() {
    if (!reload) return;
    auto fresh = reload();
    if (!fresh) {
      spdlog::error("config reload failed, keeping the running config: {}", fresh.error().message);
      return;
    }
    if (fresh->paths.docs != config.paths.docs || fresh->paths.index != config.paths.index ||
        fresh->indexer.workers != config.indexer.workers ||
        fresh->indexer.queue_capacity != config.indexer.queue_capacity ||
        fresh->indexer.max_file_bytes != config.indexer.max_file_bytes ||
        fresh->indexer.isolate_formats != config.indexer.isolate_formats ||
        fresh->indexer.parse_helper != config.indexer.parse_helper ||
        fresh->indexer.parse_timeout_ms != config.indexer.parse_timeout_ms ||
        fresh->indexer.parse_cpu_seconds != config.indexer.parse_cpu_seconds ||
        fresh->indexer.parse_memory_mb != config.indexer.parse_memory_mb)
      spdlog::warn(
          "config reload: paths, workers, queue_capacity, max_file_bytes and the parse_* "
          "settings change only with a restart");
    apply_live_settings(*fresh);
    config.log = fresh->log;
    config.indexer.ignore = fresh->indexer.ignore;
    config.indexer.debounce_ms = fresh->indexer.debounce_ms;
    config.indexer.commit_interval_ms = fresh->indexer.commit_interval_ms;
    config.indexer.commit_every_docs = fresh->indexer.commit_every_docs;
    spdlog::info("config reloaded");
  }

  void begin_stop() {
    if (stopping) return;
    stopping = true;
    if (watcher) watcher->stop();
    debounce_timer.cancel();
    pump_timer.cancel();
    signals.cancel();
    // Jobs already with the workers are finished and committed; anything still waiting here is
    // found again by the reconciliation at the next start.
    pool->close_input();
  }

  // --- writer thread -----------------------------------------------------------------------------

  void write_loop() {
    IndexerCounters counters;
    auto last_commit = Clock::now();
    auto last_log = last_commit;
    std::uint64_t applied_since_log = 0;
    for (;;) {
      if (!writer) {
        if (wait_while_degraded(counters)) continue;
        break;
      }
      try {
        const auto interval = milliseconds(commit_interval_ms.load());
        const auto wait = writer->pending() ? std::max(milliseconds(0),
                                                       std::chrono::duration_cast<milliseconds>(
                                                           last_commit + interval - Clock::now()))
                                            : milliseconds(500);
        auto update = pool->next_for(wait);
        if (update) {
          try {
            apply(*update, counters);
          } catch (const Xapian::Error&) {
            applied(*update);  // dropped: the catch-up reconciliation finds the file again
            throw;
          }
          ++applied_since_log;
          applied(*update);
        } else if (pool->finished()) {
          break;
        }
        const auto now = Clock::now();
        if (writer->pending() &&
            (now - last_commit >= interval || writer->pending() >= commit_every_docs.load())) {
          commit(counters, "watching");
          last_commit = now;
          retry_delay = kFirstRetry;  // writing works again, for real
        }
        if (applied_since_log && now - last_log >= std::chrono::seconds(2)) {
          spdlog::info("indexed {} files in the last {} s ({} waiting)", applied_since_log,
                       std::chrono::duration_cast<std::chrono::seconds>(now - last_log).count(),
                       pool->queued());
          applied_since_log = 0;
          last_log = now;
        }
      } catch (const Xapian::Error& e) {
        degrade(counters, e);
      }
    }
    if (writer) {
      try {
        commit(counters, "stopped");
      } catch (const Xapian::Error& e) {
        writer_status = make_error(Errc::index_error, write_failure(config.paths.index, e));
        write_status(counters, "degraded");
      }
    } else {
      writer_status = make_error(Errc::index_error, degraded_reason);
    }
    asio::post(io, [this] { io.stop(); });
  }

  // Tells the event loop the update is done with (applied or dropped).
  void applied(const FileUpdate& update) {
    asio::post(io, [this, path = update.relative_path, from = update.moved_from] {
      on_applied(path, from);
    });
  }

  // What the index holds, files skipped for their content included.
  IndexState known_state() const {
    auto state = read_index_state(writer->database());
    add_skips(state, writer->database(), parse_limits);
    return state;
  }

  // The index cannot be written: drop the writer (its uncommitted batch is cancelled, the last
  // commit stays as it was) and retry later.
  void degrade(const IndexerCounters& counters, const Xapian::Error& error) {
    writer.reset();
    degraded_reason = write_failure(config.paths.index, error);
    retry_at = Clock::now() + retry_delay;
    spdlog::error("{}; the last commit is intact, retrying in {} ms", degraded_reason,
                  retry_delay.count());
    retry_delay = std::min(retry_delay * 2, kLongestRetry);
    write_status(counters, "degraded");
  }

  // While degraded: drop finished updates (the catch-up reconciliation finds their files again)
  // and retry when it is time. False once the daemon is stopping and the workers are done.
  bool wait_while_degraded(IndexerCounters& counters) {
    if (pool->finished()) return false;
    const auto wait = std::clamp(std::chrono::duration_cast<milliseconds>(retry_at - Clock::now()),
                                 milliseconds(0), milliseconds(500));
    if (auto update = pool->next_for(wait)) applied(*update);
    if (Clock::now() < retry_at || pool->finished()) return true;
    auto reopened = IndexWriter::open(config.paths.index, fault);
    if (!reopened) {
      retry_at = Clock::now() + retry_delay;
      spdlog::error("{}; retrying in {} ms", reopened.error().message, retry_delay.count());
      retry_delay = std::min(retry_delay * 2, kLongestRetry);
      return true;
    }
    try {
      writer = std::move(*reopened);
      known->reset(known_state());
      commit(counters, "watching");  // proves a commit lands again
    } catch (const Xapian::Error& e) {
      degrade(counters, e);
      return true;
    }
    spdlog::info("the index {} can be written again: catching up", config.paths.index.string());
    degraded_reason.clear();
    asio::post(io, [this] {
      if (!stopping) reconcile();
    });
    return true;
  }

  void apply(FileUpdate& update, IndexerCounters& counters) {
    using Kind = FileUpdate::Kind;
    if (!writer->apply(update)) {
      // A rename or touch of documents that are not there (their batch was lost to a write
      // failure): read the file afresh.
      if (update.moved_from) known->erase(*update.moved_from);
      known->erase(update.relative_path);
      asio::post(io, [this, path = update.relative_path] { changes.changed(path, Clock::now()); });
      return;
    }
    if (update.moved_from) known->erase(*update.moved_from);
    switch (update.kind) {
      case Kind::replace:
      case Kind::touch:
      case Kind::move:
        known->set(update.relative_path, {update.source.size,
                                          update.source.mtime_ns,
                                          update.source.sha256,
                                          update.indexed_at_s,
                                          {}});
        if (update.kind == Kind::replace) {
          ++(update.was_indexed ? counters.updated : counters.added);
          counters.documents += update.docs.size();
        }
        spdlog::debug("{}: {}", update.relative_path,
                      update.kind == Kind::move ? "moved from " + *update.moved_from : "indexed");
        return;
      case Kind::remove:
        if (update.was_indexed) ++counters.removed;
        spdlog::debug("{}: removed", update.relative_path);
        break;
      case Kind::failed:
        ++counters.skipped;
        spdlog::warn("{}: skipped: {}", update.relative_path, update.error);
        if (update.remember_skip) {
          known->set(update.relative_path,
                     {update.source.size, update.source.mtime_ns, update.source.sha256,
                      update.indexed_at_s, update.error});
          return;
        }
        break;
    }
    known->erase(update.relative_path);
  }

  nlohmann::json state_json(const IndexerCounters& counters, std::string_view state) const {
    nlohmann::json status = {
        {"state", state},
        {"pid", ::getpid()},
        {"queue", pool->queued()},
        {"files", known->size()},
        {"added", counters.added},
        {"updated", counters.updated},
        {"removed", counters.removed},
        {"skipped", counters.skipped},
    };
    if (state == "degraded") status["reason"] = degraded_reason;
    return status;
  }

  // The state where searchd and --status find it even when no commit can carry it.
  void write_status(const IndexerCounters& counters, std::string_view state) {
    if (status_file && !status_file->write(state_json(counters, state).dump()))
      spdlog::warn("cannot write the status file in {}", config.paths.index.string());
  }

  void commit(const IndexerCounters& counters, std::string_view state) {
    const auto status = state_json(counters, state).dump();
    writer->set_state(status);
    writer->commit(counters);
    if (status_file) status_file->write(status);
  }
};

Daemon::Daemon(Config config, std::function<Result<Config>()> reload)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(reload))) {}

Daemon::~Daemon() = default;

void Daemon::set_write_fault(WriteFault fault) {
  impl_->fault = std::move(fault);
}

void Daemon::stop() {
  asio::post(impl_->io, [impl = impl_.get()] { impl->begin_stop(); });
}

Status Daemon::run() {
  auto& d = *impl_;
  auto writer = IndexWriter::open(d.config.paths.index, d.fault);
  if (!writer) return writer.error();
  d.writer = std::move(*writer);
  d.status_file = std::make_unique<StatusFile>(d.config.paths.index);
  auto isolation = parser_isolation(d.config.indexer);
  if (!isolation) return isolation.error();
  try {
    d.parse_limits = isolation->limits();
    d.known = std::make_unique<KnownFiles>(d.known_state());
  } catch (const Xapian::Error& e) {
    return make_error(Errc::index_error, "reading the index failed: " + e.get_description());
  }
  const unsigned workers = d.config.indexer.workers
                               ? d.config.indexer.workers
                               : std::max(1u, std::thread::hardware_concurrency());
  d.pool = std::make_unique<WorkerPool>(d.config.paths.docs, d.config.indexer.max_file_bytes,
                                        workers, d.config.indexer.queue_capacity, *isolation,
                                        d.config.indexer.follow_external_symlinks);
  // Watch first, then scan: a change made during the scan is seen by one or the other.
  d.watcher = std::make_unique<InotifyWatcher>(
      d.io, d.config.paths.docs, [&d](const WatchEvent& event) { d.on_event(event); });
  if (auto started = d.watcher->start(d.ignore); !started) return started.error();
  spdlog::info("watching {} ({} directories), index {}", d.config.paths.docs.string(),
               d.watcher->watched(), d.config.paths.index.string());

  d.writer_thread = std::jthread([&d] { d.write_loop(); });
  d.wait_for_signals();
  asio::post(d.io, [&d] { d.reconcile(); });
  d.io.run();
  d.writer_thread.join();
  return d.writer_status;
}

}  // namespace newsdex
