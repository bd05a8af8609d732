#include "worker_pool.hpp"

namespace newsdex {

WorkerPool::WorkerPool(const std::filesystem::path& root, std::uint64_t max_file_bytes,
                       unsigned workers, std::size_t queue_capacity,
                       const ParserIsolation& isolation)
    : jobs_(queue_capacity), updates_(queue_capacity), running_(workers ? workers : 1) {
  for (unsigned i = 0; i < running_; ++i) {
    threads_.emplace_back([this, root, max_file_bytes, isolation] {
      FileProcessor processor(root, max_file_bytes, extractor_, isolation);
      while (auto job = jobs_.pop()) updates_.push(processor.process(*job));
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
