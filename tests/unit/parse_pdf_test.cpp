#include <gtest/gtest.h>

#include "formats.hpp"
#include "minimal_pdf.hpp"

namespace newsdex {
namespace {

TEST(ParsePdfTest, TextAndInfoDictionary) {
  const auto pdf = testing::minimal_pdf(
      {"Ministers meet in Baku", "", "The ministers of three countries met on Monday.",
       "They signed a declaration (the second) on trade."},
      {.title = "Ministers meet in Baku",
       .author = "Rusif Huseynov",
       .creation_date = "D:20210209120000Z"});
  const auto result = parse_pdf(pdf);
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->size(), 1u);
  const auto& article = result->front();
  EXPECT_EQ(article.title, "Ministers meet in Baku");
  EXPECT_EQ(article.byline, "Rusif Huseynov");
  ASSERT_TRUE(article.date.has_value());
  EXPECT_EQ(article.date->iso(), "2021-02-09");
  // The title line repeated at the top of the page is not body text.
  EXPECT_TRUE(article.body.starts_with("The ministers of three countries met on Monday."))
      << article.body;
  EXPECT_NE(article.body.find("declaration (the second) on trade."), std::string::npos);
}

TEST(ParsePdfTest, WithoutInfoTheTextGivesTitleDateAndByline) {
  const auto result = parse_pdf(testing::minimal_pdf(
      {"Feb. 9, 2021", "Ministers meet in Baku", "By Ziya Kazimzada", "", "They met on Monday."}));
  ASSERT_TRUE(result.ok()) << result.error().message;
  const auto& article = result->front();
  EXPECT_EQ(article.title, "Ministers meet in Baku");
  EXPECT_EQ(article.byline, "Ziya Kazimzada");
  EXPECT_EQ(article.date->iso(), "2021-02-09");
}

TEST(ParsePdfTest, CreationDatesPastTheYear2262) {
  // system_clock counts nanoseconds in 64 bits, which overflowed for such dates (UBSan: signed
  // overflow; otherwise a wrong date).
  const auto result = parse_pdf(testing::minimal_pdf(
      {"Headline", "", "Text."},
      {.title = "Headline", .author = "", .creation_date = "D:40460302120000Z"}));
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_TRUE(result->front().date.has_value());
  EXPECT_EQ(result->front().date->iso(), "4046-03-02");
}

TEST(ParsePdfTest, FileNameTitlesAreIgnored) {
  const auto result = parse_pdf(testing::minimal_pdf(
      {"Real headline", "", "Text."},
      {.title = "Microsoft Word - draft3.docx", .author = "", .creation_date = ""}));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->front().title, "Real headline");
}

TEST(ParsePdfTest, BrokenPdfIsAParseError) {
  const auto pdf = testing::minimal_pdf({"Some text"});
  for (const std::string& broken :
       {std::string("%PDF-1.4\ngarbage"), pdf.substr(0, 60), std::string("plain text")}) {
    const auto result = parse_pdf(broken);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, Errc::parse_error) << result.error().message;
  }
}

TEST(ParsePdfTest, PageWithoutTextIsAParseError) {
  const auto result = parse_pdf(testing::minimal_pdf({}));
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("no text"), std::string::npos);
}

}  // namespace
}  // namespace newsdex
