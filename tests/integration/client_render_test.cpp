// The client library without a server: endpoint resolution, request building, NDJSON statuses
// and terminal rendering (highlights, escaping, hostile control characters).
#include <gtest/gtest.h>

#include <map>

#include "endpoint.hpp"
#include "render.hpp"
#include "search_options.hpp"
#include "terminal_text.hpp"
#include "test_support.hpp"
#include "transport.hpp"

namespace newsdex::client {
namespace {

using nlohmann::json;

TEST(ClientText, HighlightsBecomeBoldOnlyWithColor) {
  const std::string html = "the <mark>budget</mark> for AT&amp;T &lt;b&gt; caf&#233; &#x2014; ok";
  EXPECT_EQ(highlighted_text(html, false), "the budget for AT&T <b> café — ok");
  EXPECT_EQ(highlighted_text(html, true), "the \x1b[1mbudget\x1b[22m for AT&T <b> café — ok");
}

TEST(ClientText, ControlCharactersCannotReachTheTerminal) {
  // ESC, BEL, a C1 CSI (U+009B) and newlines from a document become single spaces.
  const std::string hostile =
      "red\x1b]0;owned\x07 text\xc2\x9b"
      "2J\nnext  line";
  EXPECT_EQ(one_line(hostile), "red ]0;owned text 2J next line");
  EXPECT_EQ(highlighted_text("a&#27;[31mb", true), "a [31mb");  // an escaped ESC too
  EXPECT_EQ(one_line("Zürich — 東京"), "Zürich — 東京");        // text is left alone
}

TEST(ClientText, UnknownEntitiesStayAsWritten) {
  EXPECT_EQ(unescape_html("&bogus; & &#xZZ; &amp;"), "&bogus; & &#xZZ; &");
}

TEST(ClientRender, SearchHitsFacetsTotalsAndSuggestion) {
  const auto reply = json::parse(R"({
    "total": {"value": 42, "exact": false}, "took_ms": 3.26,
    "hits": [
      {"id": "a.txt", "path": "world/a.txt", "title": "Storm <b>", "title_highlighted":
       "<mark>Storm</mark> &lt;b&gt;", "date": "2022-03-14", "byline": "Lena Novak", "lang": "en",
       "snippet": "the <mark>storm</mark> damaged\ntwo piers"},
      {"id": "b.txt", "path": "b.txt", "title": "", "date": null, "byline": "", "lang": "",
       "snippet": ""}
    ],
    "facets": {"person": [{"value": "Ilham Aliyev", "count": 3}, {"value": "Lena", "count": 1}],
               "lang": [{"value": "en", "count": 40}], "year": []},
    "suggestion": "storm"})");
  const auto text = render_search(reply, 11, {.color = false});
  EXPECT_EQ(text,
            "11. Storm <b>\n"
            "   2022-03-14 · Lena Novak · en · world/a.txt\n"
            "   the storm damaged two piers\n\n"
            "12. b.txt\n"
            "   b.txt\n\n"
            "Facets\n"
            "  people: Ilham Aliyev (3), Lena (1)\n"
            "  languages: en (40)\n\n"
            "about 42 results, showing 11-12 (3.3 ms)\n"
            "Did you mean: storm?\n");
  const auto colored = render_search(reply, 1, {.color = true});
  EXPECT_NE(colored.find("1. \x1b[1mStorm\x1b[22m <b>"), std::string::npos) << colored;
  EXPECT_NE(colored.find("\x1b[2m2022-03-14"), std::string::npos) << colored;
}

TEST(ClientRender, ARelaxedQuerySaysWhatEachHitLacks) {
  const auto reply = json::parse(R"({"total": {"value": 1, "exact": true},
    "hits": [{"id": "a.txt", "path": "a.txt", "title": "Harbour budget", "missing": ["zeppelin"]}],
    "facets": {}, "suggestion": null,
    "relaxed": {"words": ["harbour", "budget", "zeppelin"], "required": 2}})");
  EXPECT_EQ(render_search(reply, 1, {.color = false}),
            "1. Harbour budget\n"
            "   a.txt\n"
            "   Missing: zeppelin\n\n"
            "1 result\n"
            "No document holds every word: showing those with at least 2 of 3.\n");
}

TEST(ClientRender, ResultsOfTheSuggestionSaySo) {
  const auto reply = json::parse(R"({"total": {"value": 0, "exact": true}, "hits": [],
    "facets": {}, "suggestion": "budget", "results_for": "budget"})");
  EXPECT_EQ(render_search(reply, 1, {}),
            "0 results\n"
            "Showing results for: budget (search instead for what you typed with --exact)\n");
}

TEST(ClientRender, ExactTotalsAndNoSuggestion) {
  const auto reply = json::parse(R"({"total": {"value": 1, "exact": true}, "took_ms": 1,
                                     "hits": [], "facets": {}, "suggestion": null})");
  EXPECT_EQ(render_search(reply, 1, {}), "1 result (1.0 ms)\n");
}

TEST(ClientRender, CollapsedHitsSayHowManyOtherVersionsMatch) {
  const auto reply = json::parse(R"({"total": {"value": 2, "exact": true}, "hits": [
    {"id": "a.txt", "title": "Ferry resumes", "path": "a.txt", "versions": 2},
    {"id": "b.txt", "title": "Tram approved", "path": "b.txt", "versions": 0},
    {"id": "c.txt", "title": "Port closed", "path": "c.txt", "versions": 1}]})");
  const auto text = render_search(reply, 1, {.color = false});
  EXPECT_NE(text.find("1. Ferry resumes (2 other versions)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("2. Tram approved\n"), std::string::npos) << text;
  EXPECT_NE(text.find("3. Port closed (1 other version)\n"), std::string::npos) << text;
}

TEST(ClientRender, VersionsShowEachOnesChangedWords) {
  const auto reply = json::parse(R"({"id": "b.txt", "group": "00ff", "total": 3, "truncated": true,
    "versions": [
      {"id": "c.txt", "path": "c.txt", "title": "Ferry\u001b[2J resumes", "date": "2024-06-03",
       "current": false, "diff_complete": false, "diff": [{"op": "-", "text": "all of it"},
       {"op": "+", "text": "a new story"}]},
      {"id": "b.txt", "path": "b.txt", "title": "Ferry resumes", "date": null, "current": true,
       "diff": [{"op": "=", "text": "The ferry"}, {"op": "-", "text": "stopped"},
       {"op": "+", "text": "resumed"}, {"op": "=", "text": "today."}]}]})");
  EXPECT_EQ(render_versions(reply, {.color = false}),
            "1. Ferry [2J resumes\n"
            "   2024-06-03 · c.txt\n"
            "   too many changes to mark word by word\n"
            "   - all of it\n"
            "   + a new story\n\n"
            "2. Ferry resumes (the one asked for)\n"
            "   b.txt\n"
            "   - stopped\n"
            "   + resumed\n\n"
            "3 versions, the newest 2 shown\n");
}

TEST(ClientRender, DocumentsKeepParagraphsButNotControls) {
  const auto doc = json::parse(R"({"id": "a.txt", "path": "a.txt", "title": "T & <i>",
    "date": "2020-01-02", "byline": "", "lang": "en", "size": 12,
    "entities": {"person": ["Ilham Aliyev"], "place": []},
    "body": "First \u001b[2J para.\n\nSecond para."})");
  const auto text = render_document(doc, {});
  EXPECT_TRUE(text.starts_with("T & <i>\n2020-01-02 · en · a.txt\n")) << text;
  EXPECT_NE(text.find("size: 12\n"), std::string::npos) << text;
  EXPECT_NE(text.find("person: Ilham Aliyev\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nFirst [2J para.\n\nSecond para.\n"), std::string::npos) << text;
}

TEST(ClientRender, FieldsAreIndentedKeyValueLines) {
  const auto stats = json::parse(R"({"documents": 5, "languages": {"en": 4, "ru": 1},
                                     "last_commit": null, "shards": ["a", "b"]})");
  EXPECT_EQ(render_fields(stats),
            "documents: 5\nlanguages:\n  en: 4\n  ru: 1\nlast_commit: -\nshards: a, b\n");
}

TEST(ClientRequest, OnlyGivenFieldsAreSent) {
  SearchOptions options;
  options.query = "budget";
  EXPECT_EQ(search_params(options), json({{"q", "budget"}}));

  options.persons = {"Ilham Aliyev", "Amina Rahman"};
  options.langs = {"en"};
  options.from = "2021-01-01";
  options.sort = "-date";
  options.page = 3;
  options.facets = true;
  const auto params = search_params(options);
  EXPECT_EQ(params["person"], json({"Ilham Aliyev", "Amina Rahman"}));
  EXPECT_EQ(params["lang"], json({"en"}));
  EXPECT_EQ(params["limit"], kDefaultPageSize);
  EXPECT_EQ(params["offset"], 2 * kDefaultPageSize);
  EXPECT_EQ(params["facets"].size(), 5u);
  EXPECT_FALSE(params.contains("to"));
  EXPECT_EQ(first_hit_number(options), 2 * kDefaultPageSize + 1);

  options.limit = 5;
  EXPECT_EQ(search_params(options)["offset"], 10);
  EXPECT_EQ(first_hit_number(options), 11u);
}

TEST(ClientEndpoint, ServerUrls) {
  auto http = parse_server_url("http://example.org:9200/newsdex/");
  ASSERT_TRUE(http.ok());
  EXPECT_EQ(http->host, "example.org");
  EXPECT_EQ(http->port, "9200");
  EXPECT_EQ(http->base_path, "/newsdex");
  EXPECT_EQ(http->describe(), "http://example.org:9200/newsdex");

  auto v6 = parse_server_url("http://[::1]:8080");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->describe(), "http://[::1]:8080");
  EXPECT_EQ(parse_server_url("http://localhost")->port, "80");

  auto unix_socket = parse_server_url("unix:///run/newsdex/searchd.sock");
  ASSERT_TRUE(unix_socket.ok());
  EXPECT_EQ(unix_socket->kind, Endpoint::Kind::unix_socket);
  EXPECT_EQ(unix_socket->socket, "/run/newsdex/searchd.sock");

  for (const char* bad : {"https://x", "ftp://x", "http://:80", "http://x:0", "http://x:99999",
                          "http://x:port", "unix:", "http://x/a?b", "localhost:8080"}) {
    auto parsed = parse_server_url(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().code, Errc::invalid_argument) << bad;
  }
}

TEST(ClientEndpoint, FlagsThenEnvironmentThenConfigThenDefault) {
  std::map<std::string, std::string> vars;
  GetEnv env = [&](const char* name) -> std::optional<std::string> {
    auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional(it->second);
  };
  EXPECT_EQ(resolve_endpoint({}, env)->describe(), "http://127.0.0.1:8080");

  testing::TempDir tmp;
  testing::write_file(tmp / "a.toml", "[server]\nlisten = \"0.0.0.0:9000\"\n");
  vars["NEWSDEX_CONFIG"] = (tmp / "a.toml").string();
  EXPECT_EQ(resolve_endpoint({}, env)->describe(), "http://127.0.0.1:9000");

  testing::write_file(tmp / "b.toml", "[server]\nlisten = \"[::]:9001\"\n");
  EndpointFlags flags;
  flags.config = (tmp / "b.toml").string();
  EXPECT_EQ(resolve_endpoint(flags, env)->describe(), "http://[::1]:9001");

  vars["NEWSDEX_SERVER"] = "http://10.0.0.1:7000";
  EXPECT_EQ(resolve_endpoint({}, env)->describe(), "http://10.0.0.1:7000");
  flags.server = "http://h:1";
  EXPECT_EQ(resolve_endpoint(flags, env)->describe(), "http://h:1");
  flags.socket = "/tmp/s.sock";
  EXPECT_EQ(resolve_endpoint(flags, env)->describe(), "/tmp/s.sock");

  vars.erase("NEWSDEX_SERVER");
  EndpointFlags missing_config;
  missing_config.config = (tmp / "none.toml").string();
  auto missing = resolve_endpoint(missing_config, env);
  ASSERT_FALSE(missing.ok());
}

TEST(ClientTransport, NdjsonRepliesCarryTheirStatus) {
  EXPECT_EQ(status_of_ndjson_reply(json::parse(R"({"hits": []})")), 200);
  EXPECT_EQ(status_of_ndjson_reply(json::parse(R"({"hits": [], "status": 200})")), 200);
  EXPECT_EQ(status_of_ndjson_reply(
                json::parse(R"({"error": {"code": "not_found", "message": "x"}, "status": 404})")),
            404);
  EXPECT_EQ(status_of_ndjson_reply(json::parse(R"({"error": {"code": "invalid_date"}})")), 500);
  EXPECT_EQ(status_of_ndjson_reply(json::parse(R"({"error": {"code": "bad_request"}})")), 400);
}

}  // namespace
}  // namespace newsdex::client
