// The transport-neutral request and response of the search API: what the HTTP session and the
// NDJSON listener hand to the router, and what they write back. No Beast or Asio types here.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "event_channel.hpp"
#include "result.hpp"

namespace newsdex::searchd {

struct Request {
  std::string method;                          // "GET", "POST", ...
  std::string target;                          // path and query string, as sent
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  // The header's value, or "" when absent (name in lower case).
  std::string header(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Set for a stream of Server-Sent Events (GET /subscribe): after the headers the transport sends
  // what arrives on the channel until either side closes.
  std::shared_ptr<EventChannel> events;
};

// An error for the API's client: an HTTP status, a stable machine-readable code and a message.
// detail is what went wrong inside (Xapian's text, a path): logged with the request id, never sent.
struct ApiError {
  int status = 400;
  std::string code;
  std::string message;
  std::string detail = {};
  unsigned retry_after_s = 0;  // for 503: the Retry-After header (HTTP), "retry_after" (NDJSON)
};

// A value or an ApiError, as at every border of the server.
template <class T>
using ApiResult = Result<T, ApiError>;

inline ApiError bad_request(std::string code, std::string message) {
  return ApiError{400, std::move(code), std::move(message)};
}

// 503 overloaded, Retry-After 1: no worker or searcher became free in time.
ApiError overloaded();

// {"error": {"code": …, "message": …, "request_id": …, "retry_after": …}} (the last two when
// set); never the detail.
nlohmann::json error_json(const ApiError& error, const std::string& request_id = {});

// A JSON response with the error body and status (and Retry-After when the error has one).
Response error_response(const ApiError& error, const std::string& request_id = {});

// A JSON response (serialised with invalid UTF-8 replaced, so it always parses).
Response json_response(const nlohmann::json& body, int status = 200);

}  // namespace newsdex::searchd
