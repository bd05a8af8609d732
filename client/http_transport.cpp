// HTTP/1.1 with Boost.Beast: one connection per call (the CLI makes one call per run).
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "gzip.hpp"
#include "transports.hpp"

namespace newsdex::client {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::use_awaitable;

constexpr std::uint64_t kMaxReplyBytes = 256ull << 20;  // a document's full text can be large

}  // namespace

std::string encode_segment(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

namespace {

http::request<http::string_body> make_request(const Endpoint& endpoint,
                                              const TransportOptions& options, const Call& call) {
  http::request<http::string_body> request;
  request.version(11);
  request.set(http::field::host,
              endpoint.port == "80" ? endpoint.host : endpoint.host + ":" + endpoint.port);
  request.set(http::field::user_agent, "newsdex-cli");
  request.set(http::field::accept, "application/json");
  request.set(http::field::accept_encoding, "gzip");
  request.set(http::field::connection, "close");
  if (!options.api_key.empty())
    request.set(http::field::authorization, "Bearer " + options.api_key);
  if (call.op == "search") {
    request.method(http::verb::post);
    request.target(endpoint.base_path + "/search");
    request.set(http::field::content_type, "application/json");
    request.body() = call.params.dump();
  } else if (call.op == "document" || call.op == "similar" || call.op == "related" ||
             call.op == "versions") {
    request.method(http::verb::get);
    std::string target = endpoint.base_path + "/documents/" +
                         encode_segment(call.params.value("doc", std::string()));
    if (call.op != "document") target += "/" + call.op;
    if (call.params.contains("limit")) target += "?limit=" + call.params["limit"].dump();
    request.target(target);
  } else {
    request.method(http::verb::get);
    request.target(endpoint.base_path + "/" + call.op);
  }
  request.prepare_payload();
  return request;
}

asio::awaitable<Reply> exchange(Endpoint endpoint, std::chrono::milliseconds timeout,
                                http::request<http::string_body> request) {
  auto executor = co_await asio::this_coro::executor;
  asio::ip::tcp::resolver resolver(executor);
  beast::tcp_stream stream(executor);
  stream.expires_after(timeout);  // one deadline for the whole exchange
  auto addresses = co_await resolver.async_resolve(endpoint.host, endpoint.port, use_awaitable);
  co_await stream.async_connect(addresses, use_awaitable);
  co_await http::async_write(stream, request, use_awaitable);

  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(kMaxReplyBytes);
  co_await http::async_read(stream, buffer, parser, use_awaitable);
  beast::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  auto response = parser.release();
  std::string body = std::move(response.body());
  if (beast::iequals(response[http::field::content_encoding], "gzip")) {
    auto plain = gunzip(body, kMaxReplyBytes);
    if (!plain) throw std::runtime_error("the server's gzip reply is not a valid gzip stream");
    body = std::move(*plain);
  }
  co_return Reply{static_cast<int>(response.result_int()), std::move(body)};
}

class HttpTransport final : public Transport {
 public:
  HttpTransport(Endpoint endpoint, TransportOptions options)
      : endpoint_(std::move(endpoint)), options_(std::move(options)) {}

  Result<Reply> call(const Call& call) override {
    return run_exchange(
        exchange(endpoint_, options_.timeout, make_request(endpoint_, options_, call)),
        endpoint_.describe());
  }

  Result<Reply> watch(const nlohmann::json& params, const EventHandler& on_event) override {
    return http_watch(endpoint_, options_, params, on_event);
  }

 private:
  Endpoint endpoint_;
  TransportOptions options_;
};

}  // namespace

std::unique_ptr<Transport> make_http_transport(const Endpoint& endpoint, TransportOptions options) {
  return std::make_unique<HttpTransport>(endpoint, std::move(options));
}

}  // namespace newsdex::client
