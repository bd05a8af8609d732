// Where the client sends its requests: an HTTP base URL or a unix socket speaking NDJSON, chosen
// from --server/--socket, then $NEWSDEX_SERVER, then the shared config file, then the default.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "result.hpp"

namespace newsdex::client {

struct Endpoint {
  enum class Kind { http, unix_socket };
  Kind kind = Kind::http;
  std::string host;              // http: name or address (no brackets for IPv6)
  std::string port;              // http: decimal port
  std::string base_path;         // http: prefix before /search etc., "" or "/newsdex"
  std::filesystem::path socket;  // unix_socket: the socket file
  std::string describe() const;  // for messages: "http://127.0.0.1:8080" or the socket path
};

// Parses "http://host[:port][/prefix]" or "unix:PATH"; anything else is Errc::invalid_argument.
Result<Endpoint> parse_server_url(std::string_view url);

// The flags that choose an endpoint; empty strings mean "not given".
struct EndpointFlags {
  std::string server;  // --server URL
  std::string socket;  // --socket PATH
  std::string config;  // --config FILE
};

// Reads an environment variable; injectable so resolution is testable without setenv.
using GetEnv = std::function<std::optional<std::string>(const char*)>;
std::optional<std::string> process_env(const char* name);

// Precedence: --socket, --server, $NEWSDEX_SERVER, the config file (--config or $NEWSDEX_CONFIG:
// its server.listen, since HTTP needs no socket permissions; a wildcard address means loopback),
// then http://127.0.0.1:8080.
Result<Endpoint> resolve_endpoint(const EndpointFlags& flags, const GetEnv& env = process_env);

}  // namespace newsdex::client
