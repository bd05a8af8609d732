#include "server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <filesystem>
#include <list>
#include <optional>
#include <thread>

namespace newsdex::searchd {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
using local_stream = asio::local::stream_protocol;
using error_code = boost::system::error_code;

std::optional<tcp::endpoint> parse_endpoint(const std::string& host_port) {
  const std::size_t colon = host_port.rfind(':');
  if (colon == std::string::npos) return std::nullopt;
  std::string host = host_port.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host == "localhost") host = "127.0.0.1";
  error_code ec;
  const auto address = asio::ip::make_address(host.empty() ? "0.0.0.0" : host, ec);
  if (ec) return std::nullopt;
  unsigned port = 0;
  try {
    std::size_t used = 0;
    port = static_cast<unsigned>(std::stoul(host_port.substr(colon + 1), &used));
    if (used != host_port.size() - colon - 1 || port > 65535) return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return tcp::endpoint(address, static_cast<unsigned short>(port));
}

Request to_request(http::request<http::string_body>& message) {
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers[name] = std::string(field.value());
  }
  request.body = std::move(message.body());
  return request;
}

http::response<http::string_body> to_message(const Response& response, unsigned version,
                                             bool keep_alive) {
  http::response<http::string_body> message;
  message.version(version);
  message.result(static_cast<unsigned>(response.status));
  message.set(http::field::server, "newsdex-searchd");
  if (!response.content_type.empty()) message.set(http::field::content_type, response.content_type);
  // insert, not set: a response may vary on several headers ("Vary: Origin", "Vary:
  // Accept-Encoding").
  for (const auto& [name, value] : response.headers) message.insert(name, value);
  message.body() = response.body;
  message.keep_alive(keep_alive);
  message.prepare_payload();
  return message;
}

}  // namespace

// Replies an NDJSON connection may have waiting to be written before its next line is read.
constexpr std::size_t kMaxUnsentReplies = 16;

struct Server::Impl {
  Router& router;
  Metrics& metrics;
  ServerOptions options;
  asio::io_context io;
  asio::thread_pool workers;
  std::optional<tcp::acceptor> http_acceptor;
  std::optional<tcp::acceptor> tcp_acceptor;
  std::optional<local_stream::acceptor> unix_acceptor;
  asio::signal_set signals{io};
  bool stopping = false;
  unsigned short http_port = 0;  // as bound, kept for readers on other threads
  unsigned short tcp_port = 0;

  // Open connections, so that stopping can close the idle ones. Touched only on the I/O thread.
  struct Connection {
    std::function<void()> close;
    bool idle = true;
  };
  std::list<Connection> connections;

  // Registers a connection for its lifetime and counts it against the limit.
  class Guard {
   public:
    Guard(Impl& impl, std::function<void()> close) : impl_(impl) {
      it_ = impl_.connections.insert(impl_.connections.end(), {std::move(close), true});
      impl_.metrics.connection_opened();
    }
    ~Guard() {
      impl_.connections.erase(it_);
      impl_.metrics.connection_closed();
    }
    void idle(bool idle) { it_->idle = idle; }
    void on_close(std::function<void()> close) { it_->close = std::move(close); }
    bool over_limit() const { return impl_.connections.size() > impl_.options.max_connections; }

   private:
    Impl& impl_;
    std::list<Connection>::iterator it_;
  };

  Impl(Router& r, Metrics& m, ServerOptions o)
      : router(r),
        metrics(m),
        options(std::move(o)),
        workers(options.threads ? options.threads
                                : std::max(1u, std::thread::hardware_concurrency())) {}

  // Runs fn on the worker pool and resumes on the I/O thread with its result.
  template <class T, class Fn>
  awaitable<T> on_worker(Fn fn) {
    co_return co_await asio::co_spawn(
        workers, [fn = std::move(fn)]() -> awaitable<T> { co_return fn(); }, use_awaitable);
  }

  awaitable<void> write_http(beast::tcp_stream& stream, const Response& response, unsigned version,
                             bool keep_alive, error_code& ec) {
    auto message = to_message(response, version, keep_alive);
    stream.expires_after(options.idle_timeout);
    co_await http::async_write(stream, message, asio::redirect_error(use_awaitable, ec));
  }

  // An error answered by the transport itself (before the router saw a request).
  Response transport_error(int status, std::string code, std::string message) {
    metrics.record("transport", status, 0);
    metrics.record_error(code);
    return error_response({status, std::move(code), std::move(message)});
  }

  awaitable<void> http_session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    Guard guard(*this, [&stream] { stream.socket().cancel(); });
    error_code ec;
    if (guard.over_limit()) {
      metrics.connection_rejected();
      co_await write_http(stream,
                          transport_error(503, "too_many_connections", "connection limit reached"),
                          11, false, ec);
      stream.socket().shutdown(tcp::socket::shutdown_send, ec);
      co_return;
    }
    beast::flat_buffer buffer;
    while (!stopping) {
      if (buffer.size() == 0) {  // wait for the next request, up to the idle timeout
        guard.idle(true);
        stream.expires_after(options.idle_timeout);
        const std::size_t n = co_await stream.async_read_some(
            buffer.prepare(8192), asio::redirect_error(use_awaitable, ec));
        guard.idle(false);
        if (ec) break;
        buffer.commit(n);
      }
      http::request_parser<http::string_body> parser;
      parser.header_limit(16 * 1024);
      parser.body_limit(options.max_body_bytes);
      stream.expires_after(options.header_timeout);  // slow clients cannot hold a connection
      co_await http::async_read(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
      if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted) break;
      if (ec) {
        Response error =
            ec == http::error::body_limit
                ? transport_error(413, "body_too_large",
                                  "the request body is over " +
                                      std::to_string(options.max_body_bytes) + " bytes")
            : ec == http::error::header_limit
                ? transport_error(431, "headers_too_large", "the request headers are too large")
            : ec == beast::error::timeout
                ? transport_error(408, "timeout", "the request was not received in time")
                : transport_error(400, "bad_http", "malformed HTTP request: " + ec.message());
        error_code ignored;
        co_await write_http(stream, error, 11, false, ignored);
        break;
      }
      auto& message = parser.get();
      const unsigned version = message.version();
      const bool keep_alive = message.keep_alive();
      Request request = to_request(message);
      const auto received = Router::Clock::now();
      Response response = co_await on_worker<Response>(
          [this, &request, received] { return router.handle(request, received); });
      if (response.events) {
        co_await stream_events(stream, guard, response);
        break;
      }
      co_await write_http(stream, response, version, keep_alive && !stopping, ec);
      if (ec || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  // Wakes a session's coroutine on the I/O thread whenever its channel gets events.
  std::shared_ptr<asio::steady_timer> waker(EventChannel& channel) {
    auto wake = std::make_shared<asio::steady_timer>(io);
    channel.on_push([this, wake] { asio::post(io, [wake] { wake->cancel(); }); });
    return wake;
  }

  // Server-Sent Events until the client goes, the server stops or the channel closes: each event
  // as `data:`, a commit's last one with its number as `id:`, and a comment every heartbeat so
  // that proxies keep the connection and a vanished client is noticed.
  awaitable<void> stream_events(beast::tcp_stream& stream, Guard& guard, const Response& response) {
    const auto channel = response.events;
    const auto wake = waker(*channel);
    guard.on_close([&stream, wake] {
      stream.socket().cancel();
      wake->cancel();
    });
    std::string out =
        "HTTP/1.1 200 OK\r\nServer: newsdex-searchd\r\nContent-Type: " + response.content_type +
        "\r\nConnection: close\r\n";
    for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
    out += "\r\n";
    error_code ec;
    while (!stopping) {
      for (const AlertEvent& event : channel->take()) {
        out += "data: " + event.text + "\n";
        if (event.resume_after) out += "id: " + std::to_string(*event.resume_after) + "\n";
        out += "\n";
      }
      if (out.empty()) {
        guard.idle(true);
        wake->expires_after(options.heartbeat);
        co_await wake->async_wait(asio::redirect_error(use_awaitable, ec));
        guard.idle(false);
        if (ec) continue;  // woken: events arrived, or the server stops
        out = ": keep-alive\n\n";
      }
      stream.expires_after(options.idle_timeout);
      co_await asio::async_write(stream, asio::buffer(out),
                                 asio::redirect_error(use_awaitable, ec));
      if (ec) break;
      out.clear();
    }
    channel->close();
  }

  // An NDJSON connection's writer: replies and subscription events, in the order they were
  // queued, until the reader is done and everything queued is sent (or the peer is gone).
  template <class Stream>
  awaitable<void> ndjson_writer(std::shared_ptr<Stream> stream,
                                std::shared_ptr<EventChannel> channel,
                                std::shared_ptr<asio::steady_timer> wake,
                                std::shared_ptr<asio::steady_timer> drained,
                                std::shared_ptr<bool> reading) {
    error_code ec;
    for (;; drained->cancel()) {
      std::string out;
      for (const AlertEvent& event : channel->take()) out += event.text + '\n';
      if (out.empty()) {
        if (!*reading) break;
        wake->expires_after(std::chrono::hours(24));
        co_await wake->async_wait(asio::redirect_error(use_awaitable, ec));
        continue;
      }
      stream->expires_after(options.idle_timeout);
      co_await asio::async_write(*stream, asio::buffer(out),
                                 asio::redirect_error(use_awaitable, ec));
      if (ec) {
        stream->socket().cancel(ec);  // the reader stops too
        break;
      }
    }
    channel->close();
    drained->cancel();
  }

  template <class Socket>
  awaitable<void> ndjson_session(Socket socket, bool require_key) {
    using Stream = beast::basic_stream<typename Socket::protocol_type>;
    const auto stream = std::make_shared<Stream>(std::move(socket));
    Guard guard(*this, [stream] { stream->socket().cancel(); });
    error_code ec;
    if (guard.over_limit()) {
      metrics.connection_rejected();
      const std::string line =
          error_json({503, "too_many_connections", "connection limit reached"}).dump() + "\n";
      stream->expires_after(options.idle_timeout);
      co_await asio::async_write(*stream, asio::buffer(line),
                                 asio::redirect_error(use_awaitable, ec));
      co_return;
    }
    const auto channel = std::make_shared<EventChannel>(options.max_queued_events);
    const auto wake = waker(*channel);
    const auto reading = std::make_shared<bool>(true);
    const auto drained = std::make_shared<asio::steady_timer>(io);
    asio::co_spawn(io, ndjson_writer(stream, channel, wake, drained, reading), asio::detached);
    auto reply = [&channel](std::string line) {
      channel->push({{std::move(line), std::nullopt}}, true);
    };
    std::string buffer;
    while (!stopping) {
      // A client that sends requests without reading the replies is not read further until it
      // catches up, as when each reply was written before the next line was read.
      while (channel->size() >= kMaxUnsentReplies && !channel->closed()) {
        drained->expires_after(std::chrono::hours(24));
        co_await drained->async_wait(asio::redirect_error(use_awaitable, ec));
      }
      if (channel->closed()) break;
      guard.idle(buffer.find('\n') == std::string::npos);
      // A connection holding subscriptions may stay silent as long as it likes.
      stream->expires_after(!buffer.empty()       ? options.header_timeout
                            : channel->has_held() ? std::chrono::hours(24 * 365)
                                                  : options.idle_timeout);
      const std::size_t n = co_await asio::async_read_until(
          *stream, asio::dynamic_buffer(buffer, options.max_body_bytes + 1), '\n',
          asio::redirect_error(use_awaitable, ec));
      guard.idle(false);
      if (ec == asio::error::not_found) {  // a line over the limit
        reply(error_json(
                  {413, "line_too_large",
                   "a request line is over " + std::to_string(options.max_body_bytes) + " bytes"})
                  .dump());
        break;
      }
      if (ec) break;
      std::string line = buffer.substr(0, n - 1);
      buffer.erase(0, n);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      const auto received = Router::Clock::now();
      reply(co_await on_worker<std::string>([this, &line, require_key, received, &channel] {
        return router.handle_line(line, require_key, received, channel);
      }));
    }
    *reading = false;
    wake->cancel();
  }

  template <class Acceptor, class Session>
  awaitable<void> accept_loop(Acceptor& acceptor, Session session) {
    asio::steady_timer backoff(io);
    for (;;) {
      error_code ec;
      auto socket = co_await acceptor.async_accept(asio::redirect_error(use_awaitable, ec));
      if (stopping) co_return;
      if (ec) {
        // Out of file descriptors and the like: wait a moment instead of spinning.
        spdlog::warn("accept failed: {}", ec.message());
        backoff.expires_after(std::chrono::milliseconds(50));
        co_await backoff.async_wait(asio::redirect_error(use_awaitable, ec));
        continue;
      }
      asio::co_spawn(io, session(std::move(socket)), asio::detached);
    }
  }

  void begin_stop() {
    if (stopping) return;
    stopping = true;
    spdlog::info("stopping: draining {} connection(s)", connections.size());
    error_code ec;
    if (http_acceptor) http_acceptor->close(ec);
    if (tcp_acceptor) tcp_acceptor->close(ec);
    if (unix_acceptor) unix_acceptor->close(ec);
    signals.cancel(ec);
    for (auto& connection : connections)
      if (connection.idle) connection.close();
  }

  template <class Acceptor, class Endpoint>
  Status listen(std::optional<Acceptor>& acceptor, const Endpoint& endpoint,
                const std::string& what) {
    error_code ec;
    acceptor.emplace(io);
    acceptor->open(endpoint.protocol(), ec);
    if (!ec && std::is_same_v<Acceptor, tcp::acceptor>)
      acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor->bind(endpoint, ec);
    if (!ec) acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      acceptor.reset();
      return make_error(Errc::io_error, "cannot listen on " + what + ": " + ec.message());
    }
    return Ok{};
  }

  // Listens on a "host:port" setting (what names it in errors; "" = not at all) and keeps the
  // port as bound.
  Status listen_tcp(std::optional<tcp::acceptor>& acceptor, const std::string& host_port,
                    const std::string& what, unsigned short& bound_port) {
    if (host_port.empty()) return Ok{};
    auto endpoint = parse_endpoint(host_port);
    if (!endpoint)
      return make_error(Errc::invalid_argument, "bad " + what + " '" + host_port + "' (host:port)");
    if (auto status = listen(acceptor, *endpoint, host_port); !status) return status;
    bound_port = acceptor->local_endpoint().port();
    return Ok{};
  }
};

Server::Server(Router& router, Metrics& metrics, ServerOptions options)
    : impl_(std::make_unique<Impl>(router, metrics, std::move(options))) {}

Server::~Server() {
  if (impl_->unix_acceptor || !impl_->options.socket_path.empty()) {
    std::error_code ec;
    if (!impl_->options.socket_path.empty() &&
        std::filesystem::is_socket(impl_->options.socket_path, ec))
      std::filesystem::remove(impl_->options.socket_path, ec);
  }
  impl_->workers.join();
}

Status Server::start() {
  Impl& impl = *impl_;
  if (auto status = impl.listen_tcp(impl.http_acceptor, impl.options.listen, "listen address",
                                    impl.http_port);
      !status)
    return status;
  if (auto status = impl.listen_tcp(impl.tcp_acceptor, impl.options.tcp_listen,
                                    "NDJSON TCP address", impl.tcp_port);
      !status)
    return status;
  if (!impl.options.socket_path.empty()) {
    const std::filesystem::path path = impl.options.socket_path;
    std::error_code fs_ec;
    if (std::filesystem::is_socket(path, fs_ec)) std::filesystem::remove(path, fs_ec);  // stale
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), fs_ec);
    if (auto status =
            impl.listen(impl.unix_acceptor, local_stream::endpoint(path.string()), path.string());
        !status)
      return status;
    std::filesystem::permissions(path, std::filesystem::perms(0660), fs_ec);
  }
  return Ok{};
}

void Server::run(bool handle_signals) {
  Impl& impl = *impl_;
  if (handle_signals) {
    impl.signals.add(SIGTERM);
    impl.signals.add(SIGINT);
    impl.signals.async_wait([&impl](const error_code& ec, int) {
      if (!ec) impl.begin_stop();
    });
  }
  if (impl.http_acceptor)
    asio::co_spawn(
        impl.io,
        impl.accept_loop(*impl.http_acceptor,
                         [&impl](tcp::socket s) { return impl.http_session(std::move(s)); }),
        asio::detached);
  if (impl.tcp_acceptor)
    asio::co_spawn(impl.io,
                   impl.accept_loop(
                       *impl.tcp_acceptor,
                       [&impl](tcp::socket s) { return impl.ndjson_session(std::move(s), true); }),
                   asio::detached);
  if (impl.unix_acceptor)
    asio::co_spawn(impl.io,
                   impl.accept_loop(*impl.unix_acceptor,
                                    [&impl](local_stream::socket s) {
                                      return impl.ndjson_session(std::move(s), false);
                                    }),
                   asio::detached);
  impl.io.run();
}

void Server::stop() {
  asio::post(impl_->io, [impl = impl_.get()] { impl->begin_stop(); });
}

unsigned short Server::http_port() const {
  return impl_->http_port;
}

unsigned short Server::tcp_port() const {
  return impl_->tcp_port;
}

}  // namespace newsdex::searchd
