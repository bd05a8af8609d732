// The date facet through the real indexer and server: documents with known dates, more matches
// than one page, and bucket counts per day, ISO week, month and year over every match (not the
// page); the from/to range a timeline's drag sets; and clear 400s for a bad interval.
#include <gtest/gtest.h>

#include <string>

#include "searchd_support.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

class TimelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    const auto docs = dir_->path() / "docs";
    int n = 0;
    // 21 harbour stories on six days, and three rail stories the query must not count.
    auto write = [&](const char* dateline, int copies, const char* topic) {
      for (int i = 0; i < copies; ++i, ++n)
        testing::write_file(docs / ("story" + std::to_string(n) + ".txt"),
                            std::string(topic) + " report " + std::to_string(n) + "\n" + dateline +
                                "\n\nThe " + topic + " board of Velmora met again on report " +
                                std::to_string(n) + " and said little.\n");
    };
    write("December 30, 2023", 3, "harbour");  // a Saturday of ISO week 2023-W52
    write("January 2, 2024", 5, "harbour");    // 2024-W01
    write("January 9, 2024", 4, "harbour");    // 2024-W02
    write("February 14, 2024", 6, "harbour");  // 2024-W07
    write("February 15, 2024", 2, "harbour");  // 2024-W07
    write("June 1, 2025", 1, "harbour");       // a Sunday of 2025-W22
    write("January 2, 2024", 3, "rail");
    testing::index_documents(docs, dir_->path() / "index");
    Config config;
    config.paths.index = dir_->path() / "index";
    config.server.socket = (dir_->path() / "s.sock").string();
    server_ = new testing::RunningServer(config);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  static json buckets(const std::string& query) {
    const auto reply = testing::http(server_->port(), "GET", "/search?" + query);
    EXPECT_EQ(reply.status, 200) << query << ": " << reply.body;
    return reply.json()["facets"]["date"];
  }

  static testing::TempDir* dir_;
  static testing::RunningServer* server_;
};

testing::TempDir* TimelineTest::dir_ = nullptr;
testing::RunningServer* TimelineTest::server_ = nullptr;

TEST_F(TimelineTest, CountsEveryMatchPerIntervalNotOnlyThePage) {
  const auto reply =
      testing::http(server_->port(), "GET", "/search?q=harbour&facets=date&interval=month&limit=5");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json body = reply.json();
  EXPECT_EQ(body["total"]["value"], 21);
  EXPECT_EQ(body["hits"].size(), 5u);
  EXPECT_EQ(body["facets"]["date"], json::parse(R"([{"value": "2023-12", "count": 3},
                                                    {"value": "2024-01", "count": 9},
                                                    {"value": "2024-02", "count": 8},
                                                    {"value": "2025-06", "count": 1}])"));
  EXPECT_EQ(buckets("q=harbour&facets=date&interval=year&limit=1"),
            json::parse(R"([{"value": "2023", "count": 3}, {"value": "2024", "count": 17},
                            {"value": "2025", "count": 1}])"));
  EXPECT_EQ(buckets("q=harbour&facets=date&interval=week"),
            json::parse(R"([{"value": "2023-W52", "count": 3}, {"value": "2024-W01", "count": 5},
                            {"value": "2024-W02", "count": 4}, {"value": "2024-W07", "count": 8},
                            {"value": "2025-W22", "count": 1}])"));
  EXPECT_EQ(buckets("q=harbour&facets=date&interval=day"),
            json::parse(R"([{"value": "2023-12-30", "count": 3},
                            {"value": "2024-01-02", "count": 5},
                            {"value": "2024-01-09", "count": 4},
                            {"value": "2024-02-14", "count": 6},
                            {"value": "2024-02-15", "count": 2},
                            {"value": "2025-06-01", "count": 1}])"));
  // Month is the default interval; browsing (no query) counts every document.
  EXPECT_EQ(buckets("facets=date")[1], json::parse(R"({"value": "2024-01", "count": 12})"));
}

TEST_F(TimelineTest, TheDateRangeFilterNarrowsTheTimelineAndTheHits) {
  const auto reply = testing::http(
      server_->port(), "GET",
      "/search?q=harbour&facets=date,year&interval=day&from=2024-01-01&to=2024-01-31");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json()["total"]["value"], 9);
  EXPECT_EQ(reply.json()["facets"]["date"], json::parse(R"([{"value": "2024-01-02", "count": 5},
                            {"value": "2024-01-09", "count": 4}])"));
  EXPECT_EQ(reply.json()["facets"]["year"], json::parse(R"([{"value": "2024", "count": 9}])"));
}

TEST_F(TimelineTest, JsonBodiesAndNdjsonAskTheSameWay) {
  const auto post = testing::http(server_->port(), "POST", "/search",
                                  R"({"q": "harbour", "facets": ["date"], "interval": "year"})");
  ASSERT_EQ(post.status, 200) << post.body;
  EXPECT_EQ(post.json()["facets"]["date"].size(), 3u);
  const auto lines =
      testing::ndjson(dir_->path() / "s.sock",
                      {R"({"q": "rail", "facets": {"date": null}, "interval": "week", "id": 1})"});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["facets"]["date"], json::parse(R"([{"value": "2024-W01", "count": 3}])"));
}

TEST_F(TimelineTest, ABadIntervalIsA400SayingWhatIsAllowed) {
  const auto bad =
      testing::http(server_->port(), "GET", "/search?q=harbour&facets=date&interval=quarter");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["error"]["message"], "field 'interval' must be day, week, month or year")
      << bad.body;
  const auto alone = testing::http(server_->port(), "GET", "/search?q=harbour&interval=week");
  EXPECT_EQ(alone.status, 400);
  EXPECT_NE(alone.json()["error"]["message"].get<std::string>().find("facets=date"),
            std::string::npos)
      << alone.body;
  const auto twice =
      testing::http(server_->port(), "GET", "/search?facets=date&interval=day&interval=week");
  EXPECT_EQ(twice.status, 400);
  const auto number =
      testing::http(server_->port(), "POST", "/search", R"({"facets": ["date"], "interval": 7})");
  EXPECT_EQ(number.status, 400);
}

}  // namespace
}  // namespace newsdex::searchd
