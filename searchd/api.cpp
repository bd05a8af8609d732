#include "api.hpp"

namespace newsdex::searchd {

std::string Request::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

nlohmann::json error_json(const ApiError& error) {
  return {{"error", {{"code", error.code}, {"message", error.message}}}};
}

Response error_response(const ApiError& error) {
  return json_response(error_json(error), error.status);
}

Response json_response(const nlohmann::json& body, int status) {
  Response response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

}  // namespace newsdex::searchd
