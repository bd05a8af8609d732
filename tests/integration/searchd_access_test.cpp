// Keys, request ids and what errors may say, through the router (no sockets): api_keys grant
// everything, search_keys only search, documents and health; the page loads without a key and
// carries the page key; internal details go to the log, never into a response.
#include <gtest/gtest.h>

#include "canned_backend.hpp"
#include "router.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

// Answers like a broken index would: with internal details that must not reach the client.
class LeakyBackend : public testing::CannedBackend {
 public:
  ApiResult<json> document(const std::string& id) override {
    if (id == "throws") throw std::runtime_error("/var/lib/newsdex/index/postlist.glass: EIO");
    return ApiError{500, "index_error", "the index could not be read",
                    "DatabaseCorruptError: /var/lib/newsdex/index/termlist.glass is damaged"};
  }
};

class AccessTest : public ::testing::Test {
 protected:
  LeakyBackend backend;
  Metrics metrics;
  RouterOptions options;
  Response call(const std::string& target, std::map<std::string, std::string> headers = {}) {
    Router router(backend, metrics, options);
    return router.handle({"GET", target, std::move(headers), ""});
  }
  static std::string header(const Response& response, const std::string& name) {
    for (const auto& [n, v] : response.headers)
      if (n == name) return v;
    return {};
  }
  static std::map<std::string, std::string> bearer(const std::string& key) {
    return {{"authorization", "Bearer " + key}};
  }
};

TEST_F(AccessTest, SearchKeysOnlySearch) {
  options.api_keys = {"admin-key"};
  options.search_keys = {"page-key"};
  EXPECT_EQ(call("/search?q=x", bearer("page-key")).status, 200);
  EXPECT_EQ(call("/health", bearer("page-key")).status, 200);
  EXPECT_EQ(call("/documents/a", bearer("page-key")).status, 500);  // reached the backend
  const Response stats = call("/stats", bearer("page-key"));
  EXPECT_EQ(stats.status, 403);
  EXPECT_EQ(json::parse(stats.body)["error"]["code"], "forbidden");
  EXPECT_EQ(call("/metrics", {{"x-api-key", "page-key"}}).status, 403);
  EXPECT_EQ(call("/stats", bearer("admin-key")).status, 200);
  EXPECT_EQ(call("/metrics", bearer("admin-key")).status, 200);
  // Prefixes, extensions and empty keys are no keys.
  for (const char* wrong : {"page-ke", "page-key2", "", "admin-key "})
    EXPECT_EQ(call("/search?q=x", bearer(wrong)).status, 401) << wrong;
}

// EventSource cannot set headers, so /subscribe (and only it) takes the key as ?api_key=.
TEST_F(AccessTest, SubscribeTakesTheKeyAsAParameter) {
  options.api_keys = {"admin-key"};
  options.search_keys = {"page-key"};
  // Past the key check: this router has no alert hub, so the handler answers 501.
  EXPECT_EQ(call("/subscribe?q=x&api_key=page-key").status, 501);
  EXPECT_EQ(call("/subscribe?api_key=admin-key&q=x").status, 501);
  EXPECT_EQ(call("/subscribe?q=x", bearer("page-key")).status, 501);
  for (const char* wrong : {"/subscribe?q=x", "/subscribe?q=x&api_key=nope",
                            "/subscribe?q=x&api_key=", "/subscribe?q=x&api_key=page-ke"}) {
    const Response refused = call(wrong);
    EXPECT_EQ(refused.status, 401) << wrong;
    EXPECT_EQ(header(refused, "WWW-Authenticate"), "Bearer") << wrong;
  }
  // A header, when there is one, is the key: a right parameter does not rescue a wrong header.
  EXPECT_EQ(call("/subscribe?q=x&api_key=page-key", bearer("nope")).status, 401);
  // Nowhere else: a key in a URL ends up in proxies' logs.
  EXPECT_EQ(call("/search?q=x&api_key=page-key").status, 401);
  EXPECT_EQ(call("/documents/a?api_key=page-key").status, 401);
}

TEST_F(AccessTest, NdjsonOverTcpHonoursSearchKeys) {
  options.api_keys = {"admin-key"};
  options.search_keys = {"page-key"};
  Router router(backend, metrics, options);
  auto status = [&](const std::string& line) {
    return json::parse(router.handle_line(line, true))["status"].get<int>();
  };
  EXPECT_EQ(status(R"({"q": "x", "api_key": "page-key"})"), 200);
  EXPECT_EQ(status(R"({"op": "stats", "api_key": "page-key"})"), 403);
  EXPECT_EQ(status(R"({"op": "stats", "api_key": "admin-key"})"), 200);
  EXPECT_EQ(status(R"({"op": "health", "api_key": "nope"})"), 401);
}

TEST_F(AccessTest, PageLoadsWithoutAKeyAndCarriesThePageKey) {
  options.api_keys = {"admin-key"};
  options.search_keys = {"page\"key"};
  const Response plain = call("/", {{"accept", "text/html"}});
  EXPECT_EQ(plain.status, 200);
  EXPECT_EQ(plain.body.find("newsdex-search-key"), std::string::npos);
  EXPECT_EQ(call("/assets/app.js").status, 200);

  options.page_key = "page\"key";
  const Response keyed = call("/", {{"accept", "text/html"}});
  EXPECT_EQ(keyed.status, 200);
  EXPECT_NE(keyed.body.find(R"(<meta name="newsdex-search-key" content="page&quot;key">)"),
            std::string::npos)
      << keyed.body.substr(0, 400);
  EXPECT_EQ(header(keyed, "Cache-Control"), "no-store");
  // The page's own script sends it.
  EXPECT_NE(call("/assets/app.js").body.find("newsdex-search-key"), std::string::npos);
}

TEST_F(AccessTest, EveryResponseHasARequestId) {
  const Response ok = call("/health");
  EXPECT_FALSE(header(ok, "X-Request-Id").empty());
  EXPECT_NE(header(ok, "X-Request-Id"), header(call("/health"), "X-Request-Id"));
  // A proxy's id is kept when it is safe to log; anything else is replaced.
  EXPECT_EQ(header(call("/health", {{"x-request-id", "edge-42.a_b"}}), "X-Request-Id"),
            "edge-42.a_b");
  EXPECT_NE(header(call("/health", {{"x-request-id", "a b\r\nX-Evil: 1"}}), "X-Request-Id"),
            "a b\r\nX-Evil: 1");
  const Response missing = call("/nowhere");
  EXPECT_EQ(json::parse(missing.body)["error"]["request_id"], header(missing, "X-Request-Id"));
}

TEST_F(AccessTest, InternalDetailsStayInTheLog) {
  for (const char* target : {"/documents/a", "/documents/throws"}) {
    const Response response = call(target);
    EXPECT_EQ(response.status, 500) << target;
    const json error = json::parse(response.body)["error"];
    EXPECT_EQ(error["request_id"], header(response, "X-Request-Id"));
    EXPECT_EQ(response.body.find("/var/lib"), std::string::npos) << response.body;
    EXPECT_EQ(response.body.find("glass"), std::string::npos) << response.body;
  }
  Router router(backend, metrics, options);
  const std::string line = router.handle_line(R"({"op": "document", "doc": "throws"})", false);
  EXPECT_EQ(line.find("/var/lib"), std::string::npos) << line;
  EXPECT_FALSE(json::parse(line)["error"]["request_id"].get<std::string>().empty());
}

}  // namespace
}  // namespace newsdex::searchd
