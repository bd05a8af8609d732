// Precision and recall of entity extraction plus canonicalisation against gold annotations
// (tests/data/gold/*.json: {"document": FILE, "person": [...], "org": [...], "place": [...]}),
// shared by the quality test and bench/entities. All documents go through one EntityTable, as in
// the indexer; a gold name matches a found entity when it is its canonical name or one of its
// aliases in the table.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "entities.hpp"
#include "result.hpp"

namespace newsdex {

struct EntityScore {
  unsigned true_positives = 0;
  unsigned false_positives = 0;
  unsigned false_negatives = 0;
  std::vector<std::string> missed;  // "doc: name", for people reading the report
  std::vector<std::string> spurious;
  double precision() const;
  double recall() const;
};

// Indexed by EntityType (person, org, place).
using EntityScores = std::array<EntityScore, 3>;

Result<EntityScores> evaluate_entities(const EntityExtractor& extractor,
                                       const std::filesystem::path& documents_dir,
                                       const std::filesystem::path& gold_dir);

}  // namespace newsdex
