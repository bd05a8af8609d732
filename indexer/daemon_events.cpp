// The daemon's event loop side: watch events become debounced changes, changes become jobs for
// the worker pool, and the writer's acknowledgements let changed-again files be processed anew.
// Everything here runs on the Asio thread only.
#include <spdlog/spdlog.h>

#include "daemon_impl.hpp"
#include "reconcile.hpp"

namespace newsdex {

void Daemon::Impl::on_event(const WatchEvent& event) {
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

ScanResult Daemon::Impl::scan(const std::string& under) const {
  return scan_documents(config.paths.docs, ignore, config.indexer.follow_external_symlinks, under);
}

void Daemon::Impl::arm_debounce() {
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

void Daemon::Impl::enqueue(ChangeQueue::Ready ready) {
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

void Daemon::Impl::pump() {
  while (!backlog.empty() && pool->try_submit(backlog.front())) backlog.pop_front();
  if (backlog.empty() || stopping) return;
  pump_timer.expires_after(milliseconds(5));
  pump_timer.async_wait([this](const boost::system::error_code& error) {
    if (!error) pump();
  });
}

void Daemon::Impl::on_applied(const std::string& path,
                              const std::optional<std::string>& moved_from) {
  for (const auto* p : {&path, moved_from ? &*moved_from : nullptr}) {
    if (!p) continue;
    in_flight.erase(*p);
    if (dirty.erase(*p)) changes.changed(*p, Clock::now());
  }
  arm_debounce();
}

void Daemon::Impl::reconcile() {
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

}  // namespace newsdex
