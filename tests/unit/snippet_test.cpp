#include "snippet.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "highlighter.hpp"

namespace newsdex {
namespace {

// Byte offsets of space-separated words, the way the index stores them.
std::vector<std::uint32_t> offsets_of(std::string_view text) {
  std::vector<std::uint32_t> offsets;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool word = std::isalnum(c) || c >= 0x80 || c == '\'';
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

// Matches of each (word, term) pair wherever the word stands in the body.
std::vector<MatchedWord> matches_of(std::string_view body, std::span<const std::uint32_t> offsets,
                                    std::initializer_list<std::pair<std::string_view, int>> words) {
  std::vector<MatchedWord> matches;
  for (std::size_t i = 0; i < offsets.size(); ++i) {
    const std::size_t next = i + 1 < offsets.size() ? offsets[i + 1] : body.size();
    const std::string_view word = body.substr(offsets[i], word_length(body, offsets[i], next));
    for (const auto& [w, term] : words)
      if (word == w)
        matches.push_back({static_cast<std::uint32_t>(i + 1), static_cast<std::uint32_t>(term)});
  }
  return matches;
}

// The snippet's text without the highlight tags.
std::string plain(std::string s) {
  for (const std::string tag : {"<mark>", "</mark>"})
    for (auto p = s.find(tag); p != std::string::npos; p = s.find(tag)) s.erase(p, tag.size());
  return s;
}

const std::string kEllipsis = "\xE2\x80\xA6";

std::string snippet_for(std::string_view body,
                        std::initializer_list<std::pair<std::string_view, int>> words,
                        std::size_t length) {
  const auto offsets = offsets_of(body);
  return snippet_from_offsets(body, offsets, matches_of(body, offsets, words), length, {});
}

TEST(Snippet, ProseWinsOverFootnoteLinesThatHoldTheTermMoreOften) {
  const std::string body =
      "The army of Pakistan said on Friday that it had sent no soldiers to the war, a claim that "
      "journalists in Islamabad soon questioned.\n\n"
      "[31] Pakistan Today (Pakistan), January 24, 2021.\n\n"
      "[32] Pakistan Today (Pakistan), January 24, 2021.\n\n"
      "[33] Dawn (Pakistan), November 11, 2020.\n";
  const std::string s = snippet_for(body, {{"Pakistan", 1}}, 200);
  EXPECT_NE(s.find("The army of <mark>Pakistan</mark> said"), std::string::npos) << s;
  EXPECT_EQ(s.find("[31]"), std::string::npos) << s;
}

TEST(Snippet, ProseWinsOverANumberedReferenceList) {
  const std::string body =
      "References\n"
      "1. Ahmad, T. Pakistan and Azerbaijan, MEMRI, https://www.memri.org/reports/pakistan\n"
      "2. Khan, A. Pakistan in the Caucasus, Dawn, https://www.dawn.com/news/pakistan\n\n"
      "Officials in Baku thanked Pakistan for its support during the long war last year.\n";
  const std::string s = snippet_for(body, {{"Pakistan", 1}}, 120);
  EXPECT_NE(s.find("thanked <mark>Pakistan</mark>"), std::string::npos) << s;
  EXPECT_EQ(s.find("https"), std::string::npos) << s;
}

TEST(Snippet, ProseWinsOverATableOfFigures) {
  const std::string body =
      "Trade turnover, million dollars\n\n"
      "Azerbaijan 2019 14 781,8 1 657,6\n\n"
      "Azerbaijan 2020 11 625,5 13 283,1\n\n"
      "Azerbaijan 2021 12 101,0 9 870,2\n\n"
      "Trade with Azerbaijan grew again after the war, officials in Islamabad said on Monday.\n";
  const std::string s = snippet_for(body, {{"Azerbaijan", 1}}, 100);
  EXPECT_EQ(plain(s),
            "Trade with Azerbaijan grew again after the war, officials in Islamabad said "
            "on Monday.")
      << s;
}

TEST(Snippet, NavigationLeftoversLoseToProse) {
  const std::string body =
      "Home | News | Baku | Contact\n\n"
      "A jazz festival opened in Baku on Thursday with concerts in the old town.\n";
  const std::string s = snippet_for(body, {{"Baku", 1}}, 200);
  EXPECT_EQ(plain(s), "A jazz festival opened in Baku on Thursday with concerts in the old town.")
      << s;
}

TEST(Snippet, WithoutProseTheReferenceLinesAreStillShown) {
  const std::string body = "[1] Dawn (Pakistan), May 2, 2021.\n\n[2] Geo News, May 3, 2021.\n";
  const std::string s = snippet_for(body, {{"Pakistan", 1}}, 200);
  EXPECT_NE(s.find("<mark>Pakistan</mark>"), std::string::npos) << s;
}

TEST(Snippet, StartsAtTheSentenceStartAndEndsAtASentenceEnd) {
  std::string body;
  for (int i = 0; i < 5; ++i)
    body += "Filler words make up this sentence number " + std::to_string(i) + ". ";
  body +=
      "The new bridge over the wide brown river near the old mill was opened by the mayor on "
      "Friday. Traffic was light. ";
  for (int i = 0; i < 5; ++i) body += "More words follow in this later sentence of the text. ";
  const std::string s = snippet_for(body, {{"mayor", 1}}, 130);
  EXPECT_EQ(plain(s),
            "The new bridge over the wide brown river near the old mill was opened by the "
            "mayor on Friday. Traffic was light.")
      << s;
}

TEST(Snippet, CutsInsideALongSentenceWithTheEllipsis) {
  std::string body = "It began ";
  for (int i = 0; i < 60; ++i) body += "and went on ";
  body += "until the mayor spoke ";
  for (int i = 0; i < 60; ++i) body += "and on again ";
  body += "at last.";
  const std::string s = snippet_for(body, {{"mayor", 1}}, 80);
  EXPECT_EQ(s.rfind(kEllipsis, 0), 0u) << s;
  EXPECT_EQ(s.substr(s.size() - 3), kEllipsis) << s;
  EXPECT_LE(plain(s).size(), 80u + 6) << s;
}

TEST(Snippet, TwoFragmentsWhenTheTermsAreFarApart) {
  std::string body = "The alpha team arrived in the city early on Monday morning. ";
  for (int i = 0; i < 30; ++i)
    body += "The committee met again in the evening to discuss the budget. ";
  body += "Later that week the omega group joined them at the harbour. ";
  for (int i = 0; i < 10; ++i) body += "Nothing else of note happened in the town that month. ";
  const std::string s = snippet_for(body, {{"alpha", 1}, {"omega", 2}}, 200);
  EXPECT_NE(s.find("<mark>alpha</mark>"), std::string::npos) << s;
  EXPECT_NE(s.find("<mark>omega</mark>"), std::string::npos) << s;
  EXPECT_NE(s.find(" " + kEllipsis + " "), std::string::npos) << s;
  EXPECT_LE(plain(s).size(), 200u + 9) << s;
}

TEST(Snippet, OneFragmentWhenOnePassageHoldsAllTerms) {
  std::string body = "The alpha team and the omega group arrived in the city early on Monday. ";
  for (int i = 0; i < 30; ++i)
    body += "The committee met again in the evening to discuss the budget. ";
  body += "Later that week the omega group went home again by train. ";
  const std::string s = snippet_for(body, {{"alpha", 1}, {"omega", 2}}, 200);
  EXPECT_EQ(s.find(" " + kEllipsis + " "), std::string::npos) << s;
  EXPECT_EQ(s.rfind("The <mark>alpha</mark> team", 0), 0u) << s;
}

TEST(Snippet, RussianSentenceStart) {
  const std::string body =
      "Первое предложение о погоде в городе было длинным и довольно скучным для всех. "
      "Армия провела учения в горах недалеко от границы вчера утром. "
      "Потом солдаты вернулись в казармы и отдыхали до самого вечера следующего дня.";
  const std::string s = snippet_for(body, {{"учения", 1}}, 80);
  EXPECT_EQ(s.rfind("Армия провела <mark>учения</mark>", 0), 0u) << s;
}

// One word per Chinese character, as a unigram segmenter gives them.
std::vector<std::uint32_t> char_offsets(std::string_view text) {
  std::vector<std::uint32_t> offsets;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = word_length(text, i, text.size()) > 0 ? 1 : 0;
    std::size_t next = i + 1;
    while (next < text.size() && (text[next] & 0xC0) == 0x80) ++next;
    if (length > 0) offsets.push_back(static_cast<std::uint32_t>(i));
    i = next;
  }
  return offsets;
}

TEST(Snippet, ChineseSentenceStart) {
  const std::string body =
      "今天天气很好，阳光明媚。我们去公园散步了很久。军队在山区进行了演习。晚上大家都回家休息了。";
  const auto offsets = char_offsets(body);
  const auto at = body.find("演");
  std::uint32_t position = 0;
  for (std::size_t i = 0; i < offsets.size(); ++i)
    if (offsets[i] == at) position = static_cast<std::uint32_t>(i + 1);
  const std::vector<MatchedWord> matches = {{position, 1}};
  const std::string s = snippet_from_offsets(body, offsets, matches, 30, {});
  EXPECT_EQ(s.rfind("军队在山区进行了<mark>演</mark>", 0), 0u) << s;
}

TEST(Title, ShortTitlesStayWholeLongOnesAreCutAroundTheirMatches) {
  Analyzer analyzer;
  searchd::MatchedTerms terms;
  terms.words = {"karabakh"};
  EXPECT_EQ(searchd::highlight_title(analyzer, "Talks on Karabakh resume", "en", terms, {}),
            "Talks on <mark>Karabakh</mark> resume");
  std::string title = "A long report";
  for (int i = 0; i < 12; ++i) title += " on the region and its neighbours";
  title += " about Karabakh and the talks";
  for (int i = 0; i < 12; ++i) title += " with more words of no interest";
  const std::string s = searchd::highlight_title(analyzer, title, "en", terms, {});
  EXPECT_NE(s.find("<mark>Karabakh</mark>"), std::string::npos) << s;
  EXPECT_EQ(s.rfind(kEllipsis, 0), 0u) << s;
  EXPECT_LE(plain(s).size(), 200u + 2 * kEllipsis.size()) << s;
}

TEST(Highlight, WrapsSpans) {
  const std::vector<TextSpan> spans = {{0, 3}, {8, 4}};
  EXPECT_EQ(highlight_spans("The <a> tree", spans, {}),
            "<mark>The</mark> &lt;a&gt; <mark>tree</mark>");
}

}  // namespace
}  // namespace newsdex
