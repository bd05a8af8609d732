// Parse/analyse workers between two bounded queues: FileJobs in, FileUpdates out. Both queues are
// bounded, so a slow writer slows the workers down instead of letting memory grow.
#pragma once

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "bounded_queue.hpp"
#include "file_processor.hpp"

namespace newsdex {

class WorkerPool {
 public:
  // Each worker parses the formats isolation names in a helper process of its own. Links
  // resolving outside root are refused (tree_guard.hpp) unless follow_external_symlinks.
  WorkerPool(const std::filesystem::path& root, std::uint64_t max_file_bytes, unsigned workers,
             std::size_t queue_capacity, const ParserIsolation& isolation,
             bool follow_external_symlinks);
  ~WorkerPool();  // closes the input and joins the workers
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Blocks while the input queue is full.
  void submit(FileJob job) { jobs_.push(std::move(job)); }

  // Never blocks: false (job untouched) when the input queue is full.
  bool try_submit(FileJob& job) { return jobs_.try_push(job); }

  // No more jobs: once the workers have drained the input, next() returns nullopt.
  void close_input() { jobs_.close(); }

  // Gives up: drops every queued job and update and unblocks everyone waiting on the pool (a
  // producer blocked in submit() returns). For when the writer cannot go on.
  void cancel() {
    jobs_.cancel();
    updates_.cancel();
  }

  // The next finished file, blocking; nullopt when the input is closed and everything is done.
  std::optional<FileUpdate> next() { return updates_.pop(); }

  // Like next(), giving up after timeout so the caller can commit on a timer.
  template <class Duration>
  std::optional<FileUpdate> next_for(Duration timeout) {
    return updates_.pop_for(timeout);
  }

  // Every worker has stopped and every update has been taken.
  bool finished() const { return updates_.drained(); }

  std::size_t queued() const { return jobs_.size() + updates_.size(); }

 private:
  BoundedQueue<FileJob> jobs_;
  BoundedQueue<FileUpdate> updates_;
  std::atomic<unsigned> running_;
  EntityExtractor extractor_;  // shared: extraction only reads its gazetteers
  std::vector<std::jthread> threads_;
};

}  // namespace newsdex
