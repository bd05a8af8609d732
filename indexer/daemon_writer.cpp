// The daemon's writer thread: takes parsed updates from the worker pool, applies them to the one
// IndexWriter, commits as soon as the queue runs dry (freshness) or in large batches under a
// backlog (throughput), and while the index cannot be written keeps the last commit, reports
// `degraded` and reopens with back-off.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/post.hpp>

#include "daemon_impl.hpp"
#include "skip_records.hpp"

namespace newsdex {

void Daemon::Impl::write_loop() {
  IndexerCounters counters;
  auto last_log = Clock::now();
  std::uint64_t applied_since_log = 0;
  for (;;) {
    if (!writer) {
      if (wait_while_degraded(counters)) continue;
      break;
    }
    try {
      policy.set_times(commit_times());
      auto update = pool->next_for(
          policy.wait(Clock::now(), writer->pending(), pool->queued() > 0, milliseconds(500)));
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
      if (const bool backlog = pool->queued() > 0; policy.due(now, writer->pending(), backlog)) {
        // Names settle once the backlog is through, so a burst of files re-tags each renamed
        // entity's documents once.
        commit(counters, "watching",
               backlog ? IndexWriter::Names::defer : IndexWriter::Names::settle);
        policy.committed(now, backlog);
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
  boost::asio::post(io, [this] { io.stop(); });
}

void Daemon::Impl::applied(const FileUpdate& update) {
  boost::asio::post(io, [this, path = update.relative_path, from = update.moved_from] {
    on_applied(path, from);
  });
}

IndexState Daemon::Impl::known_state() const {
  auto state = read_index_state(writer->database());
  add_skips(state, writer->database(), parse_limits);
  return state;
}

void Daemon::Impl::degrade(const IndexerCounters& counters, const Xapian::Error& error) {
  writer.reset();
  degraded_reason = write_failure(config.paths.index, error);
  retry_at = Clock::now() + retry_delay;
  spdlog::error("{}; the last commit is intact, retrying in {} ms", degraded_reason,
                retry_delay.count());
  retry_delay = std::min(retry_delay * 2, kLongestRetry);
  write_status(counters, "degraded");
}

bool Daemon::Impl::wait_while_degraded(IndexerCounters& counters) {
  if (pool->finished()) return false;
  const auto wait = std::clamp(std::chrono::duration_cast<milliseconds>(retry_at - Clock::now()),
                               milliseconds(0), milliseconds(500));
  if (auto update = pool->next_for(wait)) applied(*update);
  if (Clock::now() < retry_at || pool->finished()) return true;
  auto reopened = IndexWriter::open(config.paths.index, config.index.shards, fault);
  if (!reopened) {
    retry_at = Clock::now() + retry_delay;
    spdlog::error("{}; retrying in {} ms", reopened.error().message, retry_delay.count());
    retry_delay = std::min(retry_delay * 2, kLongestRetry);
    return true;
  }
  try {
    writer = std::move(*reopened);
    writer->set_change_log_commits(config.alerts.change_log_commits);
    writer->set_versions(config.versions);
    known->reset(known_state());
    commit(counters, "watching");  // proves a commit lands again
  } catch (const Xapian::Error& e) {
    degrade(counters, e);
    return true;
  }
  spdlog::info("the index {} can be written again: catching up", config.paths.index.string());
  degraded_reason.clear();
  boost::asio::post(io, [this] {
    if (!stopping) reconcile();
  });
  return true;
}

void Daemon::Impl::apply(FileUpdate& update, IndexerCounters& counters) {
  using Kind = FileUpdate::Kind;
  if (!writer->apply(update)) {
    // A rename or touch of documents that are not there (their batch was lost to a write
    // failure): read the file afresh.
    if (update.moved_from) known->erase(*update.moved_from);
    known->erase(update.relative_path);
    boost::asio::post(io,
                      [this, path = update.relative_path] { changes.changed(path, Clock::now()); });
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
                                        {update.indexed_at_ns, true},
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
        known->set(update.relative_path, {update.source.size,
                                          update.source.mtime_ns,
                                          update.source.sha256,
                                          {update.indexed_at_ns, true},
                                          update.error});
        return;
      }
      break;
  }
  known->erase(update.relative_path);
}

nlohmann::json Daemon::Impl::state_json(const IndexerCounters& counters,
                                        std::string_view state) const {
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

void Daemon::Impl::write_status(const IndexerCounters& counters, std::string_view state) {
  if (status_file && !status_file->write(state_json(counters, state).dump()))
    spdlog::warn("cannot write the status file in {}", config.paths.index.string());
}

void Daemon::Impl::commit(const IndexerCounters& counters, std::string_view state,
                          IndexWriter::Names names) {
  const auto status = state_json(counters, state).dump();
  writer->set_state(status);
  writer->commit(counters, names);
  if (status_file) status_file->write(status);
}

}  // namespace newsdex
