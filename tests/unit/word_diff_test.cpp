// The word diff: the shortest edit script over words, merged into runs, and capped.
#include "word_diff.hpp"

#include <gtest/gtest.h>

#include <random>

namespace newsdex {
namespace {

using Op = DiffPart::Op;

// The two texts a diff was made from, rebuilt from its parts.
std::pair<std::string, std::string> sides(const WordDiff& diff) {
  std::string older, newer;
  auto add = [](std::string& to, const std::string& text) {
    if (!to.empty()) to += ' ';
    to += text;
  };
  for (const auto& part : diff.parts) {
    if (part.op != Op::insert) add(older, part.text);
    if (part.op != Op::remove) add(newer, part.text);
  }
  return {older, newer};
}

TEST(WordDiff, EqualTextsAreOneEqualPart) {
  const auto diff =
      diff_words("Mara Holt  reported\nfrom Venlo.", "Mara Holt reported from Venlo.", 100);
  ASSERT_EQ(diff.parts.size(), 1u);
  EXPECT_EQ(diff.parts[0], (DiffPart{Op::equal, "Mara Holt reported from Venlo."}));
  EXPECT_TRUE(diff.complete);
}

TEST(WordDiff, ReplacedWordIsARemovalAndAnInsertion) {
  const auto diff =
      diff_words("the council met on Tuesday in Venlo", "the council met on Friday in Venlo", 100);
  const std::vector<DiffPart> expected = {{Op::equal, "the council met on"},
                                          {Op::remove, "Tuesday"},
                                          {Op::insert, "Friday"},
                                          {Op::equal, "in Venlo"}};
  EXPECT_EQ(diff.parts, expected);
}

TEST(WordDiff, AddedSentenceAtTheEndAndRemovedWordInside) {
  const auto diff = diff_words("Talks ended late on Monday.",
                               "Talks ended on Monday. A second round is planned.", 100);
  const std::vector<DiffPart> expected = {{Op::equal, "Talks ended"},
                                          {Op::remove, "late"},
                                          {Op::equal, "on Monday."},
                                          {Op::insert, "A second round is planned."}};
  EXPECT_EQ(diff.parts, expected);
}

TEST(WordDiff, EmptySides) {
  EXPECT_TRUE(diff_words("", "", 10).parts.empty());
  EXPECT_EQ(diff_words("", "new text", 10).parts,
            (std::vector<DiffPart>{{Op::insert, "new text"}}));
  EXPECT_EQ(diff_words("old text", "", 10).parts,
            (std::vector<DiffPart>{{Op::remove, "old text"}}));
}

TEST(WordDiff, MoreEditsThanTheCapGiveACoarseDiff) {
  const auto diff = diff_words("a b c d e f g h", "a x y z w v u h", 4);
  EXPECT_FALSE(diff.complete);
  const std::vector<DiffPart> expected = {
      {Op::equal, "a"}, {Op::remove, "b c d e f g"}, {Op::insert, "x y z w v u"}, {Op::equal, "h"}};
  EXPECT_EQ(diff.parts, expected);
}

// On random edits: the diff rebuilds both texts, is minimal-ish (never more edits than the
// rewrite made) and never has two neighbouring parts with the same op.
TEST(WordDiff, RandomEditsRebuildBothTexts) {
  std::mt19937 rng(42);
  const char* vocabulary[] = {"harbour", "council", "Venlo", "Holt", "said", "the", "on", "vote"};
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> words;
    for (int i = 0, n = static_cast<int>(rng() % 30); i < n; ++i)
      words.push_back(vocabulary[rng() % 8]);
    auto edited = words;
    int edits = 0;
    for (int e = 0, n = static_cast<int>(rng() % 6); e < n; ++e, ++edits) {
      if (!edited.empty() && rng() % 2)
        edited.erase(edited.begin() + rng() % edited.size());
      else
        edited.insert(edited.begin() + (edited.empty() ? 0 : rng() % edited.size()),
                      vocabulary[rng() % 8]);
    }
    auto join = [](const std::vector<std::string>& w) {
      std::string s;
      for (const auto& x : w) s += (s.empty() ? "" : " ") + x;
      return s;
    };
    const auto diff = diff_words(join(words), join(edited), 1000);
    EXPECT_TRUE(diff.complete);
    EXPECT_EQ(sides(diff), std::make_pair(join(words), join(edited)));
    int changed = 0;
    for (std::size_t i = 0; i < diff.parts.size(); ++i) {
      if (i > 0) {
        EXPECT_NE(diff.parts[i].op, diff.parts[i - 1].op);
      }
      if (diff.parts[i].op != Op::equal)
        changed += static_cast<int>(split_words(diff.parts[i].text).size());
    }
    EXPECT_LE(changed, edits);
  }
}

TEST(WordDiff, OpSymbols) {
  EXPECT_EQ(op_symbol(Op::equal), "=");
  EXPECT_EQ(op_symbol(Op::insert), "+");
  EXPECT_EQ(op_symbol(Op::remove), "-");
}

}  // namespace
}  // namespace newsdex
