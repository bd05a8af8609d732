// Extraction quality on the seed articles against our own gold annotations (tests/data/gold).
#include <gtest/gtest.h>

#include <iostream>

#include "entity_eval.hpp"
#include "test_support.hpp"

namespace newsdex {
namespace {

TEST(EntitiesQualityTest, SeedsMeetPrecisionAndRecallTargets) {
  NEWSDEX_REQUIRE_CORPUS(seeds, "seeds");
  const EntityExtractor extractor;
  const auto scores =
      evaluate_entities(extractor, seeds, testing::source_dir() / "tests/data/gold");
  ASSERT_TRUE(scores.ok()) << scores.error().message;
  for (EntityType type : {EntityType::person, EntityType::org, EntityType::place}) {
    const EntityScore& s = (*scores)[static_cast<std::size_t>(type)];
    std::cout << to_string(type) << ": precision " << s.precision() << " recall " << s.recall()
              << " (tp " << s.true_positives << ", fp " << s.false_positives << ", fn "
              << s.false_negatives << ")\n";
    for (const auto& m : s.missed) std::cout << "  missed   " << m << '\n';
    for (const auto& m : s.spurious) std::cout << "  spurious " << m << '\n';
    EXPECT_GE(s.precision(), 0.85) << to_string(type);
    EXPECT_GE(s.recall(), 0.80) << to_string(type);
  }
}

}  // namespace
}  // namespace newsdex
