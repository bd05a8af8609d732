// The entity tagger's model (tagger.hpp): its text format, Viterbi decoding under the BIO
// constraint, and the model compiled into newsdex tagging a made-up text.
#include "tagger.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "entities.hpp"

namespace newsdex {
namespace {

// Features by hand: token i has the features of names[i].
TokenFeatures hand_features(const std::vector<std::vector<std::string>>& names) {
  TokenFeatures f;
  for (const auto& token : names) {
    f.offsets.push_back(static_cast<std::uint32_t>(f.hashes.size()));
    for (const auto& name : token) f.hashes.push_back(feature_hash(name));
  }
  f.offsets.push_back(static_cast<std::uint32_t>(f.hashes.size()));
  f.regions.push_back(TagRegion{0, names.size()});
  return f;
}

TEST(TaggerTest, SerialisesAndParsesBackTheSameModel) {
  TaggerModel model;
  model.row(model.add(feature_hash("w=velmora")))[begin_label(EntityType::place)] = 12;
  model.row(model.add(feature_hash("given")))[begin_label(EntityType::person)] = -3;
  model.transition(kTagLabels, kOutside) = 5;
  const std::string text = model.serialise();
  const auto parsed = TaggerModel::parse(text);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed.value().features(), 2u);
  EXPECT_EQ(parsed.value().serialise(), text);
}

TEST(TaggerTest, RefusesWhatIsNotAModel) {
  EXPECT_FALSE(TaggerModel::parse("").ok());
  EXPECT_FALSE(TaggerModel::parse("newsdex-tagger 2\n").ok());
  TaggerModel model;
  model.row(model.add(feature_hash("w=velmora")))[1] = 4;
  std::string text = model.serialise();
  EXPECT_FALSE(TaggerModel::parse(text + "zz 1:2\n").ok());
  EXPECT_FALSE(TaggerModel::parse(text + "1234 9:2\n").ok());  // no label 9
}

TEST(TaggerTest, DecodesTheBestSequenceThatKeepsBioOrder) {
  TaggerModel model;
  const auto org = begin_label(EntityType::org);
  // "inside" wants I-org most, but I-org may only follow B-org or I-org.
  const std::size_t inside = model.add(feature_hash("inside"));
  model.row(inside)[org + 1] = 10;
  model.row(inside)[org] = 2;
  model.row(model.add(feature_hash("start")))[org] = 3;
  model.row(model.add(feature_hash("plain")))[kOutside] = 20;
  const auto f = hand_features({{"plain"}, {"inside"}, {"start"}, {"inside"}, {"inside"}});
  std::vector<TagLabel> labels(5);
  std::vector<std::int32_t> margins(5);
  model.decode(f, 0, 5, labels, margins);
  // The lone "inside" after O must begin the name itself.
  EXPECT_EQ(labels,
            (std::vector<TagLabel>{kOutside, org, org, TagLabel(org + 1), TagLabel(org + 1)}));
  EXPECT_EQ(margins[0], 0);
  EXPECT_EQ(margins[3], 10);
}

TEST(TaggerTest, TheCompiledInModelLoads) {
  const auto model = TaggerModel::parse(tagger_data::model());
  ASSERT_TRUE(model.ok()) << model.error().message;
  EXPECT_GT(model.value().features(), 1000u);
  EXPECT_FALSE(EntityExtractor().tagger().empty());
}

TEST(TaggerTest, TagsAMadeUpTextSensibly) {
  const EntityExtractor extractor;
  Article article;
  article.body =
      "Mara Holt, a lawyer from Texas, was hired by the Orvane Mining Company on Monday. "
      "\"We needed her,\" said Dunstan Pell, who runs the company. Holt starts in March.";
  const auto entities = extractor.extract(article);
  const auto has = [&](EntityType type, std::string_view name) {
    return std::any_of(entities.begin(), entities.end(),
                       [&](const Entity& e) { return e.type == type && e.name == name; });
  };
  EXPECT_TRUE(has(EntityType::person, "Mara Holt"));
  EXPECT_TRUE(has(EntityType::person, "Dunstan Pell"));
  EXPECT_TRUE(has(EntityType::org, "Orvane Mining Company"));
  EXPECT_TRUE(has(EntityType::place, "Texas"));
  // "Holt" alone is the Mara Holt named before, and no weekday or month is an entity.
  EXPECT_FALSE(has(EntityType::person, "Holt"));
  for (const Entity& e : entities) {
    EXPECT_NE(e.name, "Monday");
    EXPECT_NE(e.name, "March");
  }
}

TEST(TaggerTest, DocumentsInOtherLanguagesKeepTheRules) {
  // The tagger learnt English: a German document is read by the rules alone.
  const EntityExtractor tagged;
  const EntityExtractor rules{TaggerModel{}};
  Article article;
  article.body =
      "Mara Holt, Sprecherin der Orvane Bergbau AG, sagte am Montag in Velmora, die Gespräche "
      "mit Dunstan Pell seien beendet.";
  const auto names = [](const std::vector<Entity>& entities) {
    std::vector<std::string> out;
    for (const Entity& e : entities) out.push_back(std::string(to_string(e.type)) + ":" + e.name);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(names(tagged.extract(article, "de")), names(rules.extract(article, "de")));
}

}  // namespace
}  // namespace newsdex
