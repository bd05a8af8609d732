// The router's NDJSON side: one request line ("id", "op", "api_key" and the op's fields) through
// the same keys, limits and backend as HTTP, to one response line carrying "status" and the id.
#include <algorithm>
#include <optional>

#include "client_json.hpp"
#include "router.hpp"

namespace newsdex::searchd {

using nlohmann::json;

ApiResult<json> Router::dispatch(std::string_view op, const json& params) {
  if (op == "search") {
    auto parsed = parse_search_json(params, options_.limits);
    if (!parsed.ok()) return parsed.error();
    return run_search(parsed.value());
  }
  auto only = [&](std::initializer_list<std::string_view> allowed) -> std::optional<ApiError> {
    for (const auto& [name, value] : params.items())
      if (std::ranges::find(allowed, name) == allowed.end())
        return bad_request("unknown_field",
                           "unknown field '" + name + "' for op " + std::string(op));
    return std::nullopt;
  };
  if (op == "document") {
    if (auto error = only({"doc"})) return *error;
    if (!params.contains("doc") || !params["doc"].is_string() ||
        params["doc"].get<std::string>().empty())
      return bad_request("invalid_field", "op document needs \"doc\": the document id");
    return backend_.document(params["doc"].get<std::string>());
  }
  if (op == "similar" || op == "related") {
    auto parsed = parse_coverage_json(params, options_.coverage);
    if (!parsed.ok()) return parsed.error();
    return op == "similar" ? backend_.similar(parsed.value()) : backend_.related(parsed.value());
  }
  if (op == "versions") {
    if (auto error = only({"doc"})) return *error;
    if (!params.contains("doc") || !params["doc"].is_string() ||
        params["doc"].get<std::string>().empty())
      return bad_request("invalid_field", "op versions needs \"doc\": the document id");
    return backend_.versions(params["doc"].get<std::string>());
  }
  if (op == "entities") {
    auto parsed = parse_entity_json(params);
    if (!parsed.ok()) return parsed.error();
    return backend_.entities(parsed.value());
  }
  if (op == "stats") {
    if (auto error = only({})) return *error;
    return backend_.stats();
  }
  if (op == "health") {
    if (auto error = only({})) return *error;
    return backend_.health();
  }
  return bad_request("unknown_op",
                     "unknown op '" + std::string(op) +
                         "' (search, document, versions, similar, related, entities, stats, "
                         "health, subscribe, unsubscribe)");
}

namespace {

// A subscription's "since": the commit a resumed client saw last.
ApiResult<std::optional<std::uint64_t>> since_of(const json& params) {
  if (!params.contains("since")) return std::optional<std::uint64_t>();
  const json& since = params["since"];
  if (!since.is_number_unsigned())
    return bad_request("invalid_field", "\"since\" must be a commit number (0 or more)");
  return std::optional<std::uint64_t>(since.get<std::uint64_t>());
}

}  // namespace

ApiResult<json> Router::check_saved_search(const SearchRequest& request) {
  // A query that cannot run (a syntax error, too many terms) is refused now, not at each commit.
  SearchRequest probe = request;
  probe.limit = 0;
  probe.snippet = 0;
  probe.facets.clear();
  auto result = backend_.search(probe);
  if (!result.ok() && result.error().status < 500) return result.error();
  return json();
}

ApiResult<json> Router::subscription_op(std::string_view op, const json& id, const json& params,
                                        const std::shared_ptr<EventChannel>& channel) {
  if (!alerts_ || !channel)
    return ApiError{501, "not_implemented", "saved searches are off (alerts.enabled = false)"};
  if (!id.is_string() && !id.is_number_integer())
    return bad_request("invalid_field", "op " + std::string(op) +
                                            " needs \"id\" (a string or an integer) to name the "
                                            "subscription");
  if (op == "unsubscribe") {
    if (!params.empty())
      return bad_request("unknown_field",
                         "unknown field '" + params.begin().key() + "' for op unsubscribe");
    return alerts_->unsubscribe(id, *channel);
  }
  auto since = since_of(params);
  if (!since.ok()) return since.error();
  auto request = parse_search_json(params, options_.limits, {"since"});
  if (!request.ok()) return request.error();
  if (auto checked = check_saved_search(request.value()); !checked.ok()) return checked.error();
  return alerts_->subscribe(std::move(request.value()), id, channel, since.value());
}

std::string Router::handle_line(std::string_view line, bool require_key, Clock::time_point received,
                                const std::shared_ptr<EventChannel>& channel) {
  const auto start = Clock::now();
  const std::string request_id = ids_.next();
  json id;
  std::string op = "search";
  ApiResult<json> result = json::object();
  auto parsed = parse_client_json(line, options_.limits.max_json_depth);
  if (!parsed.ok()) {
    result = parsed.error();
  } else if (!parsed.value().is_object()) {
    result = bad_request("invalid_request", "each line must be a JSON object");
  } else {
    json params = std::move(parsed.value());
    if (params.contains("id")) id = params["id"];
    params.erase("id");
    const json key = params.contains("api_key") ? params["api_key"] : json();
    params.erase("api_key");
    if (params.contains("op")) {
      if (params["op"].is_string()) {
        op = params["op"].get<std::string>();
      } else {
        op.clear();
      }
      params.erase("op");
    }
    const Access granted = !require_key || keys_.open() ? Access::full
                           : key.is_string()            ? keys_.check(key.get<std::string>())
                                                        : Access::none;
    const Access needs = op == "stats" ? Access::full : Access::search;
    if (granted == Access::none) {
      result = ApiError{401, "unauthorized", "a valid \"api_key\" is required"};
    } else if (granted < needs) {
      result = ApiError{403, "forbidden", "this key may only search and read documents"};
    } else if (op.empty()) {
      result = bad_request("invalid_field", "\"op\" must be a string");
    } else if (waited_too_long(received)) {
      result = overloaded();
    } else {
      try {
        result = op == "subscribe" || op == "unsubscribe" ? subscription_op(op, id, params, channel)
                                                          : dispatch(op, params);
      } catch (const std::exception& e) {
        result = ApiError{500, "internal", "internal error (the server log names it by request id)",
                          e.what()};
      }
    }
  }
  if (!result.ok()) log_detail(result.error(), request_id);
  json out = result.ok() ? result.value() : error_json(result.error(), request_id);
  const int status = result.ok() ? 200 : result.error().status;
  if (!result.ok()) metrics_.record_error(result.error().code);
  out["status"] = status;
  if (!id.is_null()) out["id"] = id;
  const bool known = op == "search" || op == "document" || op == "versions" || op == "similar" ||
                     op == "related" || op == "entities" || op == "stats" || op == "health" ||
                     op == "subscribe" || op == "unsubscribe";
  metrics_.record(known ? "ndjson_" + op : "ndjson_unknown", status, seconds_since(start));
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace newsdex::searchd
