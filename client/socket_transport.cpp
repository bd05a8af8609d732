// NDJSON over a unix socket: the call as one JSON line with "op", the reply as one line.
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>

#include "transports.hpp"

namespace newsdex::client {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using asio::use_awaitable;
using Protocol = asio::local::stream_protocol;

constexpr std::size_t kMaxReplyBytes = 256u << 20;

// beast::basic_stream gives the socket the same whole-exchange deadline as the HTTP transport.
using Stream = beast::basic_stream<Protocol, asio::any_io_executor, beast::unlimited_rate_policy>;

asio::awaitable<Reply> exchange(std::filesystem::path socket, std::chrono::milliseconds timeout,
                                std::string line) {
  Stream stream(co_await asio::this_coro::executor);
  stream.expires_after(timeout);
  co_await stream.async_connect(Protocol::endpoint(socket.string()), use_awaitable);
  co_await asio::async_write(stream, asio::buffer(line), use_awaitable);

  std::string reply;
  auto size = co_await asio::async_read_until(stream, asio::dynamic_buffer(reply, kMaxReplyBytes),
                                              '\n', use_awaitable);
  reply.resize(size - 1);
  if (reply.ends_with('\r')) reply.pop_back();
  int status = 500;
  try {
    status = status_of_ndjson_reply(nlohmann::json::parse(reply));
  } catch (const nlohmann::json::exception&) {
    // Not JSON: report it as a server error, with the line as its body.
  }
  co_return Reply{status, std::move(reply)};
}

// A subscription: the reply to the subscribe line, then one event per line until the server
// closes the connection.
asio::awaitable<Reply> watch_exchange(std::filesystem::path socket,
                                      std::chrono::milliseconds timeout, std::string line,
                                      EventHandler on_event) {
  Stream stream(co_await asio::this_coro::executor);
  stream.expires_after(timeout);
  co_await stream.async_connect(Protocol::endpoint(socket.string()), use_awaitable);
  co_await asio::async_write(stream, asio::buffer(line), use_awaitable);
  std::string buffer;
  for (bool first = true;; first = false) {
    boost::system::error_code ec;
    const auto size =
        co_await asio::async_read_until(stream, asio::dynamic_buffer(buffer, kMaxReplyBytes), '\n',
                                        asio::redirect_error(use_awaitable, ec));
    if (ec) co_return Reply{200, ""};
    std::string text = buffer.substr(0, size - 1);
    buffer.erase(0, size);
    const auto event = nlohmann::json::parse(text, nullptr, false);
    if (!first) {
      if (event.is_object()) on_event(event);
      continue;
    }
    if (const int status = status_of_ndjson_reply(event); status != 200)
      co_return Reply{status, std::move(text)};
    stream.expires_never();  // events may be hours apart
    on_event({{"event", "subscribed"}, {"revision", event.value("revision", 0)}});
  }
}

class SocketTransport final : public Transport {
 public:
  SocketTransport(Endpoint endpoint, TransportOptions options)
      : endpoint_(std::move(endpoint)), options_(std::move(options)) {}

  Result<Reply> call(const Call& call) override {
    nlohmann::json request = call.params;
    request["op"] = call.op;
    if (!options_.api_key.empty()) request["api_key"] = options_.api_key;
    return run_exchange(exchange(endpoint_.socket, options_.timeout, request.dump() + "\n"),
                        endpoint_.describe());
  }

  Result<Reply> watch(const nlohmann::json& params, const EventHandler& on_event) override {
    nlohmann::json request = params;
    request["op"] = "subscribe";
    request["id"] = "watch";
    if (!options_.api_key.empty()) request["api_key"] = options_.api_key;
    return run_exchange(
        watch_exchange(endpoint_.socket, options_.timeout, request.dump() + "\n", on_event),
        endpoint_.describe());
  }

 private:
  Endpoint endpoint_;
  TransportOptions options_;
};

}  // namespace

std::unique_ptr<Transport> make_socket_transport(const Endpoint& endpoint,
                                                 TransportOptions options) {
  return std::make_unique<SocketTransport>(endpoint, std::move(options));
}

}  // namespace newsdex::client
