#include "shard_writer.hpp"

namespace newsdex {

ShardWriter::ShardWriter(Xapian::WritableDatabase db, bool own_thread) : db_(std::move(db)) {
  if (own_thread) thread_ = std::thread([this] { loop(); });
}

ShardWriter::~ShardWriter() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  thread_.join();
}

void ShardWriter::rethrow_failure() {
  if (!failure_) return;
  auto failure = std::exchange(failure_, nullptr);
  std::rethrow_exception(failure);
}

void ShardWriter::run(Work work) {
  if (!thread_.joinable()) {
    work(db_);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    rethrow_failure();
    queue_.push_back(std::move(work));
  }
  changed_.notify_all();
}

void ShardWriter::wait() {
  if (!thread_.joinable()) return;
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
  rethrow_failure();
}

void ShardWriter::loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    auto work = std::move(queue_.front());
    queue_.pop_front();
    if (failure_) {  // the batch has failed: the rest of it is void
      if (queue_.empty()) changed_.notify_all();
      continue;
    }
    busy_ = true;
    lock.unlock();
    std::exception_ptr failure;
    try {
      work(db_);
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    busy_ = false;
    if (failure) failure_ = failure;
    if (queue_.empty()) changed_.notify_all();
  }
}

}  // namespace newsdex
