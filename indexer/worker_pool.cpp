#include "worker_pool.hpp"

#include "tree_guard.hpp"

namespace newsdex {
namespace {

// A file reached through a link to somewhere outside the tree: never read, and whatever the index
// held for that path goes.
FileUpdate refused(const FileJob& job, std::string reason) {
  FileUpdate update;
  update.kind = FileUpdate::Kind::failed;
  update.relative_path = job.relative_path;
  update.source.relative_path = job.relative_path;
  update.was_indexed = job.known.has_value() && !job.moved_from;
  update.moved_from = job.moved_from;
  update.error = std::move(reason);
  return update;
}

}  // namespace

WorkerPool::WorkerPool(const std::filesystem::path& root, std::uint64_t max_file_bytes,
                       unsigned workers, std::size_t queue_capacity,
                       const ParserIsolation& isolation, bool follow_external_symlinks)
    : jobs_(queue_capacity), updates_(queue_capacity), running_(workers ? workers : 1) {
  for (unsigned i = 0; i < running_; ++i) {
    threads_.emplace_back([this, root, max_file_bytes, isolation, follow_external_symlinks] {
      FileProcessor processor(root, max_file_bytes, extractor_, isolation);
      while (auto job = jobs_.pop()) {
        auto why = outside_tree(root, job->relative_path, follow_external_symlinks);
        updates_.push(why ? refused(*job, std::move(*why)) : processor.process(*job));
      }
      // The last worker out tells the consumer nothing more is coming.
      if (--running_ == 0) updates_.close();
    });
  }
}

WorkerPool::~WorkerPool() {
  jobs_.close();
  updates_.close();
}

}  // namespace newsdex
