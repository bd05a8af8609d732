#include "stemmers.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <string>

#include "analyzer.hpp"

namespace newsdex {
namespace {

struct InflectedPair {
  std::string_view lang;
  std::string_view inflected;
  std::string_view base;
};

// One inflected form per Xapian 1.4 Snowball language, with the base form it must stem to.
constexpr InflectedPair kPairs[] = {
    {"ar", "المدرسة", "مدرسة"},   // the school / school
    {"hy", "քաղաքներ", "քաղաք"},  // cities / city
    {"eu", "etxeak", "etxe"},     // the houses / house
    {"ca", "ciutats", "ciutat"},  // cities / city
    {"da", "husene", "hus"},      // the houses / house
    {"nl", "boeken", "boek"},     // books / book
    {"en", "recognised", "recognise"},
    {"fi", "taloissa", "talo"},  // in the houses / house
    {"fr", "gouvernements", "gouvernement"},
    {"de", "Kindern", "Kind"},
    {"hu", "emberek", "ember"},    // people / person
    {"id", "bukunya", "buku"},     // his book / book
    {"ga", "bhean", "bean"},       // (lenited) woman / woman
    {"it", "ragazzi", "ragazzo"},  // boys / boy
    {"lt", "namuose", "namas"},    // in the houses / house
    {"ne", "घरमा", "घर"},          // in the house / house
    {"no", "bilene", "bil"},       // the cars / car
    {"pt", "cidades", "cidade"},   // cities / city
    {"ro", "studentilor", "student"},
    {"ru", "армии", "армия"},      // army (genitive) / army
    {"es", "casas", "casa"},       // houses / house
    {"sv", "bilarna", "bil"},      // the cars / car
    {"ta", "புத்தகங்கள்", "புத்தகம்"},  // books / book
    {"tr", "ordular", "ordu"},     // armies / army
};

std::string stem_of(Analyzer& analyzer, std::string_view word, std::string_view lang) {
  auto tokens = analyzer.tokenize(word, lang);
  return tokens.size() == 1 ? tokens[0].stem : "<" + std::to_string(tokens.size()) + " tokens>";
}

TEST(Stemmers, EveryLanguageHasAPair) {
  std::set<std::string_view> covered;
  for (const auto& pair : kPairs) covered.insert(pair.lang);
  for (auto lang : stemmed_languages()) EXPECT_TRUE(covered.contains(lang)) << lang;
}

TEST(Stemmers, InflectedFormStemsLikeItsBaseForm) {
  Analyzer analyzer;
  for (const auto& [lang, inflected, base] : kPairs) {
    SCOPED_TRACE(lang);
    const std::string stem = stem_of(analyzer, inflected, lang);
    EXPECT_EQ(stem, stem_of(analyzer, base, lang)) << inflected << " vs " << base;
    // Stemming really happened: the inflected form's own term is not its stem.
    EXPECT_NE(stem, analyzer.tokenize(inflected, lang).at(0).term) << inflected;
  }
}

TEST(Stemmers, TwentyFourLanguagesAllKnownToXapian) {
  const auto langs = stemmed_languages();
  EXPECT_EQ(langs.size(), 24u);
  std::set<std::string_view> names;
  for (auto lang : langs) {
    const auto name = stemmer_name(lang);
    ASSERT_FALSE(name.empty()) << lang;
    EXPECT_NO_THROW(Xapian::Stem{std::string(name)}) << name;
    names.insert(name);
  }
  EXPECT_EQ(names.size(), 24u);
}

TEST(Stemmers, NamesByIsoCode) {
  EXPECT_EQ(stemmer_name("ru"), "russian");
  EXPECT_EQ(stemmer_name("nb"), "norwegian");
  EXPECT_EQ(stemmer_name("nn"), "norwegian");
  EXPECT_EQ(stemmer_name("pt-PT"), "portuguese");
  EXPECT_EQ(stemmer_name("az"), "");
  EXPECT_EQ(stemmer_name("zh"), "");
  EXPECT_EQ(stemmer_name(""), "");
}

TEST(Stemmers, LanguagesWithoutStemmerIndexUnstemmed) {
  Analyzer analyzer;
  auto tokens = analyzer.tokenize("Azərbaycanın", "az");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].stem, tokens[0].term);
}

}  // namespace
}  // namespace newsdex
