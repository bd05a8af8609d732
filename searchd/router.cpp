#include "router.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <functional>

#include "client_json.hpp"
#include "compression.hpp"
#include "snippet.hpp"
#include "web.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;
using Clock = Router::Clock;

// The key a request presents: X-API-Key, or Authorization: Bearer; with key_in_query also the
// api_key parameter when neither header is there.
std::string presented_key(const Request& request, std::string_view query, bool key_in_query) {
  std::string key = request.header("x-api-key");
  const std::string auth = request.header("authorization");
  if (key.empty() && auth.starts_with("Bearer ")) key = auth.substr(7);
  if (key.empty() && key_in_query) {
    auto params = parse_query_string(query);
    if (params.ok())
      for (const auto& [name, value] : params.value())
        if (name == "api_key") key = value;
  }
  return key;
}

}  // namespace

double Router::seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Router::Route {
  std::string_view path;  // exact path, or a prefix when it ends with '/'
  std::string_view endpoint;
  std::array<std::string_view, 2> methods;
  Access needs;  // when keys are configured
  std::function<Response(Router&, const Request&, std::string_view rest, std::string_view query,
                         const std::string& id)>
      handler;
};

Router::Router(Backend& backend, Metrics& metrics, RouterOptions options)
    : backend_(backend),
      metrics_(metrics),
      options_(std::move(options)),
      keys_(options_.api_keys, options_.search_keys) {}

void Router::log_detail(const ApiError& error, const std::string& id) const {
  if (error.detail.empty() && error.status < 500) return;
  auto level = error.status >= 500 ? spdlog::level::warn : spdlog::level::info;
  spdlog::log(level, "request {}: {} {}: {}", id, error.status, error.code,
              error.detail.empty() ? error.message : error.detail);
}

Response Router::fail(const ApiError& error, const std::string& id) const {
  log_detail(error, id);
  return error_response(error, id);
}

Response Router::respond(const ApiResult<json>& result, const std::string& id) const {
  return result.ok() ? json_response(result.value()) : fail(result.error(), id);
}

// GET / and GET /assets/*: the search page (searchd/web), with the page key when one is set.
Response Router::page(const Request& request) const {
  std::string_view content_type;
  const std::string_view bytes = web::asset(request.target, content_type);
  if (bytes.empty()) return error_response({404, "not_found", "no such page file"});
  Response response;
  response.content_type = std::string(content_type);
  response.body = std::string(bytes);
  const bool keyed = !options_.page_key.empty() && content_type.starts_with("text/html");
  if (keyed) {
    const std::size_t head = response.body.find("<head>");
    if (head != std::string::npos)
      response.body.insert(head + 6, "\n<meta name=\"newsdex-search-key\" content=\"" +
                                         html_escape(options_.page_key) + "\">");
  }
  response.headers.emplace_back("Content-Security-Policy",
                                std::string(web::content_security_policy()));
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  // A page that carries a key is not kept by caches on the way.
  response.headers.emplace_back("Cache-Control", keyed ? "no-store" : "no-cache");
  return response;
}

ApiResult<json> Router::run_search(const SearchRequest& request) {
  const auto start = Clock::now();
  auto result = backend_.search(request);
  if (result.ok()) result.value()["took_ms"] = seconds_since(start) * 1000.0;
  return result;
}

Response Router::document_route(std::string_view rest, std::string_view query,
                                const std::string& id) {
  // A sub-resource is the last raw path segment; an id holding a '/' of its own arrives as %2F
  // (clients encode ids as one segment), so "a%2Fsimilar" stays the document "a/similar".
  constexpr std::string_view kSimilar = "/similar", kRelated = "/related", kVersions = "/versions";
  const bool similar = rest.ends_with(kSimilar);
  const bool related = rest.ends_with(kRelated);
  const bool versions = rest.ends_with(kVersions);
  if (similar || related || versions)
    rest.remove_suffix((similar ? kSimilar : related ? kRelated : kVersions).size());
  auto doc = percent_decode(rest, false);
  if (!doc || doc->empty() || !is_valid_utf8(*doc))
    return fail(bad_request("invalid_id", "the document id is empty or malformed"), id);
  if (versions) {
    if (!query.empty())
      return fail(bad_request("unknown_parameter", "/versions takes no parameters"), id);
    return respond(backend_.versions(*doc), id);
  }
  if (!similar && !related) return respond(backend_.document(*doc), id);
  auto params = parse_query_string(query);
  if (!params.ok()) return fail(params.error(), id);
  auto parsed = parse_coverage_params(std::move(*doc), params.value(), options_.coverage);
  if (!parsed.ok()) return fail(parsed.error(), id);
  return respond(similar ? backend_.similar(parsed.value()) : backend_.related(parsed.value()), id);
}

Response Router::route(const Request& request, std::string& endpoint, const std::string& id,
                       Clock::time_point received) {
  static const std::array<Route, 9> kRoutes = {{
      {"/search",
       "search",
       {"GET", "POST"},
       Access::search,
       [](Router& self, const Request& req, std::string_view, std::string_view query,
          const std::string& id) {
         const Limits& limits = self.options_.limits;
         ApiResult<SearchRequest> parsed = [&]() -> ApiResult<SearchRequest> {
           if (req.method == "GET") {
             auto params = parse_query_string(query);
             if (!params.ok()) return params.error();
             return parse_search_params(params.value(), limits);
           }
           auto body = parse_client_json(req.body, limits.max_json_depth);
           if (!body.ok()) return body.error();
           return parse_search_json(body.value(), limits);
         }();
         if (!parsed.ok()) return self.fail(parsed.error(), id);
         return self.respond(self.run_search(parsed.value()), id);
       }},
      {"/documents/",
       "document",
       {"GET", ""},
       Access::search,
       [](Router& self, const Request&, std::string_view rest, std::string_view query,
          const std::string& id) { return self.document_route(rest, query, id); }},
      {"/entities",
       "entities",
       {"GET", ""},
       Access::search,
       [](Router& self, const Request&, std::string_view, std::string_view query,
          const std::string& id) {
         auto params = parse_query_string(query);
         if (!params.ok()) return self.fail(params.error(), id);
         auto parsed = parse_entity_params(params.value());
         if (!parsed.ok()) return self.fail(parsed.error(), id);
         return self.respond(self.backend_.entities(parsed.value()), id);
       }},
      {"/subscribe",
       "subscribe",
       {"GET", ""},
       Access::search,
       [](Router& self, const Request& req, std::string_view, std::string_view query,
          const std::string& id) { return self.subscribe_stream(req, query, id); }},
      {"/health",
       "health",
       {"GET", ""},
       Access::search,
       [](Router& self, const Request&, std::string_view, std::string_view, const std::string& id) {
         return self.respond(self.backend_.health(), id);
       }},
      {"/stats",
       "stats",
       {"GET", ""},
       Access::full,
       [](Router& self, const Request&, std::string_view, std::string_view, const std::string& id) {
         return self.respond(self.backend_.stats(), id);
       }},
      {"/metrics",
       "metrics",
       {"GET", ""},
       Access::full,
       [](Router& self, const Request&, std::string_view, std::string_view, const std::string&) {
         Response response;
         response.content_type = "text/plain; version=0.0.4";
         response.body = self.metrics_.render();
         return response;
       }},
      // The page itself holds no data, so it loads without a key; its requests need one.
      {"/assets/",
       "page",
       {"GET", ""},
       Access::none,
       [](Router& self, const Request& req, std::string_view, std::string_view,
          const std::string&) { return self.page(req); }},
      {"/",
       "root",
       {"GET", ""},
       Access::none,
       [](Router& self, const Request& req, std::string_view, std::string_view,
          const std::string&) {
         // Browsers get the search page; API clients asking for JSON the endpoint list.
         const std::string accept = req.header("accept");
         if (accept.find("text/html") != std::string::npos ||
             accept.find("application/json") == std::string::npos)
           return self.page(req);
         return json_response({{"name", "newsdex-searchd"},
                               {"endpoints",
                                {"/search", "/documents/{id}", "/documents/{id}/versions",
                                 "/documents/{id}/similar", "/documents/{id}/related", "/entities",
                                 "/subscribe", "/health", "/stats", "/metrics"}}});
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
    return fail({404, "not_found", "no such endpoint"}, id);
  }
  endpoint = match->endpoint;
  // Sub-resources share the documents route (ids hold slashes) but are their own endpoints in
  // metrics: neighbours and versions cost a search each.
  for (const std::string_view sub : {"similar", "related", "versions"})
    if (endpoint == "document" && rest.ends_with("/" + std::string(sub))) endpoint = sub;
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
  if (!keys_.open() && match->needs != Access::none) {
    // Only /subscribe takes ?api_key=: the browser's EventSource (the search page's "Notify me")
    // cannot set headers. Everywhere else a key stays out of URLs, which proxies and logs keep.
    const Access granted =
        keys_.check(presented_key(request, query, match->endpoint == "subscribe"));
    if (granted == Access::none) {
      Response response = fail(
          {401, "unauthorized", "a valid API key is required (Authorization: Bearer KEY)"}, id);
      response.headers.emplace_back("WWW-Authenticate", "Bearer");
      return response;
    }
    if (granted < match->needs)
      return fail({403, "forbidden", "this key may only search and read documents"}, id);
  }
  if (std::ranges::find(match->methods, request.method) == match->methods.end() ||
      request.method.empty()) {
    Response response =
        fail({405, "method_not_allowed", request.method + " is not allowed on this endpoint"}, id);
    response.headers.emplace_back("Allow", allow);
    return response;
  }
  if (waited_too_long(received)) return fail(overloaded(), id);
  return match->handler(*this, request, rest, query, id);
}

// GET /subscribe?q=...: the search request's parameters (and `since`, or the Last-Event-ID a
// reconnecting EventSource sends, and `api_key`, which route() checked) to a stream of Server-Sent
// Events, one per event, each commit's last one carrying the commit number as its id.
Response Router::subscribe_stream(const Request& request, std::string_view query,
                                  const std::string& id) {
  if (!alerts_)
    return fail({501, "not_implemented", "saved searches are off (alerts.enabled = false)"}, id);
  auto params = parse_query_string(query);
  if (!params.ok()) return fail(params.error(), id);
  std::string since_text = request.header("last-event-id");
  std::erase_if(params.value(), [&](const auto& param) {
    if (param.first == "api_key") return true;  // checked by route()
    if (param.first != "since") return false;
    if (since_text.empty()) since_text = param.second;
    return true;
  });
  std::optional<std::uint64_t> since;
  if (!since_text.empty()) {
    std::uint64_t number = 0;
    const auto [end, ec] =
        std::from_chars(since_text.data(), since_text.data() + since_text.size(), number);
    if (ec != std::errc() || end != since_text.data() + since_text.size())
      return fail(bad_request("invalid_since", "since (or Last-Event-ID) must be a commit number"),
                  id);
    since = number;
  }
  auto parsed = parse_search_params(params.value(), options_.limits);
  if (!parsed.ok()) return fail(parsed.error(), id);
  if (auto checked = check_saved_search(parsed.value()); !checked.ok())
    return fail(checked.error(), id);
  auto channel = std::make_shared<EventChannel>(alerts_->options().max_queued_events);
  auto subscribed = alerts_->subscribe(std::move(parsed.value()), json(id), channel, since);
  if (!subscribed.ok()) return fail(subscribed.error(), id);
  Response response;
  response.content_type = "text/event-stream";
  response.headers.emplace_back("Cache-Control", "no-cache");
  // The first event: what a search box shows while it waits.
  json hello = subscribed.value();
  hello["event"] = "subscribed";
  channel->push({{hello.dump(), std::nullopt}});
  response.events = std::move(channel);
  return response;
}

bool Router::waited_too_long(Clock::time_point received) const {
  return Clock::now() - received > options_.limits.queue_timeout;
}

Response Router::handle(const Request& request, Clock::time_point received) {
  const auto start = Clock::now();
  const std::string id = ids_.next(request.header("x-request-id"));
  std::string endpoint;
  Response response;
  try {
    response = route(request, endpoint, id, received);
  } catch (const std::exception& e) {
    // Backends answer errors as values; anything thrown is a bug, reported without crashing.
    response = fail(
        {500, "internal", "internal error (the server log names it by request id)", e.what()}, id);
  }
  add_cors(request, response);
  compress_response(request.header("accept-encoding"), options_.compression_level,
                    options_.compression_min_bytes, response);
  response.headers.emplace_back("X-Request-Id", id);
  if (response.status >= 400) {
    auto body = json::parse(response.body, nullptr, false);
    if (body.is_object() && body.contains("error"))
      metrics_.record_error(body["error"].value("code", ""));
  }
  metrics_.record(endpoint, response.status, seconds_since(start));
  return response;
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

}  // namespace newsdex::searchd
