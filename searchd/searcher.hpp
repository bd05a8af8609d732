// One worker's searcher: its own index handle and analyzer (Xapian and ICU objects are not
// thread-safe), answering the Backend operations. Retries once the index changed under a search.
#pragma once

#include <string>
#include <vector>

#include "analyzer.hpp"
#include "backend.hpp"
#include "index_handle.hpp"
#include "metrics.hpp"

namespace newsdex::searchd {

class Searcher : public Backend {
 public:
  Searcher(std::vector<std::string> index_specs, Metrics& metrics);

  ApiResult<nlohmann::json> search(const SearchRequest& request) override;
  ApiResult<nlohmann::json> document(const std::string& id) override;
  ApiResult<nlohmann::json> stats() override;
  ApiResult<nlohmann::json> health() override;

 private:
  // Runs op(db) on the latest revision, reopening and retrying on DatabaseModifiedError and
  // turning other Xapian errors into ApiErrors.
  template <class Op>
  ApiResult<nlohmann::json> with_index(Op op);

  ApiResult<nlohmann::json> run_search(const Xapian::Database& db, const SearchRequest& request);
  nlohmann::json indexer_state(const Xapian::Database& db) const;

  IndexHandle index_;
  Analyzer analyzer_;
};

// The filter part of a request (entities, language, type, folder, dates), or nullopt for none.
std::optional<Xapian::Query> request_filter(const SearchRequest& request);

}  // namespace newsdex::searchd
