// The watching indexer's life: open the index, start the workers, the watcher and the writer
// thread, reconcile, then run the event loop until a signal; SIGHUP takes over the settings that
// can change while running. The event loop's work is in daemon_events.cpp, the writer thread's in
// daemon_writer.cpp.
#include "daemon.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>
#include <thread>
#include <tuple>

#include "daemon_impl.hpp"

namespace newsdex {
namespace {

// The settings that size or wire the workers, the watcher and the index: a reload cannot change
// them.
auto restart_only_settings(const Config& c) {
  const auto& i = c.indexer;
  return std::tie(c.paths.docs, c.paths.index, c.index.shards, i.workers, i.queue_capacity,
                  i.max_file_bytes, i.isolate_formats, i.parse_helper, i.parse_timeout_ms,
                  i.parse_cpu_seconds, i.parse_memory_mb);
}

// The settings a reload takes over while running.
template <class SomeConfig>  // Config or const Config
auto live_settings(SomeConfig& c) {
  auto& i = c.indexer;
  return std::tie(c.log, i.ignore, i.debounce_ms, i.commit_floor_ms, i.commit_interval_ms,
                  i.commit_interval_max_ms, i.commit_every_docs);
}

}  // namespace

Daemon::Impl::Impl(Config c, std::function<Result<Config>()> r)
    : config(std::move(c)), reload(std::move(r)) {
  apply_live_settings(config);
}

void Daemon::Impl::apply_live_settings(const Config& c) {
  ignore = IgnoreRules(c.indexer.ignore);
  changes.set_debounce(milliseconds(c.indexer.debounce_ms));
  commit_floor_ms = c.indexer.commit_floor_ms;
  commit_interval_ms = c.indexer.commit_interval_ms;
  commit_interval_max_ms = c.indexer.commit_interval_max_ms;
  commit_every_docs = c.indexer.commit_every_docs;
  if (auto level = spdlog::level::from_str(c.log.level);
      level != spdlog::level::off || c.log.level == "off")
    spdlog::set_level(level);
}

CommitTimes Daemon::Impl::commit_times() const {
  return {milliseconds(commit_floor_ms.load()), milliseconds(commit_interval_ms.load()),
          milliseconds(commit_interval_max_ms.load()), commit_every_docs.load()};
}

void Daemon::Impl::wait_for_signals() {
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

void Daemon::Impl::on_reload() {
  if (!reload) return;
  auto fresh = reload();
  if (!fresh) {
    spdlog::error("config reload failed, keeping the running config: {}", fresh.error().message);
    return;
  }
  if (restart_only_settings(*fresh) != restart_only_settings(config))
    spdlog::warn(
        "config reload: paths, workers, queue_capacity, max_file_bytes and the parse_* "
        "settings change only with a restart");
  apply_live_settings(*fresh);
  live_settings(config) = live_settings(*fresh);
  spdlog::info("config reloaded");
}

void Daemon::Impl::begin_stop() {
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

Daemon::Daemon(Config config, std::function<Result<Config>()> reload)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(reload))) {}

Daemon::~Daemon() = default;

void Daemon::set_write_fault(WriteFault fault) {
  impl_->fault = std::move(fault);
}

void Daemon::stop() {
  boost::asio::post(impl_->io, [impl = impl_.get()] { impl->begin_stop(); });
}

Status Daemon::run() {
  auto& d = *impl_;
  auto writer = IndexWriter::open(d.config.paths.index, d.config.index.shards, d.fault);
  if (!writer) return writer.error();
  (*writer)->set_versions(d.config.versions);
  d.writer = std::move(*writer);
  d.writer->set_change_log_commits(d.config.alerts.change_log_commits);
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
  boost::asio::post(d.io, [&d] { d.reconcile(); });
  d.io.run();
  d.writer_thread.join();
  return d.writer_status;
}

}  // namespace newsdex
