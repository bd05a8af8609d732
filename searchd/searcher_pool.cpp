#include "searcher_pool.hpp"

#include <algorithm>
#include <iterator>

namespace newsdex::searchd {

namespace {

std::vector<std::unique_ptr<Backend>> make_searchers(const std::vector<std::string>& index_specs,
                                                     unsigned size, Metrics& metrics,
                                                     const SearchOptions& options) {
  std::vector<std::unique_ptr<Backend>> searchers(std::max(1u, size));
  std::ranges::generate(searchers,
                        [&] { return std::make_unique<Searcher>(index_specs, metrics, options); });
  return searchers;
}

}  // namespace

SearcherPool::SearcherPool(const std::vector<std::string>& index_specs, unsigned size,
                           Metrics& metrics, SearchOptions options,
                           std::chrono::milliseconds wait_timeout)
    : SearcherPool(make_searchers(index_specs, size, metrics, options), wait_timeout) {}

SearcherPool::SearcherPool(std::vector<std::unique_ptr<Backend>> backends,
                           std::chrono::milliseconds wait_timeout)
    : backends_(std::move(backends)), wait_timeout_(wait_timeout) {
  std::ranges::transform(backends_, std::back_inserter(free_),
                         [](const std::unique_ptr<Backend>& backend) { return backend.get(); });
}

ApiResult<nlohmann::json> SearcherPool::borrow(
    const std::function<ApiResult<nlohmann::json>(Backend&)>& op) {
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
ApiResult<nlohmann::json> SearcherPool::versions(const std::string& id) {
  return borrow([&](Backend& b) { return b.versions(id); });
}
ApiResult<nlohmann::json> SearcherPool::entities(const EntityListRequest& request) {
  return borrow([&](Backend& b) { return b.entities(request); });
}

ApiResult<nlohmann::json> SearcherPool::similar(const CoverageRequest& request) {
  return borrow([&](Backend& b) { return b.similar(request); });
}
ApiResult<nlohmann::json> SearcherPool::related(const CoverageRequest& request) {
  return borrow([&](Backend& b) { return b.related(request); });
}

ApiResult<nlohmann::json> SearcherPool::stats() {
  return borrow([&](Backend& b) { return b.stats(); });
}
ApiResult<nlohmann::json> SearcherPool::health() {
  return borrow([&](Backend& b) { return b.health(); });
}

}  // namespace newsdex::searchd
