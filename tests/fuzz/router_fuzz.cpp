// Fuzzes Router::handle, the one path every HTTP request takes, over a real searcher on the tiny
// index (so request parsing, the query builder, filters, facets and snippets all run). The input
// reads like an HTTP request, which keeps seeds writable by hand:
//   METHOD TARGET\n  then  Name: value\n  lines, an empty line, and the body.
// Promises checked: a status the API uses (never 500), a JSON body that parses wherever the
// content type says JSON, and the error object on every failure.
#include <string>

#include "fuzz_target.hpp"
#include "searchd_harness.hpp"

namespace {

using newsdex::searchd::Request;

// Splits off the text up to (not including) the next '\n'.
std::string_view next_line(std::string_view& text) {
  const std::size_t end = text.find('\n');
  const std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  return line;
}

Request parse_request(std::string_view text) {
  Request request;
  const std::string_view first = next_line(text);
  const std::size_t space = first.find(' ');
  request.method = std::string(first.substr(0, space));
  if (space != std::string_view::npos) request.target = std::string(first.substr(space + 1));
  for (std::string_view line; !text.empty() && !(line = next_line(text)).empty();) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name(line.substr(0, colon));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view value = line.substr(colon + 1);
    while (value.starts_with(' ')) value.remove_prefix(1);
    request.headers[name] = std::string(value);
  }
  request.body = std::string(text);
  return request;
}

void check_response(const newsdex::searchd::Response& response, std::string_view input) {
  const bool is_json = response.content_type.starts_with("application/json");
  const auto body =
      is_json ? nlohmann::json::parse(response.body, nullptr, false) : nlohmann::json::object();
  newsdex::fuzz::check(!body.is_discarded(), "a JSON response parses", response.body);
  if (is_json || response.status >= 400) newsdex::fuzz::check_answer(response.status, body, input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = newsdex::fuzz::as_text(data, size);
  auto& harness = newsdex::fuzz::searchd_harness();
  const Request request = parse_request(input);
  check_response(harness.open.handle(request), input);
  check_response(harness.keyed.handle(request), input);
  return 0;
}
