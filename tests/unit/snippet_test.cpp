#include "snippet.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace newsdex {
namespace {

// Byte offsets of space-separated words, the way the index stores them.
std::vector<std::uint32_t> offsets_of(std::string_view text) {
  std::vector<std::uint32_t> offsets;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool word = text[i] != ' ' && text[i] != ',' && text[i] != '.' && text[i] != '<' &&
                      text[i] != '>' && text[i] != '&';
    if (word && !in_word) offsets.push_back(static_cast<std::uint32_t>(i));
    in_word = word;
  }
  return offsets;
}

TEST(HtmlEscape, EscapesMarkupCharacters) {
  EXPECT_EQ(html_escape(R"(<b>"Tom" & 'Jerry'</b>)"),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;");
  EXPECT_EQ(html_escape("plain"), "plain");
}

TEST(WordLength, StopsAtPunctuationKeepsInnerApostrophe) {
  EXPECT_EQ(word_length("don't stop", 0, 100), 5u);
  EXPECT_EQ(word_length("end. Next", 0, 100), 3u);
  EXPECT_EQ(word_length("армии,", 0, 100), 10u);  // five Cyrillic letters
  EXPECT_EQ(word_length("abcdef", 0, 3), 3u);
}

TEST(Snippet, HighlightsMatchesAndEscapesTheRest) {
  const std::string body = "Alpha <beta> & gamma delta";
  const auto offsets = offsets_of(body);  // Alpha beta gamma delta
  ASSERT_EQ(offsets.size(), 4u);
  const std::vector<MatchedWord> matches = {{3, 1}};  // gamma
  EXPECT_EQ(snippet_from_offsets(body, offsets, matches, 200, {}),
            "Alpha &lt;beta&gt; &amp; <mark>gamma</mark> delta");
}

TEST(Snippet, CutsAtWordBoundariesWithEllipsis) {
  std::string body;
  for (int i = 0; i < 200; ++i) body += "filler" + std::to_string(i) + " ";
  body += "the needle is here ";
  for (int i = 0; i < 200; ++i) body += "after" + std::to_string(i) + " ";
  const auto offsets = offsets_of(body);
  const std::vector<MatchedWord> matches = {{202, 7}};  // "needle": word index 201
  const std::string s = snippet_from_offsets(body, offsets, matches, 80, {});
  EXPECT_NE(s.find("<mark>needle</mark>"), std::string::npos) << s;
  EXPECT_EQ(s.rfind("\xE2\x80\xA6", 0), 0u) << s;          // starts with …
  EXPECT_EQ(s.substr(s.size() - 3), "\xE2\x80\xA6") << s;  // ends with …
  const std::string inner = s.substr(3, s.size() - 6);
  EXPECT_NE(inner.front(), ' ');
  EXPECT_NE(inner.back(), ' ');
  // Every piece between spaces is a whole word of the body.
  std::string plain = inner;
  for (const std::string tag : {"<mark>", "</mark>"})
    for (auto p = plain.find(tag); p != std::string::npos; p = plain.find(tag))
      plain.erase(p, tag.size());
  EXPECT_NE(body.find(" " + plain + " "), std::string::npos) << plain;
  EXPECT_LE(plain.size(), 80u);
}

TEST(Snippet, PrefersThePassageWithMoreDistinctTerms) {
  std::string body = "apple apple apple apple ";
  for (int i = 0; i < 100; ++i) body += "word" + std::to_string(i) + " ";
  body += "apple pear ";
  for (int i = 0; i < 100; ++i) body += "more" + std::to_string(i) + " ";
  const auto offsets = offsets_of(body);
  std::vector<MatchedWord> matches = {{1, 1}, {2, 1}, {3, 1}, {4, 1}, {105, 1}, {106, 2}};
  const std::string s = snippet_from_offsets(body, offsets, matches, 60, {});
  EXPECT_NE(s.find("<mark>apple</mark> <mark>pear</mark>"), std::string::npos) << s;
}

TEST(Snippet, WithoutMatchesGivesTheBeginning) {
  const std::string body = "First words of a body that goes on and on for quite a while longer";
  const std::string s = snippet_from_offsets(body, offsets_of(body), {}, 20, {});
  EXPECT_EQ(s.rfind("First words", 0), 0u) << s;
  EXPECT_EQ(s.substr(s.size() - 3), "\xE2\x80\xA6");
}

TEST(Snippet, CustomTagsAndPositionsOutsideTheBodyIgnored) {
  const std::string body = "one two three";
  const std::vector<MatchedWord> matches = {{2, 1}, {500, 2}};
  HighlightTags tags{"[", "]", "..."};
  EXPECT_EQ(snippet_from_offsets(body, offsets_of(body), matches, 100, tags), "one [two] three");
}

TEST(Highlight, WrapsSpans) {
  const std::vector<TextSpan> spans = {{0, 3}, {8, 4}};
  EXPECT_EQ(highlight_spans("The <a> tree", spans, {}),
            "<mark>The</mark> &lt;a&gt; <mark>tree</mark>");
}

}  // namespace
}  // namespace newsdex
