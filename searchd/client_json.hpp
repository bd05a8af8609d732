// Parsing JSON that comes from clients (POST bodies, NDJSON lines). The nesting depth is limited
// while parsing, so a line of a million '[' is refused before anything is built from it, and code
// that later walks a request recursively (copies, dump, validation) stays within a small stack.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "api.hpp"

namespace newsdex::searchd {

// The parsed value, or a 400: invalid_utf8, invalid_json, or too_deep when objects and arrays nest
// more than max_depth levels ({"a": [1]} is two levels).
ApiResult<nlohmann::json> parse_client_json(std::string_view text, unsigned max_depth);

}  // namespace newsdex::searchd
