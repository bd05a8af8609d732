// The real indexer and server on a temp dir and loopback: every endpoint, filter, facet, snippet,
// suggestion and multilingual match, and freshness after a new commit.
#include <gtest/gtest.h>
#include <xapian.h>

#include <set>

#include "entity_terms.hpp"
#include "schema.hpp"
#include "searchd_support.hpp"

namespace newsdex::testing {
namespace {

using nlohmann::json;

struct Doc {
  const char* path;
  const char* lang;
  const char* date;
  const char* title;
  const char* body;
};

// Short articles written for these tests; the Russian and Turkish ones carry the probe words'
// dictionary forms (армия, ordu) so only stemming can match the inflected queries.
const Doc kDocs[] = {
    {"world/baku-talks.json", "en", "2020-10-12", "Azerbaijan and Armenia hold talks in Moscow",
     "Foreign ministers of Azerbaijan and Armenia met in Moscow on Saturday. Both sides agreed to "
     "recognise a humanitarian ceasefire. The talks lasted ten hours and ended after midnight. "
     "Observers said the agreement was fragile."},
    {"world/geneva-appeal.json", "en", "2021-03-02", "Aid agencies appeal for winter shelter",
     "Aid agencies in Geneva asked donors for money to shelter displaced families. The appeal "
     "covers blankets, stoves and tents for the coming winter. Officials warned that funds were "
     "running low. A <b>bold</b> & risky plan was rejected."},
    {"business/port-expansion.json", "en", "2019-06-20", "Port expansion doubles cargo capacity",
     "The port authority finished the expansion of the container terminal. Cargo capacity "
     "doubled after new cranes arrived from Shanghai. Shipping lines welcomed the faster loading. "
     "The project cost less than planned."},
    {"world/moskva-armiya.json", "ru", "2020-11-05", "Армия завершила учения",
     "Российская армия завершила большие учения на юге страны. В учениях участвовали тысячи "
     "военных и сотни единиц техники. Министерство обороны сообщило об успешном выполнении всех "
     "задач. Наблюдатели из соседних стран присутствовали на полигоне."},
    {"world/ankara-ordu.json", "tr", "2021-01-15", "Ordu tatbikatı tamamladı",
     "Türk ordu birlikleri güneydoğuda büyük bir tatbikatı başarıyla tamamladı. Tatbikata binlerce "
     "asker ve yüzlerce araç katıldı. Bakanlık açıklamasında tüm hedeflere ulaşıldığını "
     "bildirdi. Komşu ülkelerden gözlemciler de tatbikatı izledi."},
};

json article_json(const Doc& d) {
  return {{"title", d.title},
          {"date", d.date},
          {"lang", d.lang},
          {"author", "Test Desk"},
          {"body", d.body}};
}

class SearchdHttp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    for (const Doc& d : kDocs) write_file(*dir_ / "docs" / d.path, article_json(d).dump());
    index_documents(*dir_ / "docs", *dir_ / "index");
    Config config = config_in(dir_->path());
    config.server.socket = (*dir_ / "run" / "searchd.sock").string();
    config.server.cors_origins = {"https://desk.example"};
    server_ = new RunningServer(config);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static json get(const std::string& target) {
    HttpReply reply = http(server_->port(), "GET", target);
    EXPECT_EQ(reply.status, 200) << target << " -> " << reply.body;
    return reply.json();
  }
  static std::set<std::string> ids(const json& response) {
    std::set<std::string> out;
    for (const auto& hit : response["hits"]) out.insert(hit["id"].get<std::string>());
    return out;
  }
  static std::string encode(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
      if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
        out += static_cast<char>(c);
      } else {
        char buffer[4];
        std::snprintf(buffer, sizeof buffer, "%%%02X", c);
        out += buffer;
      }
    }
    return out;
  }
  static TempDir* dir_;
  static RunningServer* server_;
};

TempDir* SearchdHttp::dir_ = nullptr;
RunningServer* SearchdHttp::server_ = nullptr;

TEST_F(SearchdHttp, StemmingMatchesEachLanguage) {
  EXPECT_EQ(ids(get("/search?q=recognised")), std::set<std::string>{"world/baku-talks.json"});
  EXPECT_EQ(ids(get("/search?q=" + encode("армии"))),
            std::set<std::string>{"world/moskva-armiya.json"});
  EXPECT_EQ(ids(get("/search?q=ordusu")), std::set<std::string>{"world/ankara-ordu.json"});
  // lang narrows.
  EXPECT_TRUE(ids(get("/search?q=recognised&lang=ru")).empty());
}

TEST_F(SearchdHttp, AnySentenceOfADocumentFindsIt) {
  for (const Doc& d : kDocs) {
    std::string_view body = d.body;
    for (std::size_t at = 0; at < body.size();) {
      std::size_t end = std::min(body.find(". ", at), body.size());
      const std::string sentence(body.substr(at, end - at));
      at = end + 2;
      const json response = get("/search?limit=100&snippet=0&q=" + encode(sentence));
      EXPECT_TRUE(ids(response).contains(d.path)) << d.path << ": " << sentence;
    }
  }
}

TEST_F(SearchdHttp, SnippetsAndTitlesAreHighlightedAndEscaped) {
  json hit = get("/search?q=bold+plan")["hits"][0];
  const std::string snippet = hit["snippet"];
  EXPECT_NE(snippet.find("&lt;b&gt;<mark>bold</mark>&lt;/b&gt; &amp; risky <mark>plan</mark>"),
            std::string::npos)
      << snippet;
  hit = get("/search?q=ceasefire+talks&highlight_pre=%5B&highlight_post=%5D&snippet=60")["hits"][0];
  EXPECT_NE(hit["snippet"].get<std::string>().find("[ceasefire]"), std::string::npos) << hit;
  EXPECT_NE(hit["title_highlighted"].get<std::string>().find("hold [talks] in"), std::string::npos)
      << hit;
  EXPECT_EQ(hit["title"], "Azerbaijan and Armenia hold talks in Moscow");
  // Cut at word boundaries with an ellipsis.
  const std::string cut = hit["snippet"];
  EXPECT_TRUE(cut.starts_with("\xE2\x80\xA6") || cut.starts_with("Foreign")) << cut;
  EXPECT_TRUE(cut.ends_with("\xE2\x80\xA6")) << cut;
  // Stems are highlighted by the document's own stemmer.
  hit = get("/search?q=" + encode("армии"))["hits"][0];
  EXPECT_NE(hit["snippet"].get<std::string>().find("<mark>армия</mark>"), std::string::npos) << hit;
}

TEST_F(SearchdHttp, SpellingSuggestionAndResultsForIt) {
  const json response = get("/search?q=Azerbajan");
  EXPECT_EQ(response["suggestion"], "azerbaijan");
  EXPECT_EQ(ids(response), std::set<std::string>{"world/baku-talks.json"});
  EXPECT_TRUE(get("/search?q=azerbaijan")["suggestion"].is_null());
}

TEST_F(SearchdHttp, FiltersNarrow) {
  EXPECT_EQ(ids(get("/search?lang=tr")), std::set<std::string>{"world/ankara-ordu.json"});
  EXPECT_EQ(ids(get("/search?folder=business")),
            std::set<std::string>{"business/port-expansion.json"});
  EXPECT_EQ(ids(get("/search?from=2021-01-01")),
            (std::set<std::string>{"world/geneva-appeal.json", "world/ankara-ordu.json"}));
  EXPECT_EQ(ids(get("/search?from=2020&to=2020")),
            (std::set<std::string>{"world/baku-talks.json", "world/moskva-armiya.json"}));
  EXPECT_EQ(ids(get("/search?q=date:2019..2019-12")),
            std::set<std::string>{"business/port-expansion.json"});
  EXPECT_EQ(get("/search?type=json")["total"]["value"], std::size(kDocs));
  EXPECT_EQ(get("/search?type=application/json&lang=en")["total"]["value"], 3);
  EXPECT_TRUE(ids(get("/search?person=Nobody+Known")).empty());
  EXPECT_EQ(ids(get("/search?q=title:" + encode("учения"))),
            std::set<std::string>{"world/moskva-armiya.json"});
  EXPECT_EQ(ids(get("/search?q=lang:ru")), std::set<std::string>{"world/moskva-armiya.json"});
  EXPECT_EQ(ids(get("/search?q=ministers+-moscow")).size(), 0u);
  EXPECT_EQ(ids(get("/search?q=%22cargo+capacity%22")),
            std::set<std::string>{"business/port-expansion.json"});
  EXPECT_EQ(ids(get("/search?q=shelt*")), std::set<std::string>{"world/geneva-appeal.json"});
}

TEST_F(SearchdHttp, FacetsCountEveryMatchIndependentlyChecked) {
  const json response = get("/search?type=json&limit=1&facets=lang,year,type,person");
  Xapian::Database db((*dir_ / "index").string());
  // Independent count: documents holding both the filter's term and each facet value's term.
  auto both = [&](const std::string& a, const std::string& b) {
    std::set<Xapian::docid> left(db.postlist_begin(a), db.postlist_end(a));
    Xapian::doccount n = 0;
    for (auto p = db.postlist_begin(b); p != db.postlist_end(b); ++p) n += left.count(*p);
    return n;
  };
  ASSERT_TRUE(response["facets"].contains("lang"));
  std::size_t total = 0;
  for (const auto& entry : response["facets"]["lang"]) {
    EXPECT_EQ(entry["count"], both("Ejson", "L" + entry["value"].get<std::string>())) << entry;
    total += entry["count"].get<std::size_t>();
  }
  EXPECT_GE(total, std::size(kDocs));
  for (const auto& entry : response["facets"]["year"])
    EXPECT_EQ(entry["count"], both("Ejson", "Y" + entry["value"].get<std::string>())) << entry;
  EXPECT_EQ(response["facets"]["year"].size(), 3u);  // 2019, 2020, 2021
  EXPECT_EQ(response["facets"]["type"][0]["count"], std::size(kDocs));
  EXPECT_TRUE(response["facets"]["person"].is_array());
  // Multi-valued entity facets: each name counted once per document, as its filter term says.
  const json places = get("/search?limit=0&facets=place:50")["facets"]["place"];
  EXPECT_FALSE(places.empty());
  for (const auto& entry : places) {
    // The term the index holds for the name, folded as every entity term is ("Genève": geneve).
    EXPECT_EQ(entry["count"],
              db.get_termfreq(entity_term(EntityType::place, entry["value"].get<std::string>())))
        << entry;
    const json filtered = get("/search?limit=0&place=" + encode(entry["value"].get<std::string>()));
    EXPECT_EQ(filtered["total"]["value"], entry["count"]) << entry;
  }
  EXPECT_EQ(response["hits"].size(), 1u);  // facets are over all matches, not the page
}

TEST_F(SearchdHttp, SortingAndStablePaging) {
  auto dates = [](const json& response) {
    std::vector<std::string> out;
    for (const auto& hit : response["hits"]) out.push_back(hit["date"]);
    return out;
  };
  const auto newest = dates(get("/search?limit=10"));  // empty query: newest first
  EXPECT_TRUE(std::is_sorted(newest.rbegin(), newest.rend()));
  EXPECT_EQ(newest.size(), std::size(kDocs));
  const auto oldest = dates(get("/search?sort=date"));
  EXPECT_TRUE(std::is_sorted(oldest.begin(), oldest.end()));
  std::vector<std::string> paged;
  for (int offset = 0; offset < 5; offset += 2) {
    auto page = get("/search?sort=-date&limit=2&offset=" + std::to_string(offset));
    for (const auto& hit : page["hits"]) paged.push_back(hit["date"]);
  }
  EXPECT_EQ(paged, newest);
}

TEST_F(SearchdHttp, PostBodyAndErrorsOverTheWire) {
  HttpReply reply = http(server_->port(), "POST", "/search",
                         R"({"q": "cargo", "facets": {"lang": 5}, "limit": 1})");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.json()["hits"][0]["id"], "business/port-expansion.json");
  EXPECT_EQ(reply.headers["content-type"], "application/json");

  reply = http(server_->port(), "POST", "/search", std::string(2 << 20, ' '));
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.json()["error"]["code"], "body_too_large");
  reply = http(server_->port(), "GET", "/search?q=date:2020-99-01..2021");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.json()["error"]["code"], "query_syntax");
  EXPECT_EQ(http(server_->port(), "GET", "/missing").status, 404);
  EXPECT_EQ(http(server_->port(), "PATCH", "/search").status, 405);
  reply = http(server_->port(), "OPTIONS", "/search", "", {"Origin: https://desk.example"});
  EXPECT_EQ(reply.status, 204);
  EXPECT_EQ(reply.headers["access-control-allow-origin"], "https://desk.example");
  // A malformed request line is answered, and the server keeps serving.
  const int fd = connect_tcp(server_->port());
  send_all(fd, "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(parse_reply(read_all(fd)).status, 400);
  ::close(fd);
  EXPECT_EQ(http(server_->port(), "GET", "/health").status, 200);
}

TEST_F(SearchdHttp, KeepAliveAnswersPipelinedRequestsInOrder) {
  const int fd = connect_tcp(server_->port());
  send_all(fd,
           "GET /search?q=cargo&snippet=0 HTTP/1.1\r\nHost: x\r\n\r\n"
           "GET /search?q=ordusu&snippet=0 HTTP/1.1\r\nHost: x\r\n\r\n"
           "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const std::string raw = read_all(fd);
  ::close(fd);
  const std::size_t first = raw.find("port-expansion");
  const std::size_t second = raw.find("ankara-ordu");
  const std::size_t third = raw.find("\"status\":\"ok\"");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  ASSERT_NE(third, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
}

TEST_F(SearchdHttp, DocumentsStatsHealthMetrics) {
  json doc = get("/documents/" + encode("world/geneva-appeal.json"));
  EXPECT_EQ(doc["id"], "world/geneva-appeal.json");
  EXPECT_EQ(doc["title"], "Aid agencies appeal for winter shelter");
  EXPECT_NE(doc["body"].get<std::string>().find("blankets"), std::string::npos);
  EXPECT_EQ(http(server_->port(), "GET", "/documents/..%2F..%2Fetc%2Fpasswd").status, 404);

  const json stats = get("/stats");
  EXPECT_EQ(stats["documents"], std::size(kDocs));
  EXPECT_EQ(stats["languages"]["ru"], 1);
  EXPECT_GT(stats["index_bytes"].get<std::uint64_t>(), 0u);
  EXPECT_EQ(get("/health")["status"], "ok");
  const HttpReply metrics = http(server_->port(), "GET", "/metrics");
  EXPECT_NE(metrics.body.find("newsdex_requests_total{endpoint=\"health\",status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("newsdex_index_reopens_total"), std::string::npos);
}

TEST_F(SearchdHttp, NdjsonOverTheUnixSocket) {
  const auto socket = *dir_ / "run" / "searchd.sock";
  EXPECT_EQ(std::filesystem::status(socket).permissions() & std::filesystem::perms::all,
            std::filesystem::perms(0660));
  const auto replies = ndjson(
      socket, {R"({"id": 1, "q": "cargo", "limit": 1})", R"({"id": "two", "op": "stats"})",
               "{broken", R"({"op": "document", "doc": "world/ankara-ordu.json", "id": 3})"});
  ASSERT_EQ(replies.size(), 4u);
  EXPECT_EQ(replies[0]["id"], 1);
  EXPECT_EQ(replies[0]["hits"][0]["id"], "business/port-expansion.json");
  EXPECT_EQ(replies[1]["id"], "two");
  EXPECT_EQ(replies[1]["documents"], std::size(kDocs));
  EXPECT_EQ(replies[2]["error"]["code"], "invalid_json");
  EXPECT_EQ(replies[3]["id"], 3);
  EXPECT_EQ(replies[3]["path"], "world/ankara-ordu.json");
}

// Last in the suite: it changes the index.
TEST_F(SearchdHttp, ZDocumentCommittedWhileServingIsFound) {
  EXPECT_TRUE(ids(get("/search?q=zeppelin")).empty());
  // Browsing (no query, no filter) is answered once per revision: asked again, the same reply.
  const std::string browse = "/search?facets=lang,folder&limit=3";
  const auto without_timing = [](json reply) {
    reply.erase("took_ms");
    return reply;
  };
  const json before = without_timing(get(browse));
  for (int i = 0; i < 4; ++i) EXPECT_EQ(without_timing(get(browse)), before);
  write_file(*dir_ / "docs" / "world" / "new.json",
             json{{"title", "Zeppelin returns"},
                  {"lang", "en"},
                  {"body", "A zeppelin flew over the harbour this morning."}}
                 .dump());
  index_documents(*dir_ / "docs", *dir_ / "index");
  EXPECT_EQ(ids(get("/search?q=zeppelin")), std::set<std::string>{"world/new.json"});
  // ...and a new revision is browsed anew.
  const json after = get(browse);
  EXPECT_EQ(after["total"]["value"], before["total"]["value"].get<int>() + 1);
}

}  // namespace
}  // namespace newsdex::testing
