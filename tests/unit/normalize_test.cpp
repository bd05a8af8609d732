#include "normalize.hpp"

#include <gtest/gtest.h>

#include <string>

namespace newsdex {
namespace {

struct FoldCase {
  std::string_view word;
  std::string_view folded;
  std::string_view why;
};

constexpr FoldCase kCases[] = {
    {"Pakistan", "pakistan", "ASCII lower-casing"},
    {"NATO", "nato", "ASCII upper case"},
    {"2021", "2021", "numbers unchanged"},
    {"façade", "facade", "cedilla dropped"},
    {"Café", "cafe", "acute dropped, case folded"},
    {"Cafe\u0301", "cafe", "decomposed accent dropped"},
    {"Straße", "strasse", "German sharp s case-folds to ss"},
    {"Łódź", "lodz", "Latin letters without decomposition, via Latin-ASCII"},
    {"Øresund", "oresund", "slashed o"},
    {"İstanbul", "istanbul", "Turkish dotted capital I"},
    {"\uFB01nance", "finance", "NFKC: the ﬁ ligature"},
    {"\uFF2E\uFF21\uFF34\uFF2F", "nato", "NFKC: fullwidth letters"},
    {"\u0410zerbaijan", "azerbaijan", "Cyrillic А opening a Latin word"},
    {"p\u0430yp\u0430l", "paypal", "Cyrillic а inside a Latin word"},
    {"\u039FTAN", "otan", "Greek Ο opening a Latin word"},
    {"Россия", "россия", "Russian stays Cyrillic"},
    {"АРМИЯ", "армия", "Russian upper case folds within Cyrillic"},
    {"ёлка", "елка", "ё is е with an optional diaeresis"},
    {"Йошкар", "йошкар", "й keeps its breve: a letter of its own"},
    {"Ἀθῆναι", "αθηναι", "Greek accents and breathings dropped"},
    {"नमस्ते", "नमस्ते", "Devanagari virama and vowel signs kept"},
    {"हिन्दी", "हिन्दी", "Devanagari kept"},
    {"العَرَبِيَّة", "العَرَبِيَّة", "Arabic vowel marks kept for the Arabic stemmer"},
    {"தமிழ்", "தமிழ்", "Tamil pulli kept"},
    {"中国", "中国", "ideographs unchanged"},
    {"U.S.A", "usa", "initials joined"},
    {"U.S", "us", "initials joined without the final dot"},
    {"3.14", "3.14", "a decimal number is no acronym"},
    {"3.5", "3.5", "nor is a short one"},
};

TEST(Normalizer, FoldsTable) {
  Normalizer normalizer;
  for (const auto& [word, folded, why] : kCases) EXPECT_EQ(normalizer.fold(word), folded) << why;
}

TEST(Normalizer, FoldIsIdempotent) {
  Normalizer normalizer;
  for (const auto& c : kCases) EXPECT_EQ(normalizer.fold(c.folded), c.folded) << c.why;
}

TEST(Normalizer, LoneLookalikeFoldsOnlyInLatinText) {
  Normalizer normalizer;
  // Seed 002 opens a sentence with a Cyrillic "А" followed by a space: "А s a result".
  EXPECT_EQ(normalizer.fold("\u0410", /*latin_context=*/true), "a");
  EXPECT_EQ(normalizer.fold("\u0410", /*latin_context=*/false), "\u0430");
  // A Cyrillic word with letters that imitate nothing stays Cyrillic even in Latin text.
  EXPECT_EQ(normalizer.fold("Москва", /*latin_context=*/true), "москва");
}

TEST(Normalizer, MostlyCyrillicWordIsNotLatinised) {
  Normalizer normalizer;
  // A Latin "a" typed into a Russian word must not pull the whole word into Latin.
  const std::string folded = normalizer.fold("москвa");
  EXPECT_EQ(folded.substr(0, folded.size() - 1), "москв");
}

}  // namespace
}  // namespace newsdex
