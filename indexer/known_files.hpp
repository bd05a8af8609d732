// The indexer's in-memory mirror of what the index records per source file, shared between the
// event loop (which decides what to queue) and the writer (which updates it after each change).
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "index_state.hpp"

namespace newsdex {

class KnownFiles {
 public:
  explicit KnownFiles(IndexState state) : state_(std::move(state)) {}

  std::optional<IndexedFile> get(const std::string& path) const {
    std::lock_guard lock(mutex_);
    auto it = state_.find(path);
    return it == state_.end() ? std::nullopt : std::optional(it->second);
  }
  void set(const std::string& path, IndexedFile file) {
    std::lock_guard lock(mutex_);
    state_[path] = std::move(file);
  }
  // Replaces everything with what the index holds now (after the writer reopened it).
  void reset(IndexState state) {
    std::lock_guard lock(mutex_);
    state_ = std::move(state);
  }
  void erase(const std::string& path) {
    std::lock_guard lock(mutex_);
    state_.erase(path);
  }
  // Every path inside a directory (relative to the documents dir).
  std::vector<std::string> under(const std::string& dir) const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> paths;
    for (const auto& [path, _] : state_)
      if (path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/')
        paths.push_back(path);
    return paths;
  }
  IndexState snapshot() const {
    std::lock_guard lock(mutex_);
    return state_;
  }
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return state_.size();
  }

 private:
  mutable std::mutex mutex_;
  IndexState state_;
};

}  // namespace newsdex
