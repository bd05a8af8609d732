// Ranking on a real index: boosts that reorder without changing what matches (proximity, entities,
// recency), explain=true adding up to the score, and queries relaxed to the most of their words
// when no document holds them all, saying which words each hit lacks.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>

#include "searchd_support.hpp"
#include "searcher.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

class Ranking : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto today = std::chrono::year_month_day(
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    char recent[16];
    std::snprintf(recent, sizeof recent, "%04d-%02u-%02u", static_cast<int>(today.year()),
                  static_cast<unsigned>(today.month()), static_cast<unsigned>(today.day()));
    write("near.txt", "Court report", "2001-05-02",
          "The grand jury met on Monday in the county court and heard the harbour case.");
    write("apart.txt", "County notes", "2001-05-02",
          "The jury met on Monday in the county court, a grand building by the harbour.");
    write("old.txt", "Ferry timetable", "1998-03-01",
          "The ferry timetable changes with the season for every island crossing.");
    write("new.txt", "Ferry timetable", recent,
          "The ferry timetable changes with the season for every island crossing.");
    write("council.txt", "Council", "2001-05-02",
          "The city council discussed the harbour budget and the new ferry pier.");
    write(
        "minister.txt", "Talks in Geneva", "2001-05-02",
        "Foreign Minister Mara Holt met her counterpart in Geneva on Tuesday. Holt said the talks "
        "went well.");
    write("river.txt", "River life", "2001-05-02",
          "Mara kept her boat in the holt by the river, where the otters live.");
    testing::index_documents(dir_ / "docs", dir_ / "index");
  }

  void write(const std::string& name, const std::string& title, const std::string& date,
             const std::string& body) {
    testing::write_file(dir_ / "docs" / name, title + "\n" + date + "\n\n" + body + "\n");
  }

  json search(const std::string& q, std::optional<double> recency_days = std::nullopt) {
    SearchRequest request;
    request.q = q;
    request.explain = true;
    request.recency_days = recency_days;
    auto reply = searcher_->search(request);
    EXPECT_TRUE(reply.ok()) << (reply.ok() ? "" : reply.error().message);
    return reply.ok() ? reply.value() : json();
  }

  static std::vector<std::string> ids(const json& reply) {
    std::vector<std::string> out;
    for (const auto& hit : reply["hits"]) out.push_back(hit["id"]);
    return out;
  }

  testing::TempDir dir_;
  Metrics metrics_;
  std::unique_ptr<Searcher> searcher_;
  void make_searcher(SearchOptions options = {}) {
    searcher_ =
        std::make_unique<Searcher>(std::vector{(dir_ / "index").string()}, metrics_, options);
  }
};

TEST_F(Ranking, AdjacentWordsRankAboveScatteredOnes) {
  make_searcher();
  const json reply = search("grand jury");
  ASSERT_EQ(ids(reply), (std::vector<std::string>{"near.txt", "apart.txt"}));
  EXPECT_GT(reply["hits"][0]["explain"]["proximity"].get<double>(), 0);
  EXPECT_EQ(reply["hits"][1]["explain"]["proximity"].get<double>(), 0);
}

TEST_F(Ranking, ExplainedPartsAddUpToTheScore) {
  make_searcher();
  const json reply = search("grand jury harbour");  // kept: the loop reads into it
  for (const json& hit : reply["hits"]) {
    double sum = 0;
    for (const auto& [part, weight] : hit["explain"].items()) sum += weight.get<double>();
    EXPECT_NEAR(sum, hit["score"].get<double>(), 1e-6 * hit["score"].get<double>()) << hit["id"];
    EXPECT_GT(hit["explain"]["text"].get<double>(), 0);
  }
}

TEST_F(Ranking, RecencyPutsTheNewerOfTwoEqualStoriesFirstOnlyWhenAsked) {
  make_searcher();
  const json plain = search("ferry timetable");
  ASSERT_EQ(plain["hits"].size(), 2u);
  for (const json& hit : plain["hits"]) EXPECT_EQ(hit["explain"]["recency"].get<double>(), 0);
  const json recent = search("ferry timetable", 7.0);
  ASSERT_EQ(ids(recent), (std::vector<std::string>{"new.txt", "old.txt"}));
  EXPECT_GT(recent["hits"][0]["explain"]["recency"].get<double>(), 1.0);
  EXPECT_LT(recent["hits"][1]["explain"]["recency"].get<double>(), 1e-9);
  // Off for a request even when the server's default is on.
  SearchOptions options;
  options.default_recency_days = 30;
  make_searcher(options);
  EXPECT_EQ(ids(search("ferry timetable")).front(), "new.txt");
  const json off = search("ferry timetable", 0.0);
  for (const json& hit : off["hits"]) EXPECT_EQ(hit["explain"]["recency"].get<double>(), 0);
}

TEST_F(Ranking, ADocumentWhoseEntityTheQueryNamesGetsTheEntityBoost) {
  make_searcher();
  const json reply = search("mara holt");
  ASSERT_EQ(ids(reply), (std::vector<std::string>{"minister.txt", "river.txt"}));
  EXPECT_GT(reply["hits"][0]["explain"]["entity"].get<double>(), 0);
  EXPECT_EQ(reply["hits"][1]["explain"]["entity"].get<double>(), 0);
}

TEST_F(Ranking, AQueryNoDocumentHoldsWhollyFindsThoseHoldingMostOfIt) {
  make_searcher();
  const json reply = search("harbour budget zeppelin");
  ASSERT_EQ(ids(reply), (std::vector<std::string>{"council.txt"}));
  EXPECT_EQ(reply["relaxed"]["required"], 2);
  EXPECT_EQ(reply["hits"][0]["missing"], json::array({"zeppelin"}));
  // Each hit lacks a different word of "grand harbour budget".
  const json split = search("grand budget harbour");
  EXPECT_EQ(split["relaxed"]["required"], 2);
  ASSERT_EQ(split["hits"].size(), 3u);
  for (const json& hit : split["hits"]) {
    ASSERT_EQ(hit["missing"].size(), 1u) << hit;
    EXPECT_EQ(hit["missing"][0], hit["id"] == "council.txt" ? "grand" : "budget");
  }
}

TEST_F(Ranking, OnlyPlainQueriesAreRelaxed) {
  make_searcher();
  for (const char* q : {"\"harbour zeppelin\"", "harbour AND zeppelin", "+zeppelin harbour"}) {
    const json reply = search(q);
    EXPECT_TRUE(reply["hits"].empty()) << q;
    EXPECT_FALSE(reply.contains("relaxed")) << q;
  }
  // Thirteen words: pasted text, not a half-remembered story.
  const json pasted =
      search("harbour budget zeppelin one two three four five six seven eight nine ten");
  EXPECT_TRUE(pasted["hits"].empty());
  EXPECT_FALSE(pasted.contains("relaxed"));
  const json whole = search("harbour budget");
  EXPECT_FALSE(whole.contains("relaxed"));
  EXPECT_FALSE(whole["hits"][0].contains("missing"));
}

TEST_F(Ranking, RecencyAndExplainAreValidatedInRequests) {
  const Limits limits;
  for (const char* bad : {"7", "7x", "-1d", "d", "99999d", "1.5d"}) {
    auto parsed = parse_search_params({{"q", "x"}, {"recency", bad}}, limits);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().status, 400);
    EXPECT_NE(parsed.error().message.find("recency"), std::string::npos);
  }
  EXPECT_EQ(parse_half_life("12h"), 0.5);
  EXPECT_EQ(parse_half_life("2w"), 14.0);
  EXPECT_EQ(parse_half_life("off"), 0.0);
  auto explain = parse_search_params({{"q", "x"}, {"explain", "yes"}}, limits);
  ASSERT_FALSE(explain.ok());
  EXPECT_NE(explain.error().message.find("explain"), std::string::npos);
  auto fine = parse_search_params({{"q", "x"}, {"explain", "true"}, {"recency", "3d"}}, limits);
  ASSERT_TRUE(fine.ok());
  EXPECT_TRUE(fine.value().explain);
  EXPECT_EQ(fine.value().recency_days, 3.0);
}

}  // namespace
}  // namespace newsdex::searchd

namespace newsdex::searchd {
namespace {

// A query matching stories in two languages orders them by how much they are about it, not by
// which language's part of the query matched (each language has its own stemmed terms, with
// their own document frequencies).
TEST(CrossLanguageRanking, TheStoryMoreAboutTheWordWinsInEitherLanguage) {
  const std::string english_long =
      "The city council met on Tuesday to discuss the budget, the harbour, the new school and "
      "the roads, and a member said the summer festival would go ahead as planned this year.";
  const std::string english_short =
      "The festival opened with a festival parade; festival crowds filled the festival square.";
  const std::string french_long =
      "Le conseil municipal s'est réuni mardi pour discuter du budget, du port, de la nouvelle "
      "école et des routes, et un élu a dit que le festival d'été aurait lieu comme prévu.";
  const std::string french_short =
      "Le festival a ouvert avec un défilé du festival; la foule du festival remplissait la place "
      "du festival.";
  for (const bool french_is_richer : {true, false}) {
    testing::TempDir dir;
    const auto write = [&](const std::string& name, const std::string& body) {
      testing::write_file(dir / "docs" / name, "Local news\n2020-06-01\n\n" + body + "\n");
    };
    write("en.txt", french_is_richer ? english_long : english_short);
    write("fr.txt", french_is_richer ? french_short : french_long);
    // More English stories with the word: its English stem is the more common one.
    for (int i = 0; i < 4; ++i)
      write("en-other-" + std::to_string(i) + ".txt",
            "A short note about the weather and the festival in town number " + std::to_string(i) +
                " of the county, written for the local paper.");
    testing::index_documents(dir / "docs", dir / "index");
    Metrics metrics;
    Searcher searcher({(dir / "index").string()}, metrics);
    SearchRequest request;
    request.q = "festival";
    auto reply = searcher.search(request);
    ASSERT_TRUE(reply.ok()) << reply.error().message;
    ASSERT_FALSE(reply.value()["hits"].empty());
    EXPECT_EQ(reply.value()["hits"][0]["id"], french_is_richer ? "fr.txt" : "en.txt")
        << reply.value()["hits"].dump();
  }
}

}  // namespace
}  // namespace newsdex::searchd

namespace newsdex::searchd {
namespace {

// Nothing for what was typed, something for its spelling suggestion: the reply answers for the
// suggestion and says so; correct=false searches exactly what was typed.
TEST(SpellingFallback, ResultsForTheSuggestionSaySoAndCanBeRefused) {
  testing::TempDir dir;
  testing::write_file(dir / "docs" / "budget.txt",
                      "City budget\n2022-04-01\n\nThe city budget pays for the harbour repairs.\n");
  testing::index_documents(dir / "docs", dir / "index");
  Metrics metrics;
  Searcher searcher({(dir / "index").string()}, metrics);
  SearchRequest request;
  request.q = "budgte";
  auto corrected = searcher.search(request);
  ASSERT_TRUE(corrected.ok());
  EXPECT_EQ(corrected.value()["results_for"], "budget");
  EXPECT_EQ(corrected.value()["hits"].size(), 1u);
  request.correct = false;
  auto exact = searcher.search(request);
  ASSERT_TRUE(exact.ok());
  EXPECT_TRUE(exact.value()["hits"].empty());
  EXPECT_FALSE(exact.value().contains("results_for"));
  EXPECT_EQ(exact.value()["suggestion"], "budget");  // still offered
  request.q = "budget";
  EXPECT_FALSE(searcher.search(request).value().contains("results_for"));
}

}  // namespace
}  // namespace newsdex::searchd
