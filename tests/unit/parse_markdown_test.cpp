// parse_markdown beyond tests/unit/parse_text_test.cpp: the CommonMark and GitHub syntax that md4c
// reads, reduced to the text a reader sees.
#include <gtest/gtest.h>

#include "formats.hpp"

namespace newsdex {
namespace {

Article markdown(std::string_view text) {
  auto parsed = parse_markdown(text);
  EXPECT_TRUE(parsed.ok() && parsed->size() == 1u);
  return parsed.ok() ? parsed->front() : Article{};
}

TEST(MarkdownTextTest, NestedInlineSyntaxKeepsOnlyItsText) {
  EXPECT_EQ(markdown("# T\n\nTalks on ***very* _important_ [**trade** `rules`](https://x.example "
                     "\"t\")** resumed, see <https://x.example/a> and ![the *map*](m.png).\n")
                .body,
            "Talks on very important trade rules resumed, see https://x.example/a and the map.");
  EXPECT_EQ(markdown("# T\n\nRead [the report][r] and [notes].\n\n[r]: https://x.example/r\n"
                     "[notes]: https://x.example/n \"Notes\"\n")
                .body,
            "Read the report and notes.");
  EXPECT_EQ(markdown("# T\n\nA \\*literal\\* star, ~~struck~~ text, `a * b`.\n").body,
            "A *literal* star, struck text, a * b.");
}

TEST(MarkdownTextTest, SetextHeadingsAreTitlesToo) {
  const auto article = markdown("Port strike\nends at last\n---\n\nWork resumed.\n");
  EXPECT_EQ(article.title, "Port strike ends at last");
  EXPECT_EQ(article.body, "Work resumed.");
}

TEST(MarkdownTextTest, OnlyAnOpeningHeadingIsTheTitle) {
  const auto later = markdown("Ships waited.\n\n## Talks\n\nThe union *agreed*.\n");
  // Without a heading first, the document is read like plain copy: the first line is the title.
  EXPECT_EQ(later.title, "Ships waited.");
  EXPECT_EQ(later.body, "Talks\n\nThe union agreed.");
  const auto quoted = markdown("Ships waited.\n\n> # Quoted\n\nText.\n");
  EXPECT_EQ(quoted.body, "Quoted\n\nText.");
}

TEST(MarkdownTextTest, EntitiesAreDecoded) {
  EXPECT_EQ(markdown("# Tom &amp; Jerry\n\n&copy; 2021, &#233;t&#xE9;, &#0; &notanentity;\n").title,
            "Tom & Jerry");
  EXPECT_EQ(markdown("# T\n\n&copy; 2021, &#233;t&#xE9;, &#0; &notanentity;\n").body,
            "\u00A9 2021, \u00E9t\u00E9, \uFFFD &notanentity;");
}

TEST(MarkdownTextTest, HtmlTagsGoTheirTextStays) {
  EXPECT_EQ(markdown("# T\n\nA <b>bold</b> move<br/>.\n\n<figure class=\"x\">\n<figcaption>"
                     "The <em>port</em>\nat dawn</figcaption>\n</figure>\n")
                .body,
            "A bold move.\n\nThe port\nat dawn");
}

TEST(MarkdownTextTest, BlocksBecomeLinesAndParagraphs) {
  EXPECT_EQ(markdown("# T\n\n| Port | Ships |\n|------|------:|\n| Rotterdam | 12 |\n").body,
            "Port Ships\nRotterdam 12");
  EXPECT_EQ(markdown("# T\n\n- [x] roads reopened\n- [ ] bridges checked\n").body,
            "roads reopened\nbridges checked");
  EXPECT_EQ(markdown("# T\n\n1. first\n\n   with detail\n2. second\n").body,
            "first\n\nwith detail\n\nsecond");
  EXPECT_EQ(markdown("# T\n\nLine one  \nline two\\\nline three\n\n    indented code\n\n***\n\n"
                     "~~~ text\nfenced\n~~~\n")
                .body,
            "Line one\nline two\nline three\n\nindented code\n\nfenced");
}

TEST(MarkdownTextTest, FrontMatterTitleKeepsTheHeadingInTheText) {
  const auto article = markdown(
      "---\ntitle: \"Harbour: a timeline\"\nauthors:\n  - Ana Lima\n  - Tom Berg\n"
      "date: 2021-11-24T08:30:00+04:00\n---\n\n# Timeline\n\nShips *waited*.\n");
  EXPECT_EQ(article.title, "Harbour: a timeline");
  EXPECT_EQ(article.byline, "Ana Lima, Tom Berg");
  EXPECT_EQ(article.date->iso(), "2021-11-24");
  EXPECT_EQ(article.body, "Timeline\n\nShips waited.");
}

}  // namespace
}  // namespace newsdex
