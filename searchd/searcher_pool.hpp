// A fixed set of searchers shared by the worker threads: each call borrows one, so every
// Xapian::Database is used by one thread at a time. A call waits at most wait_timeout for a free
// one, then answers 503 overloaded (Retry-After: 1) instead of queueing without bound.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "backend.hpp"
#include "searcher.hpp"

namespace newsdex::searchd {

class SearcherPool : public Backend {
 public:
  SearcherPool(const std::vector<std::string>& index_specs, unsigned size, Metrics& metrics,
               SearchOptions options, std::chrono::milliseconds wait_timeout);
  // Over given backends (tests use fakes).
  SearcherPool(std::vector<std::unique_ptr<Backend>> backends,
               std::chrono::milliseconds wait_timeout);

  ApiResult<nlohmann::json> search(const SearchRequest& request) override;
  ApiResult<nlohmann::json> document(const std::string& id) override;
  ApiResult<nlohmann::json> versions(const std::string& id) override;
  ApiResult<nlohmann::json> stats() override;
  ApiResult<nlohmann::json> entities(const EntityListRequest& request) override;
  ApiResult<nlohmann::json> health() override;
  ApiResult<nlohmann::json> similar(const CoverageRequest& request) override;
  ApiResult<nlohmann::json> related(const CoverageRequest& request) override;

 private:
  // Lends op a free backend, waiting at most wait_timeout for one (then 503 overloaded).
  ApiResult<nlohmann::json> borrow(const std::function<ApiResult<nlohmann::json>(Backend&)>& op);

  std::vector<std::unique_ptr<Backend>> backends_;
  std::vector<Backend*> free_;
  std::chrono::milliseconds wait_timeout_;
  std::mutex mutex_;
  std::condition_variable available_;
};

}  // namespace newsdex::searchd
