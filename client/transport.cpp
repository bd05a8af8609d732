#include "transport.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/system/system_error.hpp>

#include "transports.hpp"

namespace newsdex::client {

Result<Reply> run_exchange(boost::asio::awaitable<Reply> exchange, const std::string& server) {
  boost::asio::io_context io;
  Result<Reply> result = make_error(Errc::io_error, "no reply from " + server);
  boost::asio::co_spawn(io, std::move(exchange), [&](std::exception_ptr failure, Reply reply) {
    if (!failure) {
      result = std::move(reply);
      return;
    }
    try {
      std::rethrow_exception(failure);
    } catch (const boost::system::system_error& e) {
      result = make_error(Errc::io_error,
                          "cannot reach newsdex-searchd at " + server + ": " + e.code().message());
    } catch (const std::exception& e) {
      result = make_error(Errc::io_error, "exchange with " + server + " failed: " + e.what());
    }
  });
  io.run();
  return result;
}

std::unique_ptr<Transport> make_transport(const Endpoint& endpoint, TransportOptions options) {
  if (endpoint.kind == Endpoint::Kind::unix_socket)
    return make_socket_transport(endpoint, std::move(options));
  return make_http_transport(endpoint, std::move(options));
}

int status_of_ndjson_reply(const nlohmann::json& reply) {
  if (reply.is_object() && reply.contains("status") && reply["status"].is_number_integer())
    return reply["status"].get<int>();
  if (!reply.is_object() || !reply.contains("error")) return 200;
  const auto& error = reply["error"];
  if (error.contains("status") && error["status"].is_number_integer())
    return error["status"].get<int>();
  if (!error.contains("code")) return 500;
  const auto& code = error["code"];
  if (code.is_number_integer()) return code.get<int>();
  if (!code.is_string()) return 500;
  // Error codes by name, as HTTP would have sent them.
  static const std::pair<std::string_view, int> kStatuses[] = {
      {"bad_request", 400}, {"invalid_argument", 400},  {"invalid_request", 400},
      {"bad_query", 400},   {"query_syntax", 400},      {"unauthorized", 401},
      {"forbidden", 403},   {"not_found", 404},         {"method_not_allowed", 405},
      {"too_large", 413},   {"payload_too_large", 413}, {"unavailable", 503},
  };
  const auto name = code.get<std::string>();
  for (const auto& [known, status] : kStatuses)
    if (name == known) return status;
  return 500;
}

}  // namespace newsdex::client
