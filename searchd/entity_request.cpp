#include "entity_request.hpp"

#include <charconv>

#include "encoding.hpp"

namespace newsdex::searchd {
namespace {

ApiResult<EntityType> parse_type(std::string_view value) {
  if (value == "person") return EntityType::person;
  if (value == "org") return EntityType::org;
  if (value == "place") return EntityType::place;
  return bad_request("invalid_field", "\"type\" must be person, org or place");
}

ApiResult<std::size_t> parse_limit(std::string_view value) {
  std::size_t limit = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), limit);
  if (ec != std::errc() || end != value.data() + value.size() || limit == 0 ||
      limit > kMaxEntityListLimit)
    return bad_request("invalid_field", "\"limit\" must be an integer from 1 to " +
                                            std::to_string(kMaxEntityListLimit));
  return limit;
}

// One named field into the request; type is required, q and limit optional.
ApiResult<Ok> set_field(EntityListRequest& request, bool& typed, std::string_view name,
                        std::string_view value) {
  if (name == "type") {
    auto type = parse_type(value);
    if (!type.ok()) return type.error();
    request.type = type.value();
    typed = true;
  } else if (name == "q") {
    if (value.size() > kMaxEntityPrefixBytes || !is_valid_utf8(value))
      return bad_request("invalid_field", "\"q\" must be valid UTF-8 of at most " +
                                              std::to_string(kMaxEntityPrefixBytes) + " bytes");
    request.q = value;
  } else if (name == "limit") {
    auto limit = parse_limit(value);
    if (!limit.ok()) return limit.error();
    request.limit = limit.value();
  } else {
    return bad_request("unknown_field",
                       "unknown field '" + std::string(name) + "' for entities (type, q, limit)");
  }
  return Ok{};
}

}  // namespace

ApiResult<EntityListRequest> parse_entity_params(
    const std::vector<std::pair<std::string, std::string>>& params) {
  EntityListRequest request;
  bool typed = false;
  for (const auto& [name, value] : params) {
    auto set = set_field(request, typed, name, value);
    if (!set.ok()) return set.error();
  }
  if (!typed) return bad_request("missing_field", "\"type\" is required: person, org or place");
  return request;
}

ApiResult<EntityListRequest> parse_entity_json(const nlohmann::json& body) {
  EntityListRequest request;
  bool typed = false;
  for (const auto& [name, value] : body.items()) {
    std::string text;
    if (value.is_string()) {
      text = value.get<std::string>();
    } else if (name == "limit" && value.is_number_unsigned()) {
      text = std::to_string(value.get<std::uint64_t>());
    } else {
      return bad_request("invalid_field", "\"" + name + "\" has the wrong type");
    }
    auto set = set_field(request, typed, name, text);
    if (!set.ok()) return set.error();
  }
  if (!typed) return bad_request("missing_field", "\"type\" is required: person, org or place");
  return request;
}

}  // namespace newsdex::searchd
