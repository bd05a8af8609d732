// One request to newsdex-searchd and its reply, over HTTP or the NDJSON unix socket. Both carry
// the same JSON objects; only the framing differs, so callers never know which one they use.
#pragma once

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "endpoint.hpp"
#include "result.hpp"

namespace newsdex::client {

// An API operation: "search" (params = the search request object), "document" or "versions"
// ({"doc": id}), "stats" or "health" (no params).
struct Call {
  std::string op;
  nlohmann::json params = nlohmann::json::object();
};

// What the server answered: an HTTP status (for the socket, derived from an "error" member) and
// the body exactly as received, so --json can print it unchanged.
struct Reply {
  int status = 0;
  std::string body;
};

struct TransportOptions {
  std::chrono::milliseconds timeout{30000};  // for the whole exchange
  std::string api_key;                       // sent when non-empty
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Errc::io_error when the server cannot be reached or the exchange fails midway.
  virtual Result<Reply> call(const Call& call) = 0;
};

std::unique_ptr<Transport> make_transport(const Endpoint& endpoint, TransportOptions options);

// The HTTP status an NDJSON reply stands for: its "status" member, else 200 or the status its
// error code names.
int status_of_ndjson_reply(const nlohmann::json& reply);

}  // namespace newsdex::client
