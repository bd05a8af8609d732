#include "coverage_request.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "encoding.hpp"

namespace newsdex::searchd {
namespace {

ApiError bad_limit(const CoverageLimits& limits) {
  return bad_request("invalid_field", "field 'limit' must be an integer from 1 to " +
                                          std::to_string(limits.max_limit));
}

ApiResult<unsigned> parse_limit(std::string_view text, const CoverageLimits& limits) {
  unsigned limit = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), limit);
  if (ec != std::errc() || end != text.data() + text.size() || limit == 0 ||
      limit > limits.max_limit)
    return bad_limit(limits);
  return limit;
}

ApiResult<CoverageRequest> with_id(std::string id, const CoverageLimits& limits) {
  if (id.empty() || !is_valid_utf8(id))
    return bad_request("invalid_id", "the document id is empty or malformed");
  return CoverageRequest{std::move(id), std::min(limits.default_limit, limits.max_limit)};
}

}  // namespace

ApiResult<CoverageRequest> parse_coverage_params(
    std::string id, const std::vector<std::pair<std::string, std::string>>& params,
    const CoverageLimits& limits) {
  auto request = with_id(std::move(id), limits);
  if (!request.ok()) return request;
  bool limited = false;
  for (const auto& [name, value] : params) {
    if (name != "limit")
      return bad_request("unknown_field", "unknown parameter '" + name.substr(0, 64) + "' (limit)");
    if (limited) return bad_request("invalid_field", "parameter 'limit' is given more than once");
    limited = true;
    auto limit = parse_limit(value, limits);
    if (!limit.ok()) return limit.error();
    request.value().limit = limit.value();
  }
  return request;
}

ApiResult<CoverageRequest> parse_coverage_json(const nlohmann::json& body,
                                               const CoverageLimits& limits) {
  if (!body.contains("doc") || !body["doc"].is_string())
    return bad_request("invalid_field", "\"doc\" must be the document id (a string)");
  auto request = with_id(body["doc"].get<std::string>(), limits);
  if (!request.ok()) return request;
  for (const auto& [name, value] : body.items()) {
    if (name == "doc") continue;
    if (name != "limit")
      return bad_request("unknown_field",
                         "unknown field '" + name.substr(0, 64) + "' (doc, limit)");
    if (!value.is_number_unsigned()) return bad_limit(limits);
    const auto n = value.get<std::uint64_t>();
    if (n == 0 || n > limits.max_limit) return bad_limit(limits);
    request.value().limit = static_cast<unsigned>(n);
  }
  return request;
}

}  // namespace newsdex::searchd
