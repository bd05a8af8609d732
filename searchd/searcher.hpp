// One worker's searcher: its own index handle and analyzer (Xapian and ICU objects are not
// thread-safe), answering the Backend operations. Retries once the index changed under a search.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "analyzer.hpp"
#include "backend.hpp"
#include "entity_directory.hpp"
#include "index_handle.hpp"
#include "metrics.hpp"
#include "query.hpp"
#include "ranking.hpp"

namespace newsdex::searchd {

// What one search may cost: the query's size and wildcards, and the time matching may take.
struct SearchOptions {
  QueryLimits query;
  // After this long the match stops counting beyond the page: the hits are still the best ones,
  // but total and facets are estimates ("exact": false, "timed_out": true). 0 = no limit.
  std::chrono::milliseconds match_time_limit{1000};
  RankingConfig ranking;
  ShardOptions shards;
  // With a shard down: answer from the others ("partial": true), or 503 shard_unavailable.
  bool allow_partial = true;
  double default_recency_days = 0;  // the recency half-life of requests that give none; 0 = off
  VersionsConfig versions;          // collapse by default; what /documents/{id}/versions lists
};

class Searcher : public Backend {
 public:
  Searcher(std::vector<std::string> index_specs, Metrics& metrics, SearchOptions options = {});

  ApiResult<nlohmann::json> search(const SearchRequest& request) override;
  ApiResult<nlohmann::json> document(const std::string& id) override;
  ApiResult<nlohmann::json> versions(const std::string& id) override;
  ApiResult<nlohmann::json> stats() override;
  ApiResult<nlohmann::json> health() override;
  ApiResult<nlohmann::json> entities(const EntityListRequest& request) override;

 private:
  // Runs op(db) on the latest revision, reopening and retrying on DatabaseModifiedError and
  // turning other Xapian errors into ApiErrors.
  template <class Op>
  ApiResult<nlohmann::json> with_index(Op op);

  ApiResult<nlohmann::json> run_search(const Xapian::Database& db, const SearchRequest& request);
  // The filter term of an entity value: its own, or when no document carries it, that of the
  // entity it is an alias of ("Volev" -> "Tamir Volyev").
  Xapian::Query entity_value_filter(const Xapian::Database& db, EntityType type,
                                    const std::string& value);
  // The entity terms of the names a query's words hold ("mara holt" -> XPERSON:mara holt).
  std::vector<std::string> named_entities(const Xapian::Database& db,
                                          const std::vector<std::string>& words);
  nlohmann::json indexer_state(const Xapian::Database& db) const;

  IndexHandle index_;
  EntityDirectory directory_;
  // The reply to the last request with no query and no filter (the search page's first request:
  // every document, newest first, with facets over all of them), for the revision it was made on.
  struct CachedReply {
    std::string key;  // revision and request
    nlohmann::json reply;
  } browse_cache_;
  Analyzer analyzer_;
  SearchOptions options_;
};

// The filter of one entity value (EntityType, value) -> query.
using EntityValueFilter = std::function<Xapian::Query(EntityType, const std::string&)>;

// The filter part of a request (entities, language, type, folder, dates), or nullopt for none.
std::optional<Xapian::Query> request_filter(const SearchRequest& request,
                                            const EntityValueFilter& entity);

}  // namespace newsdex::searchd
