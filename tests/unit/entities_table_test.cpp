// The index-wide entity table: merging spellings across documents, keeping namesakes apart,
// reference counts under deletion, canonical-name changes and serialisation.
#include <gtest/gtest.h>

#include "entity_table.hpp"

namespace newsdex {
namespace {

Entity person(std::string name, std::vector<std::string> forms) {
  Entity e{EntityType::person, std::move(name), {}};
  for (auto& f : forms) e.mentions.push_back(Mention{f, f, Field::body, 0});
  return e;
}

Entity other(EntityType type, std::string name, std::vector<std::string> forms = {}) {
  if (forms.empty()) forms.push_back(name);
  Entity e{type, std::move(name), {}};
  for (auto& f : forms) e.mentions.push_back(Mention{f, f, Field::body, 0});
  return e;
}

std::uint64_t id_of(const std::vector<CanonicalEntity>& found, std::size_t i = 0) {
  return found.at(i).id;
}

TEST(EntityTableTest, TransliterationVariantsMerge) {
  struct Case {
    const char* a;
    const char* b;
  };
  const Case cases[] = {
      {"Zahid Hafeez Chaudri", "Zahid Hafeez Chaudhri"}, {"Ilham Aliyev", "I. Aliev"},
      {"Qamar Javed Bajwa", "Qamar Javid Bajwa"},        {"Nawaz Sharif", "Nevaz Sharif"},
      {"Shah Mehmood Qureshi", "Mahmood Qureshi"},       {"Syed Athar Ali", "Syed Ather Ali"}};
  for (const Case& c : cases) {
    EntityTable table;
    const auto first = table.add_document({person(c.a, {c.a})});
    const auto second = table.add_document({person(c.b, {c.b})});
    EXPECT_EQ(id_of(first), id_of(second)) << c.a << " / " << c.b;
    EXPECT_EQ(table.size(), 1u);
  }
}

TEST(EntityTableTest, NamesakesStayDistinct) {
  struct Case {
    const char* a;
    const char* b;
  };
  const Case cases[] = {{"Ilham Aliyev", "Elnur Aliyev"},
                        {"Ali Alizada", "Nazrin Alizada"},
                        {"Imran Khan", "Aziz Khan"}};
  for (const Case& c : cases) {
    EntityTable table;
    const auto first = table.add_document({person(c.a, {c.a})});
    const auto second = table.add_document({person(c.b, {c.b})});
    EXPECT_NE(id_of(first), id_of(second)) << c.a << " / " << c.b;
    EXPECT_NE(first[0].name, second[0].name);
  }
}

TEST(EntityTableTest, ABareSurnameJoinsOnlyAnUnambiguousPerson) {
  EntityTable table;
  const auto ilham = table.add_document({person("Ilham Aliyev", {"Ilham Aliyev"})});
  EXPECT_EQ(id_of(table.add_document({person("Aliyev", {"Aliyev"})})), id_of(ilham));
  table.add_document({person("Elnur Aliyev", {"Elnur Aliyev"})});
  const auto bare = table.add_document({person("Aliyev", {"Aliyev"})});
  EXPECT_NE(id_of(bare), id_of(ilham));
}

TEST(EntityTableTest, InitialsFirstThenFullNameBecomesCanonicalAndIsReported) {
  EntityTable table;
  const auto first = table.add_document({person("I. Aliev", {"I. Aliev", "Aliev"})});
  EXPECT_EQ(first[0].name, "I. Aliev");
  const auto second = table.add_document({person("Ilham Aliyev", {"Ilham Aliyev"})});
  EXPECT_EQ(id_of(first), id_of(second));
  EXPECT_EQ(second[0].name, "Ilham Aliyev");
  const auto renames = table.take_renames();
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(renames[0].old_name, "I. Aliev");
  EXPECT_EQ(renames[0].new_name, "Ilham Aliyev");
  EXPECT_TRUE(table.take_renames().empty());
  EXPECT_EQ(table.resolve(EntityType::person, "i. aliev"), "Ilham Aliyev");
}

TEST(EntityTableTest, MostFrequentFullFormWinsAndDeletionsCountDown) {
  EntityTable table;
  const auto a = table.add_document({person("Zahid Hafeez Chaudri", {"Zahid Hafeez Chaudri"})});
  const auto b = table.add_document({person("Zahid Hafeez Chaudhri", {"Zahid Hafeez Chaudhri"})});
  EXPECT_EQ(b[0].name, "Zahid Hafeez Chaudri");  // a tie keeps the current name
  const auto c = table.add_document({person("Zahid Hafeez Chaudhri", {"Zahid Hafeez Chaudhri"})});
  EXPECT_EQ(c[0].name, "Zahid Hafeez Chaudhri");
  auto renames = table.take_renames();
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(renames[0].new_name, "Zahid Hafeez Chaudhri");
  // Deleting both Chaudhri documents brings the other spelling back.
  table.remove_document(c);
  table.remove_document(b);
  EXPECT_EQ(table.find(a[0].id)->name, "Zahid Hafeez Chaudri");
  EXPECT_EQ(table.find(a[0].id)->docs, 1u);
  renames = table.take_renames();
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(renames[0].old_name, "Zahid Hafeez Chaudhri");
  table.remove_document(a);
  EXPECT_EQ(table.size(), 0u);
  EXPECT_EQ(table.find(a[0].id), nullptr);
}

TEST(EntityTableTest, OrganisationsMergeByKeyAndAcronym) {
  EntityTable table;
  const auto a = table.add_document({other(EntityType::org, "Economic Cooperation Organization",
                                           {"Economic Cooperation Organization", "ECO"})});
  const auto b = table.add_document({other(EntityType::org, "Economic Cooperation Organisation")});
  const auto c = table.add_document({other(EntityType::org, "ECO")});
  EXPECT_EQ(id_of(a), id_of(b));
  EXPECT_EQ(id_of(a), id_of(c));
  const auto d = table.add_document({other(EntityType::org, "Ministry of Foreign Affairs")});
  const auto e = table.add_document({other(EntityType::org, "Foreign Ministry")});
  EXPECT_EQ(id_of(d), id_of(e));
  EXPECT_NE(id_of(a), id_of(d));
}

TEST(EntityTableTest, SerialiseRoundTripKeepsIdsCountsAndMatching) {
  EntityTable table;
  const auto a =
      table.add_document({person("Ilham Aliyev", {"Ilham Aliyev", "Aliyev"}),
                          other(EntityType::place, "Pakistan", {"Pakistan", "Pakistani"})});
  auto parsed = EntityTable::parse(table.serialise());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->size(), 2u);
  EXPECT_EQ(parsed->serialise(), table.serialise());
  const auto again = parsed->add_document({person("I. Aliev", {"I. Aliev"})});
  EXPECT_EQ(id_of(again), id_of(a));
  const auto fresh = parsed->add_document({other(EntityType::place, "Armenia")});
  EXPECT_GT(id_of(fresh), std::max(a[0].id, a[1].id));
  EXPECT_FALSE(EntityTable::parse("{not json").ok());
  EXPECT_TRUE(EntityTable::parse("").ok());
}

}  // namespace
}  // namespace newsdex
