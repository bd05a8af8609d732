// Training the entity tagger (tagger.hpp) from documents annotated at document level, as the gold
// of tests/data/gold and core/entities/training/annotations are: every listed name of an entity
// is projected onto the tokens it matches (the longest match wins, case as written) and labelled
// with its type; then an averaged perceptron learns over tagger_features.hpp's features.
// Deterministic: the same documents and options give the same model, byte for byte.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "article.hpp"
#include "gazetteer.hpp"
#include "tagger.hpp"

namespace newsdex {

// One annotated document: its articles and, by EntityType, every name the annotators listed.
struct AnnotatedDocument {
  std::vector<Article> articles;
  std::array<std::vector<std::string>, 3> names;
  // Strings not to learn from: a region where one stands outside a longer name is left out.
  std::vector<std::string> ambiguous;
};

struct TrainingOptions {
  unsigned epochs = 5;          // passes over the regions, shuffled before each
  std::uint32_t seed = 11;      // of the shuffles (std::mt19937)
  unsigned min_count = 2;       // features seen fewer times in the data are not learned
  double scale = 8.0;           // averaged weights are multiplied by this and rounded...
  std::int32_t min_weight = 1;  // ...and those smaller than this (in absolute value) dropped
};

// The label of each token of `tokens` (over `text`) projected from annotation names, or
// kUnknownLabel where an ambiguous string stands or one name is listed under two types.
inline constexpr int kUnknownLabel = -1;
std::vector<int> project_names(std::span<const entity_text::Token> tokens,
                               const std::array<std::vector<std::string>, 3>& names,
                               std::span<const std::string> ambiguous);

struct TrainingReport {
  std::size_t regions = 0;        // (tagger_regions) learnt from
  std::size_t skipped = 0;        // left out for an ambiguous string
  std::size_t tokens = 0;         // in the regions learnt from
  std::size_t entity_tokens = 0;  // of them, labelled with a type
};

TaggerModel train_tagger(std::span<const AnnotatedDocument> documents, const Gazetteer& gazetteer,
                         const TrainingOptions& options = {}, TrainingReport* report = nullptr);

}  // namespace newsdex
