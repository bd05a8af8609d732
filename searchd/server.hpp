// The transports: HTTP/1.1 (Boost.Beast, keep-alive, one request at a time per connection so
// pipelining is safe) and NDJSON over a unix socket and optionally TCP. Sessions are C++20
// coroutines on one I/O thread that only move bytes; every request is handled by the Router on the
// worker pool. An NDJSON connection writes from its own coroutine, so that the events of its
// subscriptions go out between replies; GET /subscribe turns an HTTP connection into a stream of
// Server-Sent Events. Limits: body size, header and idle timeouts, connection count. stop() (or
// SIGTERM / SIGINT) stops accepting, lets in-flight requests finish, closes idle connections and
// returns.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "metrics.hpp"
#include "result.hpp"
#include "router.hpp"

namespace newsdex::searchd {

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";   // HTTP host:port; port 0 picks a free one; "" = off
  std::string socket_path;                 // NDJSON unix socket; "" = off
  std::string tcp_listen;                  // NDJSON over TCP host:port; "" = off
  unsigned threads = 0;                    // worker threads; 0 = one per core
  std::uint64_t max_body_bytes = 1 << 20;  // also the longest NDJSON line
  unsigned max_connections = 1024;
  std::chrono::milliseconds header_timeout{10000};  // to receive a whole request once it began
  std::chrono::milliseconds idle_timeout{60000};    // between requests on a kept-alive connection
  std::chrono::seconds heartbeat{15};               // an event stream's keep-alive comment
  unsigned max_queued_events = 1000;                // alert events a connection may fall behind
};

class Server {
 public:
  Server(Router& router, Metrics& metrics, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds every configured listener; the error names the address that failed.
  Status start();

  // Serves until stop() or, with handle_signals, SIGTERM/SIGINT; returns once drained.
  void run(bool handle_signals);

  // Thread-safe; run() returns after in-flight requests are answered.
  void stop();

  // The bound ports (useful with port 0), 0 when that listener is off.
  unsigned short http_port() const;
  unsigned short tcp_port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex::searchd
