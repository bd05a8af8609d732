#include <gtest/gtest.h>

#include "formats.hpp"

namespace newsdex {
namespace {

Article only(const Result<std::vector<Article>>& result) {
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  EXPECT_EQ(result->size(), 1u);
  return result->front();
}

constexpr const char* kPage = R"(<!DOCTYPE html>
<html lang="az-Latn">
<head>
  <meta charset="windows-1252">
  <title>Ports reopen after strike | The Daily Harbour</title>
  <meta property="og:title" content="Ports reopen after strike">
  <meta name="author" content="Leyla M&#601;mm&#601;dova">
  <meta property="article:published_time" content="2021-11-24T08:30:00+04:00">
  <link rel="canonical" href="https://example.org/ports">
  <style>p { color: red }</style>
  <script>var tracking = "do not index me";</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <header><h2>The Daily Harbour</h2></header>
  <article>
    <h1>Ports reopen after strike</h1>
    <p>Dockworkers in Baku &amp; Sumqay&#305;t returned
       to work on   Wednesday.</p>
    <p>Talks lasted <em>three</em> days.<br>A deal was signed.</p>
    <aside>Related: other strikes</aside>
    <ul><li>Wages up 8%</li><li>Shifts shorter</li></ul>
    <script>alert("no")</script>
  </article>
  <article><p>Teaser</p></article>
  <footer>&copy; The Daily Harbour</footer>
</body>
</html>)";

TEST(ParseHtmlTest, TakesMetadataAndTheArticleText) {
  const auto article = only(parse_html(kPage));
  EXPECT_EQ(article.title, "Ports reopen after strike");  // without the site name
  EXPECT_EQ(article.byline, "Leyla M\u0259mm\u0259dova");
  ASSERT_TRUE(article.date.has_value());
  EXPECT_EQ(article.date->iso(), "2021-11-24");
  EXPECT_EQ(article.lang_hint, "az");
  EXPECT_EQ(article.url, "https://example.org/ports");
  EXPECT_EQ(article.body,
            "Dockworkers in Baku & Sumqay\u0131t returned to work on Wednesday.\n\n"
            "Talks lasted three days.\nA deal was signed.\n\nWages up 8%\n\nShifts shorter");
}

TEST(ParseHtmlTest, DropsScriptsStylesAndPageFurniture) {
  const auto article = only(parse_html(kPage));
  for (const char* hidden :
       {"tracking", "color", "alert", "Home", "Related", "Daily Harbour", "Teaser"}) {
    EXPECT_EQ(article.body.find(hidden), std::string::npos) << hidden;
  }
}

TEST(ParseHtmlTest, WithoutArticleUsesMainThenBody) {
  const auto main =
      only(parse_html("<html><body><div>Menu</div><main><p>Main text.</p></main></body></html>"));
  EXPECT_EQ(main.body, "Main text.");
  const auto body = only(
      parse_html("<html><title>T</title><body><div>First.</div><div>Second.</div></body></html>"));
  EXPECT_EQ(body.body, "First.\n\nSecond.");
}

TEST(ParseHtmlTest, FallsBackToTheTextForMissingDateAndByline) {
  const auto article =
      only(parse_html("<title>Budget passes</title><p>By Anna Berg</p><p>12.03.2023</p>"
                      "<p>The council passed the budget.</p>"));
  EXPECT_EQ(article.title, "Budget passes");
  EXPECT_EQ(article.byline, "Anna Berg");
  EXPECT_EQ(article.date->iso(), "2023-03-12");
  EXPECT_EQ(article.body, "The council passed the budget.");
}

TEST(ParseHtmlTest, TimeElementAndFirstHeading) {
  const auto article = only(
      parse_html("<body><h1>Storm warning</h1><p class=\"byline\">By Omar Haddad</p>"
                 "<time datetime=\"2022-01-05\">5 Jan</time><p>Winds of 120 km/h.</p></body>"));
  EXPECT_EQ(article.title, "Storm warning");
  EXPECT_EQ(article.byline, "Omar Haddad");
  EXPECT_EQ(article.date->iso(), "2022-01-05");
}

TEST(ParseHtmlTest, MalformedMarkupIsRecovered) {
  const auto article = only(parse_html("<title>Broken</title><p>One <b>bold<p>Two</div></i>"));
  EXPECT_EQ(article.title, "Broken");
  EXPECT_EQ(article.body, "One bold\n\nTwo");
}

TEST(ParseHtmlTest, PageWithoutTextIsAParseError) {
  const auto result = parse_html("<html><head><script>x()</script></head><body></body></html>");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, Errc::parse_error);
}

// libxml2 stops at 256 levels unless told otherwise, and a recursive walk would overflow the
// stack long before a hostile page runs out of <div>s.
TEST(ParseHtmlTest, TextInDeeplyNestedHtmlIsFound) {
  for (const std::size_t depth : {300u, 10'000u, 200'000u}) {
    std::string page = "<html><head><title>Deep</title></head><body>";
    for (std::size_t i = 0; i < depth; ++i) page += "<div>";
    page += "<span class=\"byline\">By Ana Lima</span><p>buried treasure</p>";
    for (std::size_t i = 0; i < depth; ++i) page += "</div>";
    page += "<p>after the nest</p></body></html>";
    const auto article = only(parse_html(page));
    EXPECT_EQ(article.title, "Deep");
    EXPECT_EQ(article.byline, "Ana Lima") << depth;
    EXPECT_NE(article.body.find("buried treasure"), std::string::npos) << depth;
    EXPECT_NE(article.body.find("after the nest"), std::string::npos) << depth;
  }
}

}  // namespace
}  // namespace newsdex
