// The two concrete transports behind make_transport(); private to the client library.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <memory>
#include <string>

#include "transport.hpp"

namespace newsdex::client {

std::unique_ptr<Transport> make_http_transport(const Endpoint& endpoint, TransportOptions options);
std::unique_ptr<Transport> make_socket_transport(const Endpoint& endpoint,
                                                 TransportOptions options);

// Runs one exchange (a coroutine) to completion on a private io_context. A thrown error becomes
// Errc::io_error naming the server that could not be reached.
Result<Reply> run_exchange(boost::asio::awaitable<Reply> exchange, const std::string& server);

}  // namespace newsdex::client
