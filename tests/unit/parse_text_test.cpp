#include <gtest/gtest.h>

#include "formats.hpp"

namespace newsdex {
namespace {

Article only(const Result<std::vector<Article>>& result) {
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  EXPECT_EQ(result->size(), 1u);
  return result->front();
}

TEST(ParsePlainTextTest, ReadsNewsroomCopy) {
  const auto article = only(parse_plain_text(
      "9 February 2021\nTalks resume in Vienna\nBy Lena Vogt\n\nDiplomats met again on Tuesday."
      "\n\nA second round is planned.\n"));
  EXPECT_EQ(article.title, "Talks resume in Vienna");
  EXPECT_EQ(article.date->iso(), "2021-02-09");
  EXPECT_EQ(article.byline, "Lena Vogt");
  EXPECT_EQ(article.body, "Diplomats met again on Tuesday.\n\nA second round is planned.");
}

TEST(ParseMarkdownTest, FrontMatterStatesTitleDateAndAuthor) {
  const auto article = only(parse_markdown(
      "---\ntitle: \"Harbour reopens\"\ndate: 2021-11-24\nauthor: [Ana Lima, Tom Berg]\n"
      "lang: pt-BR\n---\nShips entered the **harbour** at dawn.\n"));
  EXPECT_EQ(article.title, "Harbour reopens");
  EXPECT_EQ(article.date->iso(), "2021-11-24");
  EXPECT_EQ(article.byline, "Ana Lima, Tom Berg");
  EXPECT_EQ(article.lang_hint, "pt");
  // The first body line is text, not a title, because the front matter named the title.
  EXPECT_EQ(article.body, "Ships entered the harbour at dawn.");
}

TEST(ParseMarkdownTest, BlockListOfAuthors) {
  const auto article =
      only(parse_markdown("---\ntitle: Budget vote\nauthors:\n  - Ana Lima\n  - Tom "
                          "Berg\n---\n\nThe council voted.\n"));
  EXPECT_EQ(article.byline, "Ana Lima, Tom Berg");
}

TEST(ParseMarkdownTest, LeadingHeadingIsTheTitleAndSyntaxIsReduced) {
  const auto article = only(parse_markdown(
      "# Floods in the *north*\n\n_By Omar Haddad_\n\n"
      "Read the [full report](https://example.org/r?id=1) or see ![a map](map.png).\n\n"
      "## What happened\n\n> Rivers rose `3 m` overnight.\n\n- roads closed\n- 2 * 3 bridges "
      "shut\n\n"
      "```\ncode stays as text\n```\n\n[1]: https://example.org/ref\n"));
  EXPECT_EQ(article.title, "Floods in the north");
  EXPECT_EQ(article.byline, "Omar Haddad");
  EXPECT_EQ(article.body,
            "Read the full report or see a map.\n\nWhat happened\n\nRivers rose 3 m overnight.\n\n"
            "roads closed\n2 * 3 bridges shut\n\ncode stays as text");
  EXPECT_EQ(article.body.find("https://"), std::string::npos);
  EXPECT_EQ(article.body.find('#'), std::string::npos);
}

TEST(ParseMarkdownTest, SetextHeadingIsTheTitle) {
  const auto article =
      only(parse_markdown("Port strike ends\n================\n\nWork resumed.\n"));
  EXPECT_EQ(article.title, "Port strike ends");
  EXPECT_EQ(article.body, "Work resumed.");
}

TEST(ParseMarkdownTest, WithoutFrontMatterOrHeadingReadsLikePlainText) {
  const auto article =
      only(parse_markdown("Talks resume in Vienna\nFeb. 9, 2021\n\nDiplomats met on *Tuesday*.\n"));
  EXPECT_EQ(article.title, "Talks resume in Vienna");
  EXPECT_EQ(article.date->iso(), "2021-02-09");
  EXPECT_EQ(article.body, "Diplomats met on Tuesday.");
}

TEST(ParseMarkdownTest, SnakeCaseKeepsItsUnderscores) {
  const auto article = only(parse_markdown("# Config\n\nSet max_file_size to 64.\n"));
  EXPECT_EQ(article.body, "Set max_file_size to 64.");
}

}  // namespace
}  // namespace newsdex
