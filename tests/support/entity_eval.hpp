// Precision and recall of entity extraction plus canonicalisation against gold annotations
// (tests/data/gold/**/*.json: {"document": FILE, "split": "dev"|"test", "person": [...], "org":
// [...], "place": [...]}, an entity being a name or a list of its names, canonical first), shared
// by the quality test and bench/entities. All documents go through one EntityTable, as in the
// indexer; a found entity matches a gold one when its canonical name is one of the gold names, or
// a gold name resolves to it through the table's aliases.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
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
  double f1() const;
};

// Indexed by EntityType (person, org, place).
using EntityScores = std::array<EntityScore, 3>;

// Scores the gold files of gold_dir (not its subfolders) whose "split" is `split` (every file when
// empty). Fails when a gold file or its document cannot be read, or when none is selected.
Result<EntityScores> evaluate_entities(const EntityExtractor& extractor,
                                       const std::filesystem::path& documents_dir,
                                       const std::filesystem::path& gold_dir,
                                       std::string_view split = {});

}  // namespace newsdex
