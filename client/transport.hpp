// One request to newsdex-searchd and its reply, over HTTP or the NDJSON unix socket. Both carry
// the same JSON objects; only the framing differs, so callers never know which one they use.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "endpoint.hpp"
#include "result.hpp"

namespace newsdex::client {

// An API operation: "search" (params = the search request object), "document" or "versions"
// ({"doc": id}), "similar" or "related" ({"doc": id, "limit": n}), "stats" or "health" (no
// params).
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

// Receives each event of a saved search as it arrives (the first is {"event": "subscribed"}).
using EventHandler = std::function<void(const nlohmann::json& event)>;

class Transport {
 public:
  virtual ~Transport() = default;
  // Errc::io_error when the server cannot be reached or the exchange fails midway.
  virtual Result<Reply> call(const Call& call) = 0;

  // Subscribes with a search request (params) and hands every event to on_event until the server
  // closes the stream (a 200 reply with an empty body) or refuses the subscription (its status and
  // error body). The timeout covers connecting and the answer to the subscription only.
  virtual Result<Reply> watch(const nlohmann::json& params, const EventHandler& on_event) = 0;
};

std::unique_ptr<Transport> make_transport(const Endpoint& endpoint, TransportOptions options);

// The HTTP status an NDJSON reply stands for: its "status" member, else 200 or the status its
// error code names.
int status_of_ndjson_reply(const nlohmann::json& reply);

}  // namespace newsdex::client
