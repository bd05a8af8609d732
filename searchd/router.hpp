// Request handling as a pure function: the route table maps (method, path) to a handler over the
// Backend, checks API keys, adds CORS headers and records metrics. HTTP sessions and NDJSON lines
// both come here, so both transports share one code path. Thread-safe when the Backend is.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "api.hpp"
#include "backend.hpp"
#include "metrics.hpp"
#include "search_request.hpp"

namespace newsdex::searchd {

struct RouterOptions {
  Limits limits;
  std::vector<std::string> cors_origins;  // "*" allows any Origin
  std::vector<std::string> api_keys;      // empty: no key needed
};

class Router {
 public:
  Router(Backend& backend, Metrics& metrics, RouterOptions options);

  // One HTTP request to its response.
  Response handle(const Request& request);

  // One NDJSON request line to one response line (without the newline). The request may carry
  // "id" (echoed), "op" (search, document, stats, health; search by default) and, when
  // require_key, "api_key".
  std::string handle_line(std::string_view line, bool require_key);

 private:
  struct Route;
  ApiResult<nlohmann::json> dispatch(std::string_view op, const nlohmann::json& params);
  ApiResult<nlohmann::json> run_search(const SearchRequest& request);
  bool key_accepted(std::string_view key) const;
  void add_cors(const Request& request, Response& response) const;
  Response route(const Request& request, std::string& endpoint);

  Backend& backend_;
  Metrics& metrics_;
  RouterOptions options_;
};

}  // namespace newsdex::searchd
