#include "language.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace newsdex {
namespace {

// The udhr manifest's bcp47 column reduced to the ISO 639-1 code ("de-1996" -> "de").
std::string primary_subtag(const std::string& bcp47) {
  return bcp47.substr(0, bcp47.find('-'));
}

TEST(Languages, UdhrCorpusMostlyRight) {
  NEWSDEX_REQUIRE_CORPUS(udhr, "udhr");
  std::ifstream manifest(udhr / "manifest.tsv");
  std::string line;
  std::getline(manifest, line);
  ASSERT_EQ(line.substr(0, line.find('\t')), "file") << "unexpected manifest header: " << line;
  int total = 0, right = 0;
  while (std::getline(manifest, line)) {
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, '\t');) cells.push_back(cell);
    ASSERT_GE(cells.size(), 5u) << line;
    const std::string expected = primary_subtag(cells[4]);
    const auto info = detect_languages(testing::read_file(udhr / cells[0]));
    ++total;
    if (info.lang == expected)
      ++right;
    else
      ADD_FAILURE() << "not fatal alone: " << cells[0] << " detected as '" << info.lang
                    << "', expected " << expected;
  }
  ASSERT_GT(total, 20);
  const double accuracy = static_cast<double>(right) / total;
  std::cout << "udhr language accuracy: " << right << "/" << total << " = " << accuracy * 100
            << "%\n";
  EXPECT_GE(accuracy, 0.9);
}

constexpr std::string_view kEnglish =
    "The foreign ministers of Azerbaijan and Pakistan met in Baku on Tuesday to discuss trade, "
    "energy and regional security. Both governments said the talks had been constructive and "
    "agreed to hold another round of consultations in Islamabad early next year.\n\n";
constexpr std::string_view kRussian =
    "Министры иностранных дел Азербайджана и Пакистана встретились во вторник в Баку, чтобы "
    "обсудить торговлю, энергетику и региональную безопасность. Обе стороны назвали переговоры "
    "конструктивными и договорились провести следующий раунд консультаций в Исламабаде.\n";

TEST(Languages, MixedTextHasOneSpanPerLanguage) {
  const std::string text = std::string(kEnglish) + std::string(kRussian);
  const auto info = detect_languages(text);
  ASSERT_EQ(info.spans.size(), 2u);
  EXPECT_EQ(info.spans[0].lang, "en");
  EXPECT_EQ(info.spans[1].lang, "ru");
  // The spans tile the input and switch language near the paragraph break.
  EXPECT_EQ(info.spans[0].offset, 0u);
  EXPECT_EQ(info.spans[0].length, info.spans[1].offset);
  EXPECT_EQ(info.spans[1].offset + info.spans[1].length, text.size());
  EXPECT_NEAR(static_cast<double>(info.spans[1].offset), static_cast<double>(kEnglish.size()),
              16.0);
  EXPECT_TRUE(info.lang == "en" || info.lang == "ru") << info.lang;
}

TEST(Languages, CodesAreTwoLetterIso) {
  EXPECT_EQ(
      detect_languages("中华人民共和国外交部发言人今天在北京举行例行记者会，回答了记者的提问。")
          .lang,
      "zh");
  EXPECT_EQ(
      detect_languages("中華人民共和國外交部發言人今天在北京舉行例行記者會，回答了記者的提問。")
          .lang,
      "zh");
  EXPECT_EQ(
      detect_languages("Azərbaycan Respublikasının Prezidenti İlham Əliyev bu gün Pakistanın "
                       "Baş naziri ilə görüşüb və iki ölkə arasında əməkdaşlığı müzakirə edib.")
          .lang,
      "az");
}

TEST(Languages, HintDecidesWhatTheTextCannot) {
  // "Ordular" (armies) alone is too short for CLD2; the document's own claim settles it.
  EXPECT_EQ(detect_languages("Ordular", "tr").lang, "tr");
  EXPECT_EQ(detect_languages("Ordular", "TR-tr").lang, "tr");
  // A hint never overrides clear evidence.
  EXPECT_EQ(detect_languages(kEnglish, "tr").lang, "en");
}

TEST(Languages, EmptyAndUnknownText) {
  const auto empty = detect_languages("");
  EXPECT_EQ(empty.lang, "");
  EXPECT_TRUE(empty.spans.empty());
  const auto digits = detect_languages("12345 67890 ... !!!");
  EXPECT_EQ(digits.lang, "");
  for (const auto& span : digits.spans) EXPECT_EQ(span.lang, "");
}

TEST(Languages, SpansNeverCutACharacter) {
  const std::string text = std::string(kRussian) + std::string(kEnglish) + std::string(kRussian);
  for (const auto& span : detect_languages(text).spans)
    EXPECT_NE(static_cast<unsigned char>(text[span.offset]) & 0xC0, 0x80) << span.offset;
}

TEST(Languages, SafeFromManyThreads) {
  const std::string text = std::string(kEnglish) + std::string(kRussian);
  const auto expected = detect_languages(text);
  std::vector<std::thread> threads;
  std::vector<int> agree(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i)
        agree[t] += detect_languages(text).spans.size() == expected.spans.size();
    });
  for (auto& thread : threads) thread.join();
  for (int count : agree) EXPECT_EQ(count, 50);
}

}  // namespace
}  // namespace newsdex
