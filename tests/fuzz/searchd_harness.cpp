#include "searchd_harness.hpp"

#include <chrono>
#include <string>

#include "fuzz_target.hpp"
#include "searcher_pool.hpp"
#include "tiny_index.hpp"

namespace newsdex::fuzz {
namespace {

class Harness {
 public:
  Harness()
      : pool_({tiny_index().string()}, 1, metrics_, {}, std::chrono::milliseconds(1000)),
        open_(pool_, metrics_, {}),
        keyed_(pool_, metrics_, keyed_options()) {}
  SearchdHarness& view() { return view_; }

 private:
  static searchd::RouterOptions keyed_options() {
    searchd::RouterOptions options;
    options.api_keys = {"fuzz-key"};
    options.search_keys = {"fuzz-search-key"};
    options.cors_origins = {"*"};
    return options;
  }
  searchd::Metrics metrics_;
  searchd::SearcherPool pool_;
  searchd::Router open_;
  searchd::Router keyed_;
  SearchdHarness view_{open_, keyed_};
};

}  // namespace

SearchdHarness& searchd_harness() {
  static Harness harness;
  return harness.view();
}

void check_answer(int status, const nlohmann::json& body, std::string_view input) {
  const std::string context = "status " + std::to_string(status) + ", answer " +
                              body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
                              "\ninput: " + std::string(input.substr(0, 2000));
  check(status >= 200 && status < 600, "the status is an HTTP status", context);
  check(status != 500, "no request makes the server fail (500)", context);
  if (status < 400) return;
  check(body.is_object() && body.contains("error") && body["error"].is_object() &&
            body["error"].value("code", "") != "" && body["error"].value("message", "") != "",
        "every failure answers {\"error\": {\"code\", \"message\"}}", context);
}

}  // namespace newsdex::fuzz
