// Training the entity tagger (tagger_training.hpp): projecting document-level annotations onto
// tokens, and learning a model, deterministically, from a tiny invented corpus.
#include "tagger_training.hpp"

#include <gtest/gtest.h>

#include "entities.hpp"

namespace newsdex {
namespace {

const Gazetteer& gazetteer() {
  static const Gazetteer kGazetteer;
  return kGazetteer;
}

constexpr int kPerson = begin_label(EntityType::person);
constexpr int kOrg = begin_label(EntityType::org);
constexpr int kPlace = begin_label(EntityType::place);

std::vector<int> project(std::string_view text,
                         const std::array<std::vector<std::string>, 3>& names,
                         std::vector<std::string> ambiguous = {}) {
  return project_names(entity_text::tokenize(text), names, ambiguous);
}

TEST(TaggerTrainingTest, ProjectsEveryListedNameLongestFirst) {
  // Mara Holt of Velmora Bank met Holt in Velmora
  const auto labels = project("Mara Holt of Velmora Bank met Holt in Velmora",
                              {{{"Mara Holt", "Holt"}, {"Velmora Bank"}, {"Velmora"}}});
  EXPECT_EQ(labels, (std::vector<int>{kPerson, kPerson + 1, kOutside, kOrg, kOrg + 1, kOutside,
                                      kPerson, kOutside, kPlace}));
}

TEST(TaggerTrainingTest, MatchesCaseAsWritten) {
  // "mill" in lower case is not the "Mill" of the annotation.
  const auto labels = project("Mill bought the mill", {{{"Mill"}, {}, {}}});
  EXPECT_EQ(labels, (std::vector<int>{kPerson, kOutside, kOutside, kOutside}));
}

TEST(TaggerTrainingTest, AmbiguousStringsAndNamesOfTwoTypesAreNotLearnt) {
  const auto labels =
      project("Corvin went to Corvin with Ash", {{{"Corvin"}, {}, {"Corvin"}}}, {"Ash"});
  EXPECT_EQ(labels, (std::vector<int>{kUnknownLabel, kOutside, kOutside, kUnknownLabel, kOutside,
                                      kUnknownLabel}));
}

std::vector<AnnotatedDocument> invented_corpus() {
  const char* bodies[] = {
      "Mara Holt met the Velmora Council in Dresk. Holt said the Velmora Council had agreed.",
      "The Velmora Council asked Tobin Reyes to visit Dresk. Reyes refused.",
      "In Dresk, Mara Holt and Tobin Reyes spoke. Later Holt left Dresk for Quill.",
      "Quill is far from Dresk. The Velmora Council never went to Quill.",
  };
  std::vector<AnnotatedDocument> docs;
  for (const char* body : bodies) {
    AnnotatedDocument doc;
    Article article;
    article.body = body;
    doc.articles.push_back(article);
    doc.names = {
        {{"Mara Holt", "Holt", "Tobin Reyes", "Reyes"}, {"Velmora Council"}, {"Dresk", "Quill"}}};
    docs.push_back(std::move(doc));
  }
  return docs;
}

TEST(TaggerTrainingTest, TrainingIsDeterministic) {
  const auto docs = invented_corpus();
  TrainingOptions options;
  options.min_count = 1;
  TrainingReport report;
  const std::string first = train_tagger(docs, gazetteer(), options, &report).serialise();
  EXPECT_EQ(train_tagger(docs, gazetteer(), options).serialise(), first);
  EXPECT_GT(report.regions, 0u);
  EXPECT_GT(report.entity_tokens, 0u);
  options.seed += 1;  // another order of the same data learns another model
  EXPECT_NE(train_tagger(docs, gazetteer(), options).serialise(), first);
}

TEST(TaggerTrainingTest, TheModelLearnsItsTrainingText) {
  TrainingOptions options;
  options.min_count = 1;
  const auto docs = invented_corpus();
  const TaggerModel model = train_tagger(docs, gazetteer(), options);
  ASSERT_FALSE(model.empty());
  const EntityExtractor extractor(model);
  const auto entities = extractor.extract(docs[0].articles[0]);
  const auto has = [&](EntityType type, std::string_view name) {
    return std::any_of(entities.begin(), entities.end(),
                       [&](const Entity& e) { return e.type == type && e.name == name; });
  };
  EXPECT_TRUE(has(EntityType::person, "Mara Holt"));
  EXPECT_TRUE(has(EntityType::place, "Dresk"));
}

}  // namespace
}  // namespace newsdex
