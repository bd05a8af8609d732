// newsdex watch over HTTP: GET /subscribe and its Server-Sent Events.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <cstdio>

#include "transports.hpp"

namespace newsdex::client {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using asio::use_awaitable;

constexpr std::size_t kMaxEventBytes = 64u << 20;

// A search request's fields as a query string (lists as repeated names).
std::string query_string(const nlohmann::json& params) {
  std::string out;
  auto add = [&](const std::string& name, const nlohmann::json& value) {
    out += (out.empty() ? "" : "&") + encode_segment(name) + "=" +
           encode_segment(value.is_string() ? value.get<std::string>() : value.dump());
  };
  for (const auto& [name, value] : params.items()) {
    if (!value.is_array()) {
      add(name, value);
      continue;
    }
    for (const auto& item : value) add(name, item);
  }
  return out;
}

// GET /subscribe: the response head, then Server-Sent Events (`data:` lines) until the server
// closes the connection; a refusal is an ordinary response whose body lasts until the close.
asio::awaitable<Reply> watch_exchange(Endpoint endpoint, std::chrono::milliseconds timeout,
                                      std::string request, EventHandler on_event) {
  auto executor = co_await asio::this_coro::executor;
  asio::ip::tcp::resolver resolver(executor);
  beast::tcp_stream stream(executor);
  stream.expires_after(timeout);
  auto addresses = co_await resolver.async_resolve(endpoint.host, endpoint.port, use_awaitable);
  co_await stream.async_connect(addresses, use_awaitable);
  co_await asio::async_write(stream, asio::buffer(request), use_awaitable);
  std::string buffer;
  const auto head = co_await asio::async_read_until(stream, asio::dynamic_buffer(buffer, 64 * 1024),
                                                    "\r\n\r\n", use_awaitable);
  int status = 0;
  if (std::sscanf(buffer.c_str(), "HTTP/%*s %d", &status) != 1)
    throw std::runtime_error("the server's reply is not HTTP");
  buffer.erase(0, head);
  boost::system::error_code ec;
  if (status != 200) {  // the error body lasts until the server closes the connection
    while (!ec) {
      char chunk[4096];
      const auto n = co_await stream.async_read_some(asio::buffer(chunk),
                                                     asio::redirect_error(use_awaitable, ec));
      buffer.append(chunk, n);
    }
    co_return Reply{status, std::move(buffer)};
  }
  stream.expires_never();  // events may be hours apart
  for (;;) {
    const auto size =
        co_await asio::async_read_until(stream, asio::dynamic_buffer(buffer, kMaxEventBytes), '\n',
                                        asio::redirect_error(use_awaitable, ec));
    if (ec) co_return Reply{200, ""};
    const std::string line = buffer.substr(0, size - 1);
    buffer.erase(0, size);
    if (!line.starts_with("data: ")) continue;  // ids, keep-alive comments, blank lines
    const auto event = nlohmann::json::parse(line.substr(6), nullptr, false);
    if (event.is_object()) on_event(event);
  }
}

}  // namespace

Result<Reply> http_watch(const Endpoint& endpoint, const TransportOptions& options,
                         const nlohmann::json& params, const EventHandler& on_event) {
  std::string request = "GET " + endpoint.base_path + "/subscribe?" + query_string(params) +
                        " HTTP/1.1\r\nHost: " + endpoint.host + ":" + endpoint.port +
                        "\r\nUser-Agent: newsdex-cli\r\nAccept: text/event-stream\r\n"
                        "Connection: close\r\n";
  if (!options.api_key.empty()) request += "Authorization: Bearer " + options.api_key + "\r\n";
  return run_exchange(watch_exchange(endpoint, options.timeout, request + "\r\n", on_event),
                      endpoint.describe());
}

}  // namespace newsdex::client
