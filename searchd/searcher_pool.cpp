#include "searcher_pool.hpp"

namespace newsdex::searchd {

SearcherPool::SearcherPool(const std::vector<std::string>& index_specs, unsigned size,
                           Metrics& metrics) {
  for (unsigned i = 0; i < std::max(1u, size); ++i) {
    searchers_.push_back(std::make_unique<Searcher>(index_specs, metrics));
    free_.push_back(searchers_.back().get());
  }
}

template <class Op>
ApiResult<nlohmann::json> SearcherPool::borrow(Op op) {
  Searcher* searcher = nullptr;
  {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !free_.empty(); });
    searcher = free_.back();
    free_.pop_back();
  }
  struct Return {
    SearcherPool& pool;
    Searcher* searcher;
    ~Return() {
      {
        std::lock_guard lock(pool.mutex_);
        pool.free_.push_back(searcher);
      }
      pool.available_.notify_one();
    }
  } give_back{*this, searcher};
  return op(*searcher);
}

ApiResult<nlohmann::json> SearcherPool::search(const SearchRequest& request) {
  return borrow([&](Searcher& s) { return s.search(request); });
}
ApiResult<nlohmann::json> SearcherPool::document(const std::string& id) {
  return borrow([&](Searcher& s) { return s.document(id); });
}
ApiResult<nlohmann::json> SearcherPool::stats() {
  return borrow([&](Searcher& s) { return s.stats(); });
}
ApiResult<nlohmann::json> SearcherPool::health() {
  return borrow([&](Searcher& s) { return s.health(); });
}

}  // namespace newsdex::searchd
