#include "prose.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace newsdex {
namespace {

// The sentence holding `needle` in text, as a string.
std::string sentence_of(std::string_view text, std::string_view needle) {
  const Sentence s = sentence_around(text, text.find(needle));
  return std::string(text.substr(s.start, s.end - s.start));
}

TEST(SentenceAround, Boundaries) {
  struct Case {
    std::string_view text, needle, sentence;
  };
  const Case cases[] = {
      {"One. Two three four. Five.", "three", "Two three four."},
      {"He met Dr. Smith and J. Doe in the U.S. capital. Then left.", "Smith",
       "He met Dr. Smith and J. Doe in the U.S. capital."},
      {"The price rose 3.5 per cent. It fell in 2020. Then it rose.", "fell", "It fell in 2020."},
      {"It was said (in the report.) that it held. Later on.", "held",
       "It was said (in the report.) that it held."},
      {"captured by Azerbaijan.[5] The flags hung everywhere.", "flags",
       "The flags hung everywhere."},
      {"\xE2\x80\x9CWe won.\xE2\x80\x9D He smiled.", "smiled", "He smiled."},
      {"Heading line\n\nThe first paragraph begins here.", "first",
       "The first paragraph begins here."},
      {"A line of running text that was wrapped at some width\nby its writer ends here. Next.",
       "writer", "A line of running text that was wrapped at some width\nby its writer ends here."},
      {"12. Smith, John. A Title, 2020\n13. Doe", "Smith", "12. Smith, John."},
      {"Армия провела учения. Потом солдаты вернулись.", "солдаты", "Потом солдаты вернулись."},
      {"今天天气很好。军队在山区进行了演习。晚上回家了。", "演习", "军队在山区进行了演习。"},
  };
  for (const Case& c : cases) EXPECT_EQ(sentence_of(c.text, c.needle), c.sentence) << c.text;
}

TEST(IsProse, ReferenceLinesTablesAndNavigationAreNot) {
  struct Case {
    std::string_view text;
    bool prose;
  };
  const Case cases[] = {
      {"On October 2, 2020, the government of Pakistan sought to deny media reports.", true},
      {"The bank raised its rate to 22 per cent on Tuesday.", true},
      {"It rained. Baku was calm. Then the wind rose over the bay.", true},
      {"[31] Pakistan Today (Pakistan), January 24, 2021.", false},
      {"[28], January 17, 2021.", false},
      {"12. Ahmad, Tufail. The war and its friends in the region, MEMRI, 2021.", false},
      {"(3) The war and its many friends in the wider region of the Caucasus.", false},
      {"^ The war and its many friends in the wider region of the Caucasus.", false},
      {"Read more at https://www.example.org/news/pakistan-azerbaijan-ties today.", false},
      {"Pakistan 2019 14 781,8 1 657,6 13 283,1 11 625,5.", false},
      {"Home | News | World | Business | Contact us today.", false},
      {"Pakistani flags across Azerbaijan", false},
      {"Did this article help you?", false},
      {"军队在山区进行了为期三天的大规模联合演习。", true},
      {"演习。", false},
  };
  for (const Case& c : cases) {
    const std::size_t at = c.text.size() / 2;
    EXPECT_EQ(prose_at(c.text, at), c.prose) << c.text;
  }
}

TEST(SentenceScanner, AnswersForIncreasingOffsetsAsProseAtDoes) {
  const std::string text =
      "The talks in Baku went on for three long days. Both sides agreed.\n\n"
      "[1] Trend (Azerbaijan), June 9, 2022.\n\n"
      "[2] Dawn (Pakistan), June 10, 2022.\n";
  SentenceScanner scanner(text);
  for (std::size_t at = 0; at < text.size(); at += 7)
    EXPECT_EQ(scanner.at(at).prose, prose_at(text, at)) << at;
}

}  // namespace
}  // namespace newsdex
