#include "segmenter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace newsdex {
namespace {

std::vector<std::string> words_of(WordSegmenter& segmenter, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& w : segmenter.words(text)) out.emplace_back(text.substr(w.offset, w.length));
  return out;
}

using Words = std::vector<std::string>;

TEST(WordSegmenter, PunctuationAndSpacesAreDropped) {
  WordSegmenter segmenter;
  EXPECT_EQ(words_of(segmenter, "Baku, 24 Nov. — “Brotherly relations”!"),
            (Words{"Baku", "24", "Nov", "Brotherly", "relations"}));
  EXPECT_TRUE(segmenter.words("  ... — !? ").empty());
  EXPECT_TRUE(segmenter.words("").empty());
}

TEST(WordSegmenter, UnicodeWordsKeepApostrophesAndInnerDots) {
  WordSegmenter segmenter;
  std::vector<std::string> words;
  const std::string_view text = "Pakistan's O'Brien, U.S. 3.14 l'homme";
  for (const auto& w : segmenter.unicode_words(text))
    words.emplace_back(text.substr(w.offset, w.length));
  EXPECT_EQ(words, (Words{"Pakistan's", "O'Brien", "U.S", "3.14", "l'homme"}));
}

TEST(WordSegmenter, HyphensSplitNumbersStayWhole) {
  WordSegmenter segmenter;
  EXPECT_EQ(words_of(segmenter, "Azerbaijan-Pakistan 3.14 2021-11-24"),
            (Words{"Azerbaijan", "Pakistan", "3.14", "2021", "11", "24"}));
}

TEST(WordSegmenter, ApostrophesSplitAndPossessiveSIsDropped) {
  WordSegmenter segmenter;
  EXPECT_EQ(words_of(segmenter, "Pakistan's army"), (Words{"Pakistan", "army"}));
  EXPECT_EQ(words_of(segmenter, "Pakistan\u2019s army"), (Words{"Pakistan", "army"}));
  EXPECT_EQ(words_of(segmenter, "l'homme d\u2019Azerbaïdjan"),
            (Words{"l", "homme", "d", "Azerbaïdjan"}));
  EXPECT_EQ(words_of(segmenter, "Ankara'da O'Brien"), (Words{"Ankara", "da", "O", "Brien"}));
  EXPECT_EQ(words_of(segmenter, "Azerbaijan`s independence"),
            (Words{"Azerbaijan", "independence"}));
  EXPECT_EQ(words_of(segmenter, "Pakistan\u02BCs army"), (Words{"Pakistan", "army"}));
  // A lone "s" is only dropped after an apostrophe.
  EXPECT_EQ(words_of(segmenter, "Azerbaijan ` s"), (Words{"Azerbaijan", "s"}));
  EXPECT_EQ(words_of(segmenter, "s a result"), (Words{"s", "a", "result"}));
}

TEST(WordSegmenter, ChineseIsCutIntoWords) {
  WordSegmenter segmenter;
  const std::string text = "中华人民共和国外交部发言人今天在北京表示。";
  const auto words = words_of(segmenter, text);
  EXPECT_GE(words.size(), 5u);
  std::string joined;
  for (const auto& w : words) joined += w;
  EXPECT_EQ(joined, "中华人民共和国外交部发言人今天在北京表示");  // only the full stop dropped
  EXPECT_NE(std::ranges::find(words, "北京"), words.end());
}

TEST(WordSegmenter, JapaneseIsCutIntoWords) {
  WordSegmenter segmenter;
  const auto words = words_of(segmenter, "東京で首相が記者会見を行いました。");
  EXPECT_GE(words.size(), 5u);
  EXPECT_NE(std::ranges::find(words, "東京"), words.end());
  for (const auto& w : words) EXPECT_NE(w, "。");
}

TEST(WordSegmenter, ByteOffsetsInMultibyteText) {
  WordSegmenter segmenter;
  const std::string text = "Ёлка — façade 北京";
  const auto spans = segmenter.words(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].offset, 0u);
  EXPECT_EQ(spans[0].length, 8u);  // 4 Cyrillic letters, 2 bytes each
  EXPECT_EQ(spans[1].offset, text.find("façade"));
  EXPECT_EQ(spans[1].length, std::string("façade").size());
  EXPECT_EQ(spans[2].offset, text.find("北京"));
  EXPECT_EQ(spans[2].length, 6u);
}

TEST(WordSegmenter, ScriptsWithoutSpacesOrWithMarks) {
  WordSegmenter segmenter;
  EXPECT_EQ(words_of(segmenter, "سلام دنیا"), (Words{"سلام", "دنیا"}));
  EXPECT_EQ(words_of(segmenter, "नमस्ते दुनिया।"), (Words{"नमस्ते", "दुनिया"}));
  EXPECT_GE(segmenter.words("ประเทศไทยมีประชากร").size(), 3u);  // Thai by dictionary
}

TEST(WordSegmenter, ReusableAcrossTexts) {
  WordSegmenter segmenter;
  EXPECT_EQ(words_of(segmenter, "one two"), (Words{"one", "two"}));
  EXPECT_EQ(words_of(segmenter, "three"), (Words{"three"}));
}

}  // namespace
}  // namespace newsdex
