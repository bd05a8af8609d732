#include "indexer.hpp"

#include <spdlog/spdlog.h>

#include <thread>

#include "index_compaction.hpp"
#include "index_state.hpp"
#include "indexer_status.hpp"
#include "reconcile.hpp"
#include "scanner.hpp"
#include "shard_layout.hpp"
#include "skip_records.hpp"
#include "worker_pool.hpp"

namespace newsdex {
namespace {

void count(IndexerCounters& counters, const FileUpdate& update) {
  using Kind = FileUpdate::Kind;
  switch (update.kind) {
    case Kind::replace:
      ++(update.was_indexed ? counters.updated : counters.added);
      counters.documents += update.docs.size();
      for (const auto& lang : update.langs) ++counters.languages[lang.empty() ? "unknown" : lang];
      return;
    case Kind::touch:
    case Kind::move:
      ++counters.touched;
      return;
    case Kind::remove:
      spdlog::warn("{}: skipped: {}", update.relative_path, update.error);
      ++counters.skipped;
      if (update.was_indexed) ++counters.removed;
      return;
    case Kind::failed:
      spdlog::warn("{}: skipped: {}", update.relative_path, update.error);
      ++counters.skipped;
      return;
  }
}

unsigned worker_count(const IndexerConfig& config) {
  if (config.workers) return config.workers;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

Result<IndexerCounters> index_once(const Config& config, const OnceOptions& options) {
  auto writer = IndexWriter::open(config.paths.index, config.index.shards, options.fault);
  if (!writer) return writer.error();
  (*writer)->set_change_log_commits(config.alerts.change_log_commits);
  (*writer)->set_versions(config.versions);
  auto isolation = parser_isolation(config.indexer);
  if (!isolation) return isolation.error();

  IndexerCounters counters;
  try {
    auto scan = scan_documents(config.paths.docs, IgnoreRules(config.indexer.ignore),
                               config.indexer.follow_external_symlinks);
    for (const auto& problem : scan.problems) {
      spdlog::warn("{}: skipped: {}", problem.relative_path, problem.reason);
      ++counters.skipped;
    }
    auto state = read_index_state((*writer)->database());
    add_skips(state, (*writer)->database(), isolation->limits());
    auto plan = plan_changes(scan.files, std::move(state));
    counters.unchanged = plan.unchanged;
    spdlog::info("{} files in {}: {} to index, {} unchanged, {} to delete", scan.files.size(),
                 config.paths.docs.string(), plan.jobs.size(), plan.unchanged,
                 plan.removals.size());

    for (const auto& path : plan.removals) (*writer)->remove(path);
    counters.removed = plan.removals.size();

    WorkerPool pool(config.paths.docs, config.indexer.max_file_bytes, worker_count(config.indexer),
                    config.indexer.queue_capacity, *isolation,
                    config.indexer.follow_external_symlinks);
    // The feeder runs beside the writer so that a full job queue blocks it, not the writer.
    std::jthread feeder([&] {
      for (auto& job : plan.jobs) pool.submit(std::move(job));
      pool.close_input();
    });
    // Declared after the feeder, so destroyed before it: when the writer throws, the workers and
    // the feeder blocked on full queues are released before the feeder is joined.
    struct CancelOnExit {
      WorkerPool& pool;
      ~CancelOnExit() { pool.cancel(); }
    } cancel_on_exit{pool};

    Progress progress{0, plan.jobs.size()};
    // Bulk loads commit every 2,000 documents or more: as fast as larger batches here (20,000
    // documents: 10,000 per commit was slower), with a third less peak memory than 5,000.
    const std::uint64_t batch = std::max<std::uint64_t>(config.indexer.commit_every_docs, 2000);
    while (auto update = pool.next()) {
      count(counters, *update);
      (*writer)->apply(*update);
      ++progress.done;
      if (options.on_progress) options.on_progress(progress);
      if ((*writer)->pending() >= batch) (*writer)->commit(counters, IndexWriter::Names::defer);
    }
    (*writer)->commit(counters, IndexWriter::Names::settle);
    // A daemon's last word (e.g. `degraded`) no longer describes this index.
    std::error_code ignored;
    std::filesystem::remove(config.paths.index / kIndexerStatusFile, ignored);
  } catch (const Xapian::Error& e) {
    return make_error(Errc::index_error, write_failure(config.paths.index, e));
  }
  const bool changed = counters.added + counters.updated + counters.removed > 0;
  // A compacted copy is another database to a replica, which would then copy it whole.
  if (config.indexer.compact_after_once && changed && config.replication.changesets == 0) {
    // Still holding the write lock(s), so no other indexer writes between the copy and the swap.
    auto layout = read_layout(config.paths.index);
    if (!layout) return layout.error();
    CompactionResult sizes;
    Result<std::vector<std::filesystem::path>> old_tables = std::vector<std::filesystem::path>{};
    if (layout->stub) {
      old_tables = compact_layout(config.paths.index, *layout, sizes);
    } else if (auto old = compact_beside(config.paths.index, sizes); old) {
      old_tables = std::vector{*old};
    } else {
      old_tables = old.error();
    }
    writer->reset();
    if (!old_tables) return old_tables.error();
    std::error_code ignored;
    for (const auto& old : *old_tables) std::filesystem::remove_all(old, ignored);
    spdlog::info("compacted the index: {:.1f} MB -> {:.1f} MB", sizes.bytes_before / 1e6,
                 sizes.bytes_after / 1e6);
  }
  return counters;
}

}  // namespace newsdex
