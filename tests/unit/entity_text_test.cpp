// Entity tokens: the segmenter's words cut again for name heuristics (initials, possessives) and
// keyed by newsdex's one folding, look-alike letters included.
#include "entity_text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsdex::entity_text {
namespace {

std::vector<std::string> keys(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.key);
  return out;
}

using Keys = std::vector<std::string>;

TEST(EntityTextTest, InitialsArePartsOfTheirOwn) {
  const auto tokens = tokenize("J.K. Rowling visited the U.S. today");
  EXPECT_EQ(keys(tokens), (Keys{"j", "k", "rowling", "visited", "the", "u", "s", "today"}));
  EXPECT_TRUE(tokens[0].initial);
  EXPECT_TRUE(tokens[1].initial);
  EXPECT_FALSE(tokens[2].sentence_start);  // the dot after an initial ends no sentence
  EXPECT_TRUE(tokens[6].dot_after);
}

TEST(EntityTextTest, PossessivesAreMarkedAndInnerApostrophesKept) {
  const auto tokens = tokenize("Chile's envoy met O'Brien and the Kenyans\u2019 team");
  EXPECT_EQ(keys(tokens),
            (Keys{"chile", "s", "envoy", "met", "o'brien", "and", "the", "kenyans", "team"}));
  EXPECT_TRUE(tokens[0].possessive);
  EXPECT_FALSE(tokens[4].possessive);
  EXPECT_TRUE(tokens[7].possessive);
}

TEST(EntityTextTest, TurkishCaseEndingsAfterAnApostropheAreCutFromTheName) {
  const auto tokens = tokenize("Heyet Kars'a ve İstanbul'dan Bakı'nın limanına, Xi'an ve O'Neill");
  EXPECT_EQ(keys(tokens), (Keys{"heyet", "kars", "a", "ve", "istanbul", "dan", "baki", "nin",
                                "limanina", "xi'an", "ve", "o'neill"}));
  EXPECT_FALSE(tokens[1].possessive) << "an ending, not an owner";
  EXPECT_FALSE(tokens[2].cap);
}

TEST(EntityTextTest, AnAbbreviatedSaintMountOrFortEndsNoSentence) {
  const auto tokens = tokenize("He flew to St. Louis. They live on Main St. The house is old.");
  EXPECT_FALSE(tokens[4].sentence_start) << "St. Louis";
  EXPECT_TRUE(tokens[10].sentence_start) << "a street ends its sentence";
}

TEST(EntityTextTest, FlagsFromTheGaps) {
  const auto tokens = tokenize("Talks in Guinea-Bissau (GB), then\nNATO");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_TRUE(tokens[3].hyphen_before);
  EXPECT_TRUE(tokens[4].paren_before);
  EXPECT_TRUE(tokens[4].paren_after);
  EXPECT_TRUE(tokens[4].all_caps);
  EXPECT_TRUE(tokens[6].line_start);
  EXPECT_TRUE(tokens[6].sentence_start);
}

TEST(EntityTextTest, LookalikeLettersFoldToLatin) {
  // A Cyrillic А opening a Latin name: the key is the Latin one and the token counts as Latin.
  const auto tokens = tokenize("Ilham \u0410liyev");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].key, "aliyev");
  EXPECT_EQ(tokens[1].script, Script::latin);
  EXPECT_TRUE(tokens[1].cap);
  EXPECT_EQ(org_key("Ministry of Foreign \u0410ffairs"), "foreign ministry");
}

TEST(EntityTextTest, IdeographsAreCutByTheSegmenterDictionary) {
  // A letter run would be one token; the segmenter finds the words, so gazetteer names match.
  EXPECT_GT(tokenize("巴基斯坦总理访问中国").size(), 1u);
}

}  // namespace
}  // namespace newsdex::entity_text
