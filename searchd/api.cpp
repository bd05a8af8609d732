#include "api.hpp"

namespace newsdex::searchd {

std::string Request::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

ApiError overloaded() {
  return ApiError{503, "overloaded", "the server is busy; try again shortly", "", 1};
}

nlohmann::json error_json(const ApiError& error, const std::string& request_id) {
  nlohmann::json body = {{"code", error.code}, {"message", error.message}};
  if (!request_id.empty()) body["request_id"] = request_id;
  if (error.retry_after_s) body["retry_after"] = error.retry_after_s;
  return {{"error", std::move(body)}};
}

Response error_response(const ApiError& error, const std::string& request_id) {
  Response response = json_response(error_json(error, request_id), error.status);
  if (error.retry_after_s)
    response.headers.emplace_back("Retry-After", std::to_string(error.retry_after_s));
  return response;
}

Response json_response(const nlohmann::json& body, int status) {
  Response response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

}  // namespace newsdex::searchd
