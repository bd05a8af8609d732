#include "metadata.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "test_support.hpp"

namespace newsdex {
namespace {

std::optional<Date> date(int year, int month, int day) {
  return Date{year, month, day};
}

struct DateCase {
  const char* text;
  std::optional<Date> expected;
};

class ParseDateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(ParseDateTest, RecognisesWrittenForms) {
  const auto& [text, expected] = GetParam();
  const auto parsed = parse_date(text);
  ASSERT_EQ(parsed.has_value(), expected.has_value()) << text;
  if (expected) {
    EXPECT_EQ(parsed->iso(), expected->iso()) << text;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Forms, ParseDateTest,
    ::testing::Values(
        DateCase{"February 9, 2021", date(2021, 2, 9)}, DateCase{"Feb. 9, 2021", date(2021, 2, 9)},
        DateCase{"Feb 9, 2021", date(2021, 2, 9)}, DateCase{"9 February 2021", date(2021, 2, 9)},
        DateCase{"9 Feb 2021", date(2021, 2, 9)},
        DateCase{"Tuesday, February 9, 2021", date(2021, 2, 9)},
        DateCase{"Tue, 09 Feb 2021 10:15:00 +0000", date(2021, 2, 9)},
        DateCase{"2021-11-24", date(2021, 11, 24)},
        DateCase{"2021-11-24T23:30:00-05:00", date(2021, 11, 24)},
        DateCase{"2021-11-24T08:00:00Z", date(2021, 11, 24)},
        DateCase{"24.11.2021", date(2021, 11, 24)}, DateCase{"24/11/2021", date(2021, 11, 24)},
        DateCase{"11/24/2021", date(2021, 11, 24)}, DateCase{"9. Februar 2021", date(2021, 2, 9)},
        DateCase{"9 février 2021", date(2021, 2, 9)},
        DateCase{"9 de febrero de 2021", date(2021, 2, 9)},
        DateCase{"9 февраля 2021", date(2021, 2, 9)}, DateCase{"9 Şubat 2021", date(2021, 2, 9)},
        DateCase{"  February 9, 2021. ", date(2021, 2, 9)},
        // Not dates: impossible days, two-digit years, words, partial dates.
        DateCase{"February 30, 2021", std::nullopt}, DateCase{"2021-13-01", std::nullopt},
        DateCase{"9 February 21", std::nullopt}, DateCase{"February 2021", std::nullopt},
        DateCase{"June 20", std::nullopt}, DateCase{"20 m.", std::nullopt},
        DateCase{"hello", std::nullopt}, DateCase{"", std::nullopt},
        DateCase{"February 9, 2021 was a Tuesday", std::nullopt}));

TEST(FindDateTest, FindsTheFirstDateInsideALine) {
  EXPECT_EQ(find_date("ISLAMABAD, Feb 9, 2021 (APP): talks began")->iso(), "2021-02-09");
  EXPECT_EQ(find_date("20 m.   |  2021-11-24")->iso(), "2021-11-24");
  EXPECT_EQ(find_date("see the report of April 13, 2021 and of May 1, 2021")->iso(), "2021-04-13");
  EXPECT_FALSE(find_date("On June 17 the minister met the general").has_value());
  EXPECT_FALSE(find_date("Order 12021-11-245 shipped").has_value());
}

TEST(ExtractTextMetadataTest, TitleIsTheLineAfterADateline) {
  const auto article = extract_text_metadata(
      "March 3, 2022 Weekly Brief No. 12\n\nPort Strike Ends After Nine Days\n\n"
      "Dockworkers returned to work on Thursday after a pay deal.\n");
  EXPECT_EQ(article.title, "Port Strike Ends After Nine Days");
  EXPECT_EQ(article.date->iso(), "2022-03-03");
  EXPECT_EQ(article.body, "Dockworkers returned to work on Thursday after a pay deal.");
}

TEST(ExtractTextMetadataTest, SkipsNavigationBeforeTheTitle) {
  const auto article = extract_text_metadata(
      "Home\nShare\nhttps://example.org/news/1\nNews > World\n"
      "Floods close the ring road\nBy Anna Berg and Omar Haddad\n12.03.2023\n\n"
      "Heavy rain closed the ring road overnight.\n");
  EXPECT_EQ(article.title, "Floods close the ring road");
  EXPECT_EQ(article.byline, "Anna Berg and Omar Haddad");
  EXPECT_EQ(article.date->iso(), "2023-03-12");
  EXPECT_EQ(article.body, "Heavy rain closed the ring road overnight.");
}

TEST(ExtractTextMetadataTest, LoneNameUnderTheTitleIsTheByline) {
  const auto article = extract_text_metadata(
      "Council approves new budget\nMaria de la Cruz\n\nThe vote was 7 to 2.");
  EXPECT_EQ(article.title, "Council approves new budget");
  EXPECT_EQ(article.byline, "Maria de la Cruz");
  EXPECT_EQ(article.body, "The vote was 7 to 2.");
}

TEST(ExtractTextMetadataTest, TitleCaseSubheadIsNotAByline) {
  const auto article = extract_text_metadata(
      "Council approves new budget\nAnalysis Of The Vote\n\nThe vote was 7 to 2.");
  EXPECT_EQ(article.byline, "");
  EXPECT_EQ(article.body, "Analysis Of The Vote\n\nThe vote was 7 to 2.");
}

TEST(ExtractTextMetadataTest, KnownFieldsAreKeptAndTheRepeatedTitleDropped) {
  Article known;
  known.title = "Port Strike Ends";
  known.byline = "Desk";
  const auto article = extract_text_metadata(
      "Port Strike Ends\nMarch 3, 2022\n\nDockworkers returned to work.", known);
  EXPECT_EQ(article.title, "Port Strike Ends");
  EXPECT_EQ(article.byline, "Desk");
  EXPECT_EQ(article.date->iso(), "2022-03-03");
  EXPECT_EQ(article.body, "Dockworkers returned to work.");
}

TEST(ExtractTextMetadataTest, OneLineDocumentKeepsItsTextAsBody) {
  const auto article = extract_text_metadata("Only a headline here\n");
  EXPECT_EQ(article.title, "Only a headline here");
  EXPECT_EQ(article.body, "Only a headline here");
}

TEST(ExtractTextMetadataTest, DatesDeepInTheBodyAreNotThePublicationDate) {
  const auto article = extract_text_metadata("A headline\n\n" + std::string(400, 'x') +
                                             "\n\nThe treaty of May 5, 1999 still holds.\n");
  EXPECT_FALSE(article.date.has_value());
}

struct BylineCase {
  const char* line;
  const char* byline;
};

class BylineTest : public ::testing::TestWithParam<BylineCase> {};

TEST_P(BylineTest, UnderTheTitle) {
  const auto& [line, byline] = GetParam();
  const auto article =
      extract_text_metadata(std::string("Headline\n") + line + "\n\nThe story begins here.");
  EXPECT_EQ(article.byline, byline) << line;
  EXPECT_EQ(article.body, byline[0] ? "The story begins here."
                                    : std::string(line) + "\n\nThe story begins here.");
}

INSTANTIATE_TEST_SUITE_P(
    Languages, BylineTest,
    ::testing::Values(
        BylineCase{"By Tufail Ahmad*", "Tufail Ahmad"}, BylineCase{"BY ANNA BERG", "ANNA BERG"},
        BylineCase{"Written by Omar Haddad", "Omar Haddad"},
        BylineCase{"Par Claire Martin", "Claire Martin"},
        BylineCase{"Von Katrin Vogel", "Katrin Vogel"},
        BylineCase{"Автор: Ольга Смирнова", "Ольга Смирнова"},
        BylineCase{"Müəllif: Aynur Həsənova", "Aynur Həsənova"},
        BylineCase{"تحریر: احمد جاوید", "احمد جاوید"}, BylineCase{"记者 王晓明", "王晓明"},
        BylineCase{"文・佐藤美咲", "佐藤美咲"},
        BylineCase{"Rusif Huseynov, Ziya Kazimzada", "Rusif Huseynov, Ziya Kazimzada"},
        BylineCase{"Ursula von der Leyen", "Ursula von der Leyen"},
        // Not bylines: a sentence, a lower-case name, a title-case subhead.
        BylineCase{"by the sea", ""}, BylineCase{"By October the colony numbered 100", ""},
        BylineCase{"Ships And Ports", ""}));

TEST(ExtractTextMetadataTest, DatelineWithDashSeparatedByline) {
  const auto article = extract_text_metadata(
      "Jazz returns to the Old City\n\nBaku, 2 October 2023 \u2014 by Ruslan Karimov\n\n"
      "The festival opened on Sunday.");
  EXPECT_EQ(article.date->iso(), "2023-10-02");
  EXPECT_EQ(article.byline, "Ruslan Karimov");
  EXPECT_EQ(article.body, "The festival opened on Sunday.");
}

TEST(ExtractTextMetadataTest, KnownTitleWrappedOverLinesIsDropped) {
  Article known;
  known.title = "Alpine glaciers lost a tenth of their ice, study finds";
  const auto article = extract_text_metadata(
      "Alpine glaciers lost a tenth\nof their ice, study finds\nAugust 28, 2023\n"
      "Glaciers in the Alps shrank.",
      known);
  EXPECT_EQ(article.date->iso(), "2023-08-28");
  EXPECT_EQ(article.body, "Glaciers in the Alps shrank.");
}

// The five seed files: expected title, date and byline written down in tests/data by reading
// each file.
TEST(SeedMetadataTest, MatchesTheExpectedValues) {
  NEWSDEX_REQUIRE_CORPUS(seeds, "seeds");
  const auto expected = nlohmann::json::parse(
      testing::read_file(testing::source_dir() / "tests/data/seeds_metadata.json"));
  int checked = 0;
  for (const auto& [file, want] : expected.items()) {
    if (file.starts_with('_')) continue;
    SCOPED_TRACE(file);
    const auto article = extract_text_metadata(testing::read_file(seeds / file));
    EXPECT_EQ(article.title, want["title"].get<std::string>());
    EXPECT_EQ(article.byline, want["byline"].get<std::string>());
    if (want["date"].is_null()) {
      EXPECT_FALSE(article.date.has_value()) << article.date->iso();
    } else {
      ASSERT_TRUE(article.date.has_value());
      EXPECT_EQ(article.date->iso(), want["date"].get<std::string>());
    }
    EXPECT_TRUE(article.body.starts_with(want["body_starts"].get<std::string>()))
        << article.body.substr(0, 120);
    ++checked;
  }
  EXPECT_EQ(checked, 5);
}

}  // namespace
}  // namespace newsdex
