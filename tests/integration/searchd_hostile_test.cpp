// Hostile requests against the real server (HTTP and the NDJSON socket): each is refused with a
// 400 and a clear code, and the server keeps serving afterwards.
#include <gtest/gtest.h>

#include "searchd_support.hpp"

namespace newsdex::testing {
namespace {

using nlohmann::json;

// {"q":"a","x":[[[[...]]]]}: about 400 KB, well under the 1 MiB body limit.
std::string deeply_nested(std::size_t depth) {
  return R"({"q":"a","x":)" + std::string(depth, '[') + std::string(depth, ']') + "}";
}

class SearchdHostile : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(dir_ / "docs" / "a.json",
               json{{"title", "Harbour news"},
                    {"lang", "en"},
                    {"date", "2021-05-04"},
                    {"body", "The harbour opened again today after repairs."}}
                   .dump());
    index_documents(dir_ / "docs", dir_ / "index");
    Config config = config_in(dir_.path());
    config.server.socket = (dir_ / "s.sock").string();
    server_ = std::make_unique<RunningServer>(config);
  }
  void expect_still_serving() {
    const HttpReply reply = http(server_->port(), "GET", "/search?q=harbour");
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json()["total"]["value"], 1);
  }
  TempDir dir_;
  std::unique_ptr<RunningServer> server_;
};

TEST_F(SearchdHostile, DeeplyNestedJsonBodyIsRefusedNotACrash) {
  const HttpReply reply = http(server_->port(), "POST", "/search", deeply_nested(200000));
  EXPECT_EQ(reply.status, 400) << reply.body.substr(0, 300);
  EXPECT_EQ(reply.json()["error"]["code"], "too_deep");
  expect_still_serving();
}

TEST_F(SearchdHostile, DeeplyNestedNdjsonLineIsRefusedNotACrash) {
  const auto replies = ndjson(dir_ / "s.sock", {deeply_nested(200000), R"({"q":"harbour"})"});
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0]["status"], 400);
  EXPECT_EQ(replies[0]["error"]["code"], "too_deep");
  EXPECT_EQ(replies[1]["status"], 200);
  expect_still_serving();
}

TEST_F(SearchdHostile, BrokenEscapesAndImpossibleDatesAreRefused) {
  struct Case {
    const char* target;
    const char* code;
  };
  const Case cases[] = {
      {"/search?q=%zz", "invalid_escape"},       {"/search?q=water%2", "invalid_escape"},
      {"/search?q%G1=x", "invalid_escape"},      {"/search?from=2020-02-31", "invalid_date"},
      {"/search?from=2020-1-1", "invalid_date"}, {"/search?to=2021-13", "invalid_date"},
      {"/search?to=20211", "invalid_date"},
  };
  for (const Case& c : cases) {
    const HttpReply reply = http(server_->port(), "GET", c.target);
    EXPECT_EQ(reply.status, 400) << c.target << " " << reply.body;
    EXPECT_EQ(reply.json()["error"]["code"], c.code) << c.target << " " << reply.body;
  }
  const HttpReply leap = http(server_->port(), "GET", "/search?q=harbour&from=2020-02-29");
  EXPECT_EQ(leap.status, 200) << leap.body;
  expect_still_serving();
}

}  // namespace
}  // namespace newsdex::testing
