// Request handling as a pure function: the route table maps (method, path) to a handler over the
// Backend, checks API keys, adds CORS headers and a request id, and records metrics. HTTP sessions
// and NDJSON lines both come here, so both transports share one code path. Thread-safe when the
// Backend is.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "access.hpp"
#include "alerts.hpp"
#include "api.hpp"
#include "backend.hpp"
#include "metrics.hpp"
#include "request_id.hpp"
#include "search_request.hpp"

namespace newsdex::searchd {

struct RouterOptions {
  Limits limits;
  CoverageLimits coverage;                   // /documents/{id}/similar and /related
  std::vector<std::string> cors_origins;     // "*" allows any Origin
  std::vector<std::string> api_keys;         // full access; both empty: no key needed
  std::vector<std::string> search_keys;      // search, documents and health only
  std::string page_key;                      // a search key written into the served search page
  int compression_level = 4;                 // gzip level for clients that accept it; 0 = off
  std::size_t compression_min_bytes = 1024;  // smaller bodies are sent as they are
};

class Router {
 public:
  Router(Backend& backend, Metrics& metrics, RouterOptions options);

  using Clock = std::chrono::steady_clock;

  // One HTTP request to its response. received: when the transport read it; a request that
  // waited longer than limits.queue_timeout for a worker is answered 503 overloaded.
  Response handle(const Request& request, Clock::time_point received = Clock::now());

  // One NDJSON request line to one response line (without the newline). The request may carry
  // "id" (echoed), "op" (search, document, similar, related, entities, stats, health, subscribe,
  // unsubscribe; search by default) and, when require_key, "api_key". channel: the connection's,
  // where the events of its subscriptions go (none: subscribe is refused).
  std::string handle_line(std::string_view line, bool require_key,
                          Clock::time_point received = Clock::now(),
                          const std::shared_ptr<EventChannel>& channel = nullptr);

  // Saved searches (subscribe over NDJSON, GET /subscribe); without them both answer 501.
  void set_alerts(AlertHub* alerts) { alerts_ = alerts; }

 private:
  struct Route;
  ApiResult<nlohmann::json> dispatch(std::string_view op, const nlohmann::json& params);
  ApiResult<nlohmann::json> subscription_op(std::string_view op, const nlohmann::json& id,
                                            const nlohmann::json& params,
                                            const std::shared_ptr<EventChannel>& channel);
  ApiResult<nlohmann::json> check_saved_search(const SearchRequest& request);
  Response subscribe_stream(const Request& request, std::string_view query, const std::string& id);
  ApiResult<nlohmann::json> run_search(const SearchRequest& request);
  // GET /documents/{id}, /documents/{id}/similar and /documents/{id}/related.
  Response document_route(std::string_view rest, std::string_view query, const std::string& id);
  void add_cors(const Request& request, Response& response) const;
  Response route(const Request& request, std::string& endpoint, const std::string& id,
                 Clock::time_point received);
  bool waited_too_long(Clock::time_point received) const;
  Response page(const Request& request) const;
  // The error response, with the detail logged under the request id (never sent).
  Response fail(const ApiError& error, const std::string& id) const;
  Response respond(const ApiResult<nlohmann::json>& result, const std::string& id) const;
  void log_detail(const ApiError& error, const std::string& id) const;
  static double seconds_since(Clock::time_point start);

  Backend& backend_;
  AlertHub* alerts_ = nullptr;
  Metrics& metrics_;
  RouterOptions options_;
  KeyRing keys_;
  RequestIds ids_;
};

}  // namespace newsdex::searchd
