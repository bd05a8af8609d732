// The two concrete transports behind make_transport(); private to the client library.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <memory>
#include <string>
#include <string_view>

#include "transport.hpp"

namespace newsdex::client {

std::unique_ptr<Transport> make_http_transport(const Endpoint& endpoint, TransportOptions options);
std::unique_ptr<Transport> make_socket_transport(const Endpoint& endpoint,
                                                 TransportOptions options);

// newsdex watch over HTTP (http_watch.cpp).
Result<Reply> http_watch(const Endpoint& endpoint, const TransportOptions& options,
                         const nlohmann::json& params, const EventHandler& on_event);

// RFC 3986 percent-encoding of everything but unreserved characters, so an id such as
// "world/a.json#2" stays one path segment (and a value one query parameter).
std::string encode_segment(std::string_view text);

// Runs one exchange (a coroutine) to completion on a private io_context. A thrown error becomes
// Errc::io_error naming the server that could not be reached.
Result<Reply> run_exchange(boost::asio::awaitable<Reply> exchange, const std::string& server);

}  // namespace newsdex::client
