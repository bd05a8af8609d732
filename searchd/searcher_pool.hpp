// A fixed set of Searchers shared by the worker threads: each call borrows one (waiting when all
// are busy), so every Xapian::Database is used by one thread at a time.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "backend.hpp"
#include "searcher.hpp"

namespace newsdex::searchd {

class SearcherPool : public Backend {
 public:
  SearcherPool(const std::vector<std::string>& index_specs, unsigned size, Metrics& metrics);

  ApiResult<nlohmann::json> search(const SearchRequest& request) override;
  ApiResult<nlohmann::json> document(const std::string& id) override;
  ApiResult<nlohmann::json> stats() override;
  ApiResult<nlohmann::json> health() override;

 private:
  template <class Op>
  ApiResult<nlohmann::json> borrow(Op op);

  std::vector<std::unique_ptr<Searcher>> searchers_;
  std::vector<Searcher*> free_;
  std::mutex mutex_;
  std::condition_variable available_;
};

}  // namespace newsdex::searchd
