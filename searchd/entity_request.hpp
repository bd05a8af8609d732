// GET /entities?type=person&q=ali&limit=20 (and the NDJSON op "entities"): the known entities of
// one type whose names start a word with q, for a search box's autocompletion and a facet's
// "more…". Parsing and validation here; Searcher::entities answers it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "api.hpp"
#include "entities.hpp"

namespace newsdex::searchd {

struct EntityListRequest {
  EntityType type = EntityType::person;
  std::string q;           // a name prefix, any case and accents; empty lists the most frequent
  std::size_t limit = 20;  // 1 .. kMaxEntityListLimit
};

inline constexpr std::size_t kMaxEntityListLimit = 100;
inline constexpr std::size_t kMaxEntityPrefixBytes = 200;

ApiResult<EntityListRequest> parse_entity_params(
    const std::vector<std::pair<std::string, std::string>>& params);
ApiResult<EntityListRequest> parse_entity_json(const nlohmann::json& body);

}  // namespace newsdex::searchd
