#include <gtest/gtest.h>

#include "formats.hpp"

namespace newsdex {
namespace {

TEST(ParseJsonTest, OneArticleObject) {
  const auto result = parse_json(R"({
    "title": "Harbour reopens", "content": "Ships entered at dawn.",
    "published_at": "2021-11-24T08:30:00Z", "byline": ["Ana Lima", {"name": "Tom Berg"}],
    "url": "https://example.org/h", "language": "pt-BR"})");
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->size(), 1u);
  const auto& article = result->front();
  EXPECT_EQ(article.title, "Harbour reopens");
  EXPECT_EQ(article.body, "Ships entered at dawn.");
  EXPECT_EQ(article.date->iso(), "2021-11-24");
  EXPECT_EQ(article.byline, "Ana Lima, Tom Berg");
  EXPECT_EQ(article.url, "https://example.org/h");
  EXPECT_EQ(article.lang_hint, "pt");
}

TEST(ParseJsonTest, ArrayGivesOneArticleEachAndSkipsEmptyObjects) {
  const auto result = parse_json(R"([
    {"title": "One", "body": "First text.", "date": "February 9, 2021", "author": "A B"},
    {"id": 7},
    {"title": "Two", "text": "Second text.", "published": 1612828800},
    "not an object"
  ])");
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->size(), 2u);
  EXPECT_EQ((*result)[0].title, "One");
  EXPECT_EQ((*result)[0].date->iso(), "2021-02-09");
  EXPECT_EQ((*result)[0].byline, "A B");
  EXPECT_EQ((*result)[1].title, "Two");
  EXPECT_EQ((*result)[1].body, "Second text.");
  EXPECT_EQ((*result)[1].date->iso(), "2021-02-09");  // Unix seconds
}

TEST(ParseJsonTest, WrappedList) {
  const auto result = parse_json(R"({"articles": [{"title": "A", "body": "x"}, {"title": "B"}]})");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->size(), 2u);
}

TEST(ParseJsonTest, NdjsonSkipsTheBrokenLineOnly) {
  const auto result = parse_json(
      "{\"title\": \"One\", \"body\": \"First.\"}\n"
      "{\"title\": \"Broken\", \"body\": \n"
      "\n"
      "{\"title\": \"Three\", \"body\": \"Third.\"}\n");
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->size(), 2u);
  EXPECT_EQ((*result)[0].title, "One");
  EXPECT_EQ((*result)[1].title, "Three");
}

TEST(ParseJsonTest, MissingTitleAndDateComeFromTheText) {
  const auto result = parse_json(R"({"body": "Talks resume\n9 February 2021\n\nDiplomats met."})");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->front().title, "Talks resume");
  EXPECT_EQ(result->front().date->iso(), "2021-02-09");
  EXPECT_EQ(result->front().body, "Diplomats met.");
}

// The column is where the parser stopped: the end of the unexpected "y".
TEST(ParseJsonTest, InvalidJsonNamesLineAndColumn) {
  const auto result = parse_json("{\n  \"title\": \"x\",\n  \"body\" \"y\"\n}\n");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, Errc::parse_error);
  EXPECT_NE(result.error().message.find("line 3, column 12"), std::string::npos)
      << result.error().message;
}

TEST(ParseJsonTest, EntirelyInvalidNdjsonNamesWhereItBroke) {
  const auto result = parse_json("{\"title\": }\n{oops}\n");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, Errc::parse_error);
  EXPECT_NE(result.error().message.find("line 1, column"), std::string::npos)
      << result.error().message;
}

TEST(ParseJsonTest, NoArticleWithTextIsAParseError) {
  EXPECT_EQ(parse_json(R"([{"id": 1}, {"id": 2}])").error().code, Errc::parse_error);
  EXPECT_EQ(parse_json("42").error().code, Errc::parse_error);
}

// Nesting is bounded while parsing: a file of deeply nested arrays is refused with a reason, not
// walked (a recursive walk over a million levels overflows the stack).
TEST(ParseJsonTest, DeeplyNestedJsonIsRefusedWithAReason) {
  const std::size_t depth = 1'000'000;
  const std::string nested = std::string(depth, '[') + std::string(depth, ']');
  for (const auto& text : {R"({"title": "Deep", "body": "text", "author": )" + nested + "}", nested,
                           "{\"title\": \"Deep\", \"x\": " + nested + "}\n" + nested}) {
    const auto result = parse_json(text);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, Errc::parse_error);
    EXPECT_NE(result.error().message.find("nested deeper than"), std::string::npos)
        << result.error().message;
  }
}

TEST(ParseJsonTest, NestingUpToTheLimitIsRead) {
  const std::string nested = std::string(60, '[') + "\"Ana Lima\"" + std::string(60, ']');
  const auto result =
      parse_json(R"({"title": "Shallow", "body": "text", "extra": )" + nested + "}");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->front().title, "Shallow");
}

TEST(ParseJsonTest, NdjsonSkipsATooDeepLineOnly) {
  const std::string nested = std::string(100'000, '[') + std::string(100'000, ']');
  const auto result = parse_json("{\"title\": \"One\", \"body\": \"First.\"}\n" + nested +
                                 "\n{\"title\": \"Two\", \"body\": \"Second.\"}\n");
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->size(), 2u);
  EXPECT_EQ((*result)[1].title, "Two");
}

TEST(ParseJsonTest, AuthorListsAreReadOneLevelDeep) {
  const auto result = parse_json(
      R"({"title": "T", "body": "b", "authors": ["Ana Lima", {"name": "Tom Berg"}, ["X"]]})");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->front().byline, "Ana Lima, Tom Berg");
}

}  // namespace
}  // namespace newsdex
