// Fuzzes Router::handle_line, the NDJSON socket's path: every line of the input is one request,
// answered once by the open router and once by the router that requires "api_key". Promises
// checked: each answer is one JSON object (no newline inside) with an HTTP "status" (never 500)
// and the error object on every failure.
#include <string>

#include "fuzz_target.hpp"
#include "searchd_harness.hpp"

namespace {

void check_line(const std::string& answer, std::string_view line) {
  newsdex::fuzz::check(answer.find('\n') == std::string::npos, "an answer is one line", answer);
  const auto body = nlohmann::json::parse(answer, nullptr, false);
  newsdex::fuzz::check(
      body.is_object() && body.contains("status") && body["status"].is_number_integer(),
      "an answer is a JSON object with a status", answer);
  newsdex::fuzz::check_answer(body["status"].get<int>(), body, line);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = newsdex::fuzz::as_text(data, size);
  auto& harness = newsdex::fuzz::searchd_harness();
  while (!input.empty()) {
    const std::size_t end = input.find('\n');
    const std::string_view line = input.substr(0, end);
    input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
    check_line(harness.open.handle_line(line, false), line);
    check_line(harness.keyed.handle_line(line, true), line);
  }
  return 0;
}
