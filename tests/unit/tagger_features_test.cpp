// The entity tagger's features (tagger_features.hpp): which tokens it reads, what it sees in them,
// and that the hashes it learns and tags with are the hashes of the names it reports.
#include "tagger_features.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace newsdex {
namespace {

const Gazetteer& gazetteer() {
  static const Gazetteer kGazetteer;  // built once: it takes a moment
  return kGazetteer;
}

struct Tagged {
  std::string text;
  std::vector<entity_text::Token> tokens;
  TokenFeatures features;
};

Tagged features_of(std::string text) {
  Tagged t{std::move(text), {}, {}};
  MentionFinder finder(gazetteer(), t.text);
  const auto rules = finder.run();
  t.tokens = finder.tokens();
  t.features = tagger_features(t.tokens, t.text, gazetteer(), rules, /*keep_names=*/true);
  return t;
}

std::vector<std::string> names_at(const Tagged& t, std::size_t token) {
  const auto from = t.features.offsets[token];
  const auto to = t.features.offsets[token + 1];
  return {t.features.names.begin() + from, t.features.names.begin() + to};
}

bool has(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string region_text(const Tagged& t, const TagRegion& r) {
  return t.text.substr(t.tokens[r.begin].begin, t.tokens[r.end - 1].end - t.tokens[r.begin].begin);
}

TEST(TaggerFeaturesTest, RegionsAreCapitalisedRunsWithTheirJoiningWords) {
  const Tagged t = features_of(
      "The League of Women Voters met in Velmora. However, nobody came. It rained on Tuesday.");
  std::vector<std::string> regions;
  for (const TagRegion& r : t.features.regions) regions.push_back(region_text(t, r));
  // "The" opens the region of the name after it; "However" and "It" alone are not tagged.
  EXPECT_EQ(regions,
            (std::vector<std::string>{"The League of Women Voters", "Velmora", "Tuesday"}));
}

TEST(TaggerFeaturesTest, TokensOutsideRegionsHaveNoFeatures) {
  const Tagged t = features_of("nobody here said anything to Mara Holt today");
  ASSERT_EQ(t.features.offsets.size(), t.tokens.size() + 1);
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    const bool in_name = i == 5 || i == 6;  // "Mara", "Holt"
    EXPECT_EQ(t.features.of(i).empty(), !in_name) << i;
  }
}

TEST(TaggerFeaturesTest, AbbreviationsDoNotEndTheSentence) {
  const Tagged t = features_of("They flew to St. Louis. Then home.");
  const auto starts = tagger_sentence_starts(t.tokens);
  // They flew to St Louis | Then home
  EXPECT_EQ(starts, (std::vector<bool>{true, false, false, false, false, true, false}));
}

TEST(TaggerFeaturesTest, WordShapeNeighboursAndWordLists) {
  const Tagged t = features_of("On Monday Gov. Mara Holt visited Velmora, Texas.");
  // On Monday Gov Mara Holt visited Velmora Texas
  const auto mara = names_at(t, 3);
  EXPECT_TRUE(has(mara, "w=mara"));
  EXPECT_TRUE(has(mara, "w-1=gov"));
  EXPECT_TRUE(has(mara, "w+1=holt"));
  EXPECT_TRUE(has(mara, "s=Xxx"));
  EXPECT_TRUE(has(mara, "s-1=Xxx."));  // the title's dot
  EXPECT_TRUE(has(mara, "given"));
  EXPECT_TRUE(has(mara, "title-1"));
  EXPECT_TRUE(has(mara, "cap.inner"));
  const auto texas = names_at(t, 7);
  EXPECT_TRUE(has(texas, "gaz=place.B"));
  EXPECT_TRUE(has(texas, "comma-1"));
  EXPECT_TRUE(has(texas, "w+1=</s>"));
}

TEST(TaggerFeaturesTest, HashesAreTheHashesOfTheNames) {
  const Tagged t = features_of("Mara Holt of the Orvane Mining Company spoke in Velmora.");
  ASSERT_EQ(t.features.names.size(), t.features.hashes.size());
  ASSERT_FALSE(t.features.hashes.empty());
  for (std::size_t k = 0; k < t.features.names.size(); ++k)
    EXPECT_EQ(t.features.hashes[k], feature_hash(t.features.names[k])) << t.features.names[k];
  // Without the names, the same hashes: training (names off) and tests see one feature set.
  MentionFinder finder(gazetteer(), t.text);
  const auto rules = finder.run();
  EXPECT_EQ(tagger_features(finder.tokens(), t.text, gazetteer(), rules).hashes, t.features.hashes);
}

}  // namespace
}  // namespace newsdex
