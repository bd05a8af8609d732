#include "router.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <functional>

#include "web.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

Response from_result(const ApiResult<json>& result) {
  return result.ok() ? json_response(result.value()) : error_response(result.error());
}

// Equal-time comparison, so a key cannot be guessed byte by byte from response times.
bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

ApiResult<json> parse_json_body(std::string_view body) {
  if (!is_valid_utf8(body)) return bad_request("invalid_utf8", "the body is not valid UTF-8");
  try {
    return json::parse(body);
  } catch (const json::parse_error& e) {
    return bad_request("invalid_json", std::string("malformed JSON: ") + e.what());
  }
}

// --- The search page (searchd/web, issue 6): GET / and GET /assets/*. ---------------------------
Response page_response(const Request& request) {
  std::string_view content_type;
  const std::string_view bytes = web::asset(request.target, content_type);
  if (bytes.empty()) return error_response({404, "not_found", "no page file " + request.target});
  Response response;
  response.content_type = std::string(content_type);
  response.body = std::string(bytes);
  response.headers.emplace_back("Content-Security-Policy",
                                std::string(web::content_security_policy()));
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.headers.emplace_back("Cache-Control", "no-cache");
  return response;
}

}  // namespace

struct Router::Route {
  std::string_view path;  // exact path, or a prefix when it ends with '/'
  std::string_view endpoint;
  std::array<std::string_view, 2> methods;
  std::function<Response(Router&, const Request&, std::string_view rest, std::string_view query)>
      handler;
};

Router::Router(Backend& backend, Metrics& metrics, RouterOptions options)
    : backend_(backend), metrics_(metrics), options_(std::move(options)) {}

ApiResult<json> Router::run_search(const SearchRequest& request) {
  const auto start = Clock::now();
  auto result = backend_.search(request);
  if (result.ok()) result.value()["took_ms"] = seconds_since(start) * 1000.0;
  return result;
}

Response Router::route(const Request& request, std::string& endpoint) {
  static const std::array<Route, 7> kRoutes = {{
      {"/search",
       "search",
       {"GET", "POST"},
       [](Router& self, const Request& req, std::string_view, std::string_view query) {
         ApiResult<SearchRequest> parsed =
             req.method == "GET"
                 ? parse_search_params(parse_query_string(query), self.options_.limits)
                 : [&]() -> ApiResult<SearchRequest> {
           auto body = parse_json_body(req.body);
           if (!body.ok()) return body.error();
           return parse_search_json(body.value(), self.options_.limits);
         }();
         if (!parsed.ok()) return error_response(parsed.error());
         return from_result(self.run_search(parsed.value()));
       }},
      {"/documents/",
       "document",
       {"GET", ""},
       [](Router& self, const Request&, std::string_view rest, std::string_view) {
         auto id = percent_decode(rest, false);
         if (!id || id->empty() || !is_valid_utf8(*id))
           return error_response(
               bad_request("invalid_id", "the document id is empty or malformed"));
         return from_result(self.backend_.document(*id));
       }},
      {"/health",
       "health",
       {"GET", ""},
       [](Router& self, const Request&, std::string_view, std::string_view) {
         auto result = self.backend_.health();
         return result.ok() ? json_response(result.value()) : error_response(result.error());
       }},
      {"/stats",
       "stats",
       {"GET", ""},
       [](Router& self, const Request&, std::string_view, std::string_view) {
         return from_result(self.backend_.stats());
       }},
      {"/metrics",
       "metrics",
       {"GET", ""},
       [](Router& self, const Request&, std::string_view, std::string_view) {
         Response response;
         response.content_type = "text/plain; version=0.0.4";
         response.body = self.metrics_.render();
         return response;
       }},
      {"/assets/",
       "page",
       {"GET", ""},
       [](Router&, const Request& req, std::string_view, std::string_view) {
         return page_response(req);
       }},
      {"/",
       "root",
       {"GET", ""},
       [](Router&, const Request& req, std::string_view, std::string_view) {
         // Browsers get the search page; API clients asking for JSON the endpoint list.
         const std::string accept = req.header("accept");
         if (accept.find("text/html") != std::string::npos ||
             accept.find("application/json") == std::string::npos)
           return page_response(req);
         return json_response(
             {{"name", "newsdex-searchd"},
              {"endpoints", {"/search", "/documents/{id}", "/health", "/stats", "/metrics"}}});
       }},
  }};

  const std::string_view target = request.target;
  const std::size_t question = target.find('?');
  const std::string_view path = target.substr(0, question);
  const std::string_view query =
      question == std::string_view::npos ? std::string_view() : target.substr(question + 1);

  const Route* match = nullptr;
  std::string_view rest;
  for (const Route& r : kRoutes) {
    if (r.path.back() == '/' && r.path.size() > 1 ? path.starts_with(r.path) : path == r.path) {
      match = &r;
      rest = path.substr(r.path.size());
      break;
    }
  }
  if (!match) {
    endpoint = "unknown";
    return error_response({404, "not_found", "no endpoint " + std::string(path)});
  }
  endpoint = match->endpoint;
  std::string allow;
  for (auto m : match->methods)
    if (!m.empty()) allow += std::string(allow.empty() ? "" : ", ") + std::string(m);
  allow += ", OPTIONS";
  if (request.method == "OPTIONS") {
    Response response;
    response.status = 204;
    response.content_type.clear();
    response.headers.emplace_back("Allow", allow);
    return response;
  }
  if (!options_.api_keys.empty()) {
    std::string key = request.header("x-api-key");
    const std::string auth = request.header("authorization");
    if (key.empty() && auth.starts_with("Bearer ")) key = auth.substr(7);
    if (!key_accepted(key)) {
      Response response = error_response(
          {401, "unauthorized", "a valid API key is required (Authorization: Bearer KEY)"});
      response.headers.emplace_back("WWW-Authenticate", "Bearer");
      return response;
    }
  }
  if (std::ranges::find(match->methods, request.method) == match->methods.end() ||
      request.method.empty()) {
    Response response = error_response(
        {405, "method_not_allowed", request.method + " is not allowed on " + std::string(path)});
    response.headers.emplace_back("Allow", allow);
    return response;
  }
  return match->handler(*this, request, rest, query);
}

Response Router::handle(const Request& request) {
  const auto start = Clock::now();
  std::string endpoint;
  Response response;
  try {
    response = route(request, endpoint);
  } catch (const std::exception& e) {
    // Backends answer errors as values; anything thrown is a bug, reported without crashing.
    response = error_response({500, "internal", e.what()});
  }
  add_cors(request, response);
  if (response.status >= 400) {
    auto body = json::parse(response.body, nullptr, false);
    if (body.is_object() && body.contains("error"))
      metrics_.record_error(body["error"].value("code", ""));
  }
  metrics_.record(endpoint, response.status, seconds_since(start));
  return response;
}

bool Router::key_accepted(std::string_view key) const {
  return std::ranges::any_of(options_.api_keys,
                             [&](const std::string& k) { return same_secret(k, key); });
}

void Router::add_cors(const Request& request, Response& response) const {
  const std::string origin = request.header("origin");
  if (origin.empty() || options_.cors_origins.empty()) return;
  const bool any = std::ranges::find(options_.cors_origins, "*") != options_.cors_origins.end();
  if (!any && std::ranges::find(options_.cors_origins, origin) == options_.cors_origins.end())
    return;
  response.headers.emplace_back("Access-Control-Allow-Origin", any ? "*" : origin);
  if (!any) response.headers.emplace_back("Vary", "Origin");
  if (request.method == "OPTIONS") {
    response.headers.emplace_back("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    response.headers.emplace_back("Access-Control-Allow-Headers",
                                  "Content-Type, Authorization, X-API-Key");
    response.headers.emplace_back("Access-Control-Max-Age", "600");
  }
}

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
  if (op == "stats") {
    if (auto error = only({})) return *error;
    return backend_.stats();
  }
  if (op == "health") {
    if (auto error = only({})) return *error;
    return backend_.health();
  }
  return bad_request("unknown_op",
                     "unknown op '" + std::string(op) + "' (search, document, stats, health)");
}

std::string Router::handle_line(std::string_view line, bool require_key) {
  const auto start = Clock::now();
  json id;
  std::string op = "search";
  ApiResult<json> result = json::object();
  auto parsed = parse_json_body(line);
  if (!parsed.ok()) {
    result = parsed.error();
  } else if (!parsed.value().is_object()) {
    result = bad_request("invalid_request", "each line must be a JSON object");
  } else {
    json params = parsed.value();
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
    if (require_key && !options_.api_keys.empty() &&
        !(key.is_string() && key_accepted(key.get<std::string>()))) {
      result = ApiError{401, "unauthorized", "a valid \"api_key\" is required"};
    } else if (op.empty()) {
      result = bad_request("invalid_field", "\"op\" must be a string");
    } else {
      try {
        result = dispatch(op, params);
      } catch (const std::exception& e) {
        result = ApiError{500, "internal", e.what()};
      }
    }
  }
  json out = result.ok() ? result.value() : error_json(result.error());
  const int status = result.ok() ? 200 : result.error().status;
  if (!result.ok()) metrics_.record_error(result.error().code);
  out["status"] = status;
  if (!id.is_null()) out["id"] = id;
  const bool known = op == "search" || op == "document" || op == "stats" || op == "health";
  metrics_.record(known ? "ndjson_" + op : "ndjson_unknown", status, seconds_since(start));
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace newsdex::searchd
