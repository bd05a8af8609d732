// The route table and request validation as pure functions: no sockets, a fake backend.
#include <gtest/gtest.h>

#include "canned_backend.hpp"
#include "router.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

// Remembers every search; holds the one document a/b.txt.
class FakeBackend : public testing::CannedBackend {
 public:
  std::vector<SearchRequest> searches;
  ApiResult<json> search(const SearchRequest& request) override {
    searches.push_back(request);
    return CannedBackend::search(request);
  }
  ApiResult<json> document(const std::string& id) override {
    if (id == "a/b.txt") return json{{"id", id}, {"path", id}};
    return CannedBackend::document(id);
  }
};

class RouterTest : public ::testing::Test {
 protected:
  FakeBackend backend;
  Metrics metrics;
  RouterOptions options;
  Response call(std::string method, std::string target, std::string body = {},
                std::map<std::string, std::string> headers = {}) {
    Router router(backend, metrics, options);
    return router.handle(
        {std::move(method), std::move(target), std::move(headers), std::move(body)});
  }
  std::string error_code(const Response& response) {
    return json::parse(response.body)["error"]["code"].get<std::string>();
  }
};

TEST_F(RouterTest, RoutesEveryEndpoint) {
  EXPECT_EQ(call("GET", "/search?q=war").status, 200);
  EXPECT_EQ(call("POST", "/search", R"({"q": "war"})").status, 200);
  EXPECT_EQ(call("GET", "/documents/a%2Fb.txt").status, 200);
  EXPECT_EQ(call("GET", "/documents/a/b.txt").status, 200);
  EXPECT_EQ(call("GET", "/documents/missing").status, 404);
  EXPECT_EQ(call("GET", "/health").status, 200);
  EXPECT_EQ(json::parse(call("GET", "/stats").body)["documents"], 3);
  const Response metrics_page = call("GET", "/metrics");
  EXPECT_EQ(metrics_page.content_type.rfind("text/plain", 0), 0u);
  EXPECT_NE(metrics_page.body.find("newsdex_requests_total{endpoint=\"stats\",status=\"200\"} 1"),
            std::string::npos)
      << metrics_page.body;
  EXPECT_NE(metrics_page.body.find("newsdex_request_duration_seconds_bucket{le=\"+Inf\"}"),
            std::string::npos);
}

TEST_F(RouterTest, FieldsSelectHitPartsFromGetAndPostAlike) {
  call("GET", "/search?q=war&fields=title,snippet,id");
  call("POST", "/search", R"({"q": "war", "fields": ["title", "snippet"]})");
  call("POST", "/search", R"({"q": "war", "fields": "id"})");
  ASSERT_EQ(backend.searches.size(), 3u);
  EXPECT_EQ(backend.searches[0].fields, kHitTitle | kHitSnippet);
  EXPECT_EQ(backend.searches[1].fields, kHitTitle | kHitSnippet);
  EXPECT_EQ(backend.searches[2].fields, 0u);
}

TEST_F(RouterTest, SearchRequestIsParsedFromGetAndPostAlike) {
  call("GET",
       "/search?q=peace+talks&person=Ilham+Aliyev&person=Putin&facets=person,place:20&"
       "sort=-date&offset=5&limit=7&from=2020-09-27&to=2020-11&lang=ru&snippet=50");
  call("POST", "/search",
       R"({"q":"peace talks","person":["Ilham Aliyev","Putin"],"facets":{"person":10,"place":20},
           "sort":"-date","offset":5,"limit":7,"from":"2020-09-27","to":"2020-11","lang":"ru",
           "snippet":50})");
  ASSERT_EQ(backend.searches.size(), 2u);
  for (const SearchRequest& r : backend.searches) {
    EXPECT_EQ(r.q, "peace talks");
    EXPECT_EQ(r.person, (std::vector<std::string>{"Ilham Aliyev", "Putin"}));
    EXPECT_EQ(r.facets, (std::map<std::string, unsigned>{{"person", 10}, {"place", 20}}));
    EXPECT_EQ(r.sort, Sort::date_descending);
    EXPECT_EQ(r.offset, 5u);
    EXPECT_EQ(r.limit, 7u);
    EXPECT_EQ(r.from, "20200927");
    EXPECT_EQ(r.to, "20201130");
    EXPECT_EQ(r.lang, std::vector<std::string>{"ru"});
    EXPECT_EQ(r.fields, kAllHitFields);
    EXPECT_EQ(r.snippet, 50u);
  }
}

TEST_F(RouterTest, BadInputIsAClearJsonError) {
  struct Case {
    const char* method;
    const char* target;
    const char* body;
    int status;
    const char* code;
  };
  const Case cases[] = {
      {"POST", "/search", "{\"q\": ", 400, "invalid_json"},
      {"POST", "/search", "[1, 2]", 400, "invalid_request"},
      {"POST", "/search", R"({"q": 5})", 400, "invalid_field"},
      {"POST", "/search", R"({"q": "x", "colour": "red"})", 400, "unknown_field"},
      {"POST", "/search", R"({"from": "2020-02-30x"})", 400, "invalid_date"},
      {"POST", "/search", R"({"from": "2021", "to": "2020"})", 400, "invalid_date"},
      {"POST", "/search", R"({"offset": -1})", 400, "invalid_field"},
      {"POST", "/search", R"({"limit": 100000})", 400, "invalid_field"},
      {"POST", "/search", R"({"limit": 1.5})", 400, "invalid_field"},
      {"POST", "/search", R"({"offset": 9995, "limit": 10})", 400, "result_window_too_large"},
      {"POST", "/search", R"({"facets": {"colour": 3}})", 400, "invalid_field"},
      {"POST", "/search", R"({"sort": "size"})", 400, "invalid_field"},
      {"POST", "/search", "{\"q\": \"\xff\"}", 400, "invalid_utf8"},
      {"GET", "/search?q=%FF%FE", "", 400, "invalid_utf8"},
      {"GET", "/search?limit=ten", "", 400, "invalid_field"},
      {"GET", "/search?offset=-3", "", 400, "invalid_field"},
      {"GET", "/search?q=a&q=b", "", 400, "invalid_field"},
      {"GET", "/search?facets=person:x", "", 400, "invalid_field"},
      {"GET", "/search?unknown=1", "", 400, "unknown_field"},
      {"GET", "/search?fields=title,body", "", 400, "invalid_field"},
      {"POST", "/search", R"({"fields": ["title", 3]})", 400, "invalid_field"},
      {"GET", "/nothing", "", 404, "not_found"},
      {"DELETE", "/search", "", 405, "method_not_allowed"},
      {"POST", "/stats", "", 405, "method_not_allowed"},
      {"GET", "/documents/", "", 400, "invalid_id"},
      {"GET", "/documents/%zz", "", 400, "invalid_id"},
      {"GET", "/search?q=%zz", "", 400, "invalid_escape"},
      {"GET", "/search?q=war%4", "", 400, "invalid_escape"},
      {"GET", "/search?from=2020-02-31", "", 400, "invalid_date"},
      {"GET", "/search?from=2020-1-1", "", 400, "invalid_date"},
      {"GET", "/search?to=2019-02-29", "", 400, "invalid_date"},
      {"POST", "/search",
       R"({"q": "a", "x": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]})", 400,
       "too_deep"},
      // A number no double holds: the parser throws out_of_range, not a parse error (fuzz_ndjson).
      {"POST", "/search", R"({"limit": 8999999e999999999})", 400, "invalid_json"},
  };
  for (const Case& c : cases) {
    const Response response = call(c.method, c.target, c.body);
    EXPECT_EQ(response.status, c.status) << c.method << " " << c.target << " " << c.body;
    EXPECT_EQ(error_code(response), c.code) << c.method << " " << c.target << " " << c.body;
  }
  // 32 levels (the default limit) still parse; the unknown member is what is wrong then.
  const std::string at_limit = R"({"x": )" + std::string(31, '[') + std::string(31, ']') + "}";
  EXPECT_EQ(error_code(call("POST", "/search", at_limit)), "unknown_field");
  const Response long_query = call("GET", "/search?q=" + std::string(5000, 'a'));
  EXPECT_EQ(long_query.status, 400);
  EXPECT_EQ(error_code(long_query), "query_too_long");
  EXPECT_TRUE(backend.searches.empty());
}

TEST_F(RouterTest, WrongMethodNamesTheAllowedOnes) {
  const Response response = call("PUT", "/health");
  EXPECT_EQ(response.status, 405);
  ASSERT_FALSE(response.headers.empty());
  EXPECT_EQ(response.headers.front().first, "Allow");
  EXPECT_EQ(response.headers.front().second, "GET, OPTIONS");
}

TEST_F(RouterTest, ApiKeysAreCheckedOnEveryRequest) {
  options.api_keys = {"s3cret"};
  EXPECT_EQ(call("GET", "/health").status, 401);
  EXPECT_EQ(call("GET", "/search?q=x", "", {{"authorization", "Bearer wrong"}}).status, 401);
  EXPECT_EQ(call("GET", "/search?q=x", "", {{"authorization", "Bearer s3cret"}}).status, 200);
  EXPECT_EQ(call("GET", "/stats", "", {{"x-api-key", "s3cret"}}).status, 200);
}

TEST_F(RouterTest, CorsForConfiguredOriginsOnly) {
  options.cors_origins = {"https://desk.example"};
  const Response preflight = call("OPTIONS", "/search", "", {{"origin", "https://desk.example"}});
  EXPECT_EQ(preflight.status, 204);
  auto has = [](const Response& r, const std::string& name, const std::string& value) {
    return std::ranges::find(r.headers, std::pair<std::string, std::string>{name, value}) !=
           r.headers.end();
  };
  EXPECT_TRUE(has(preflight, "Access-Control-Allow-Origin", "https://desk.example"));
  EXPECT_TRUE(has(preflight, "Access-Control-Allow-Methods", "GET, POST, OPTIONS"));
  const Response other = call("GET", "/health", "", {{"origin", "https://evil.example"}});
  EXPECT_FALSE(std::ranges::any_of(
      other.headers, [](auto& h) { return h.first == "Access-Control-Allow-Origin"; }));
}

TEST_F(RouterTest, NdjsonEchoesIdAndDispatchesOps) {
  Router router(backend, metrics, options);
  json search = json::parse(router.handle_line(R"({"id": 42, "q": "war", "limit": 3})", false));
  EXPECT_EQ(search["id"], 42);
  EXPECT_EQ(search["status"], 200);
  EXPECT_TRUE(search.contains("hits"));
  ASSERT_EQ(backend.searches.size(), 1u);
  EXPECT_EQ(backend.searches[0].limit, 3u);

  json doc =
      json::parse(router.handle_line(R"({"id": "d", "op": "document", "doc": "a/b.txt"})", false));
  EXPECT_EQ(doc["id"], "d");  // the request's id is echoed; the document is named by its path
  EXPECT_EQ(doc["path"], "a/b.txt");
  json stats = json::parse(router.handle_line(R"({"op": "stats", "id": [1]})", false));
  EXPECT_EQ(stats["documents"], 3);
  EXPECT_EQ(stats["id"], json::array({1}));
  json bad = json::parse(router.handle_line("{oops", false));
  EXPECT_EQ(bad["status"], 400);
  EXPECT_EQ(bad["error"]["code"], "invalid_json");
  json deep = json::parse(router.handle_line(
      R"({"id": 7, "q": "a", "x": )" + std::string(100000, '[') + std::string(100000, ']') + "}",
      false));
  EXPECT_EQ(deep["status"], 400);
  EXPECT_EQ(deep["error"]["code"], "too_deep");
  json unknown = json::parse(router.handle_line(R"({"op": "drop", "id": 1})", false));
  EXPECT_EQ(unknown["error"]["code"], "unknown_op");
  EXPECT_EQ(unknown["id"], 1);

  options.api_keys = {"k"};
  Router keyed(backend, metrics, options);
  EXPECT_EQ(json::parse(keyed.handle_line(R"({"op": "health"})", true))["status"], 401);
  EXPECT_EQ(json::parse(keyed.handle_line(R"({"op": "health", "api_key": "k"})", true))["status"],
            200);
}

}  // namespace
}  // namespace newsdex::searchd
