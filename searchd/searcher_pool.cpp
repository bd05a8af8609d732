#include "searcher_pool.hpp"

namespace newsdex::searchd {

SearcherPool::SearcherPool(const std::vector<std::string>& index_specs, unsigned size,
                           Metrics& metrics, SearchOptions options,
                           std::chrono::milliseconds wait_timeout)
    : wait_timeout_(wait_timeout) {
  for (unsigned i = 0; i < std::max(1u, size); ++i)
    backends_.push_back(std::make_unique<Searcher>(index_specs, metrics, options));
  for (auto& backend : backends_) free_.push_back(backend.get());
}

SearcherPool::SearcherPool(std::vector<std::unique_ptr<Backend>> backends,
                           std::chrono::milliseconds wait_timeout)
    : backends_(std::move(backends)), wait_timeout_(wait_timeout) {
  for (auto& backend : backends_) free_.push_back(backend.get());
}

template <class Op>
ApiResult<nlohmann::json> SearcherPool::borrow(Op op) {
  Backend* backend = nullptr;
  {
    std::unique_lock lock(mutex_);
    if (!available_.wait_for(lock, wait_timeout_, [&] { return !free_.empty(); }))
      return overloaded();
    backend = free_.back();
    free_.pop_back();
  }
  struct Return {
    SearcherPool& pool;
    Backend* backend;
    ~Return() {
      {
        std::lock_guard lock(pool.mutex_);
        pool.free_.push_back(backend);
      }
      pool.available_.notify_one();
    }
  } give_back{*this, backend};
  return op(*backend);
}

ApiResult<nlohmann::json> SearcherPool::search(const SearchRequest& request) {
  return borrow([&](Backend& b) { return b.search(request); });
}
ApiResult<nlohmann::json> SearcherPool::document(const std::string& id) {
  return borrow([&](Backend& b) { return b.document(id); });
}
ApiResult<nlohmann::json> SearcherPool::stats() {
  return borrow([&](Backend& b) { return b.stats(); });
}
ApiResult<nlohmann::json> SearcherPool::health() {
  return borrow([&](Backend& b) { return b.health(); });
}

}  // namespace newsdex::searchd
