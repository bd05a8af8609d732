// What the router asks of the index: the read operations, each answering JSON or an ApiError.
// Implemented by SearcherPool over Xapian, and by fakes in tests.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "api.hpp"
#include "coverage_request.hpp"
#include "entity_request.hpp"
#include "search_request.hpp"

namespace newsdex::searchd {

class Backend {
 public:
  virtual ~Backend() = default;
  // {"total", "hits", "facets", "suggestion"} (took_ms is added by the router).
  virtual ApiResult<nlohmann::json> search(const SearchRequest& request) = 0;
  // The stored fields and text of one document, by id (never a path on disk).
  virtual ApiResult<nlohmann::json> document(const std::string& id) = 0;
  // The document's version group (wire-story versions), newest first, each with a word diff
  // against the next older one (searchd/versions.hpp).
  virtual ApiResult<nlohmann::json> versions(const std::string& id) = 0;
  virtual ApiResult<nlohmann::json> stats() = 0;
  virtual ApiResult<nlohmann::json> health() = 0;
  // {"type", "entities": [{"name", "docs", "aliases"}...]}, most documents first.
  virtual ApiResult<nlohmann::json> entities(const EntityListRequest& request) = 0;
  // {"id", "words", "hits"}: the documents most like one ("more like this"), in its languages.
  virtual ApiResult<nlohmann::json> similar(const CoverageRequest& request) = 0;
  // {"id", "hits"}: the documents sharing the most (and rarest) entities with one; each hit's
  // "shared" names them.
  virtual ApiResult<nlohmann::json> related(const CoverageRequest& request) = 0;
};

}  // namespace newsdex::searchd
