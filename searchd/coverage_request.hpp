// GET /documents/{id}/similar and /documents/{id}/related (and the NDJSON ops "similar" and
// "related" with "doc"): which document, and how many neighbours to return. Parsing and
// validation here; Searcher::similar and Searcher::related answer it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "api.hpp"

namespace newsdex::searchd {

struct CoverageRequest {
  std::string id;       // the document's id, as in search hits
  unsigned limit = 10;  // 1 .. CoverageLimits::max_limit
};

struct CoverageLimits {
  unsigned default_limit = 10;
  unsigned max_limit = 50;  // server.max_related_limit
};

// From the URL's query string pairs (only "limit"); the id comes from the path.
ApiResult<CoverageRequest> parse_coverage_params(
    std::string id, const std::vector<std::pair<std::string, std::string>>& params,
    const CoverageLimits& limits);

// From an NDJSON request: {"doc": id, "limit": n}.
ApiResult<CoverageRequest> parse_coverage_json(const nlohmann::json& body,
                                               const CoverageLimits& limits);

}  // namespace newsdex::searchd
