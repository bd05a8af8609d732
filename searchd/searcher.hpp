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
  ApiResult<nlohmann::json> similar(const CoverageRequest& request) override;
  ApiResult<nlohmann::json> related(const CoverageRequest& request) override;

  // For saved searches (alerts.hpp), which match several requests on one revision: op over the
  // latest revision (retried when the index changes under it), search on that revision, and the
  // terms one of which every match of a plain query holds (nullopt when the query is not plain:
  // any document may match).
  ApiResult<nlohmann::json> with_database(
      const std::function<ApiResult<nlohmann::json>(const Xapian::Database&)>& op);
  ApiResult<nlohmann::json> search_at(const Xapian::Database& db, const SearchRequest& request);
  std::optional<std::vector<std::string>> anchor_terms(const Xapian::Database& db,
                                                       const SearchRequest& request);
  bool single_index() const { return index_.specs().size() == 1; }

 private:
  // Runs op(db) on the latest revision, reopening and retrying on DatabaseModifiedError and
  // turning other Xapian errors into ApiErrors.
  template <class Op>
  ApiResult<nlohmann::json> with_index(Op op);

  ApiResult<nlohmann::json> run_search(const Xapian::Database& db, const SearchRequest& request);
  // The hits of a similar or related query, as search hits with a short summary; each_hit adds
  // what the kind of neighbour explains about a hit.
  using HitNote =
      std::function<void(const Xapian::Enquire&, const Xapian::MSetIterator&, nlohmann::json& hit)>;
  ApiResult<nlohmann::json> neighbour_hits(Xapian::Enquire& enquire, unsigned limit,
                                           const HitNote& each_hit);
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
