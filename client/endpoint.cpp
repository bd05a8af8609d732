#include "endpoint.hpp"

#include <charconv>
#include <cstdlib>

#include "config.hpp"

namespace newsdex::client {
namespace {

constexpr std::string_view kDefaultServer = "http://127.0.0.1:8080";

Error bad_url(std::string_view url, std::string_view why) {
  return make_error(Errc::invalid_argument,
                    "bad server URL \"" + std::string(url) + "\": " + std::string(why));
}

bool valid_port(std::string_view port) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  return ec == std::errc() && end == port.data() + port.size() && value > 0 && value < 65536;
}

// Splits "host:port", "[v6]:port" or "host" (port defaults to 80).
Result<Endpoint> parse_authority(std::string_view url, std::string_view authority) {
  Endpoint endpoint;
  std::string_view host = authority, port = "80";
  if (authority.starts_with('[')) {
    auto close = authority.find(']');
    if (close == std::string_view::npos) return bad_url(url, "unclosed [ in the host");
    host = authority.substr(1, close - 1);
    auto rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (!rest.starts_with(':')) return bad_url(url, "expected :PORT after the host");
      port = rest.substr(1);
    }
  } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host.empty()) return bad_url(url, "no host");
  if (!valid_port(port)) return bad_url(url, "the port must be a number from 1 to 65535");
  endpoint.host = host;
  endpoint.port = port;
  return endpoint;
}

// "0.0.0.0:8080" in a server's config means every address; a client reaches it on loopback.
std::string client_address(std::string_view listen) {
  if (listen.starts_with("0.0.0.0:")) return "127.0.0.1" + std::string(listen.substr(7));
  if (listen.starts_with("[::]:")) return "[::1]" + std::string(listen.substr(4));
  return std::string(listen);
}

}  // namespace

std::string Endpoint::describe() const {
  if (kind == Kind::unix_socket) return socket.string();
  const bool v6 = host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + host + "]" : host) + ":" + port + base_path;
}

Result<Endpoint> parse_server_url(std::string_view url) {
  if (url.starts_with("unix:")) {
    auto path = url.substr(5);
    if (path.starts_with("//")) path.remove_prefix(2);  // unix:///run/x.sock
    if (path.empty()) return bad_url(url, "no socket path after unix:");
    Endpoint endpoint;
    endpoint.kind = Endpoint::Kind::unix_socket;
    endpoint.socket = std::string(path);
    return endpoint;
  }
  if (url.starts_with("https://"))
    return bad_url(url, "https is not supported; put a TLS proxy in front or use http://");
  if (!url.starts_with("http://")) return bad_url(url, "expected http://HOST:PORT or unix:PATH");
  auto rest = url.substr(7);
  auto slash = rest.find('/');
  auto authority = rest.substr(0, slash);
  auto endpoint = parse_authority(url, authority);
  if (!endpoint) return endpoint;
  if (slash != std::string_view::npos) {
    auto path = rest.substr(slash);
    while (path.ends_with('/')) path.remove_suffix(1);
    if (path.find_first_of("?#") != std::string_view::npos)
      return bad_url(url, "no query or fragment allowed");
    endpoint->base_path = path;
  }
  return endpoint;
}

std::optional<std::string> process_env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

Result<Endpoint> resolve_endpoint(const EndpointFlags& flags, const GetEnv& env) {
  if (!flags.socket.empty()) return parse_server_url("unix:" + flags.socket);
  if (!flags.server.empty()) return parse_server_url(flags.server);
  if (auto server = env("NEWSDEX_SERVER")) return parse_server_url(*server);

  std::string config_file = flags.config;
  if (config_file.empty()) config_file = env("NEWSDEX_CONFIG").value_or("");
  if (config_file.empty()) return parse_server_url(kDefaultServer);
  auto config = load_config(config_file);
  if (!config) return config.error();
  if (config->server.listen.empty())
    return make_error(Errc::invalid_argument, config_file + ": server.listen is empty");
  return parse_server_url("http://" + client_address(config->server.listen));
}

}  // namespace newsdex::client
