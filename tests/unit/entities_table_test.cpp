// The index-wide entity table: merging spellings across documents, keeping namesakes apart,
// reference counts under deletion, canonical-name changes and serialisation.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "entity_builders.hpp"
#include "entity_table.hpp"

namespace newsdex {
namespace {

using testing::entity;
using testing::person;

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

TEST(EntityTableTest, LookalikeLettersMergeAcrossDocuments) {
  // "Ilham Аliyev" with a Cyrillic А (a copy-paste or a spoof) is the Latin-spelled person.
  EntityTable table;
  const auto first = table.add_document({person("Ilham Aliyev", {"Ilham Aliyev"})});
  const auto second = table.add_document({person("Ilham \u0410liyev", {"Ilham \u0410liyev"})});
  EXPECT_EQ(id_of(first), id_of(second));
  const auto place = table.add_document({entity(EntityType::place, "P\u0430kistan")});
  const auto latin = table.add_document({entity(EntityType::place, "Pakistan")});
  EXPECT_EQ(id_of(place), id_of(latin));
  EXPECT_EQ(table.size(), 2u);
}

TEST(EntityTableTest, CyrillicNamesMergeWithTheirLatinSpellingWhichNamesTheRecord) {
  EntityTable table;
  const auto russian =
      table.add_document({person("Ильхам Алиев", {"Ильхам Алиев", "Ильхам Алиев"})});
  EXPECT_EQ(table.find(id_of(russian))->name, "Ильхам Алиев");  // the only form so far
  const auto english = table.add_document({person("Ilham Aliyev", {"Ilham Aliyev"})});
  const auto initial = table.add_document({person("И. Алиев", {"И. Алиев"})});
  EXPECT_EQ(id_of(russian), id_of(english));
  EXPECT_EQ(id_of(russian), id_of(initial));
  // Equally full forms: the one in Latin letters names the record, though mentioned less.
  EXPECT_EQ(table.find(id_of(russian))->name, "Ilham Aliyev");
  const auto other = table.add_document({person("Эльнур Алиев", {"Эльнур Алиев"})});
  EXPECT_NE(id_of(other), id_of(russian));
}

TEST(EntityTableTest, AliasesResolveAndListByPrefix) {
  EntityTable table;
  table.add_document({person("Ilham Aliyev", {"Ilham Aliyev", "Aliyev"})});
  table.add_document({person("Ilham Aliyev", {"Ilham Aliyev"})});
  table.add_document({person("Ali Karimli", {"Ali Karimli"})});
  table.add_document({entity(EntityType::org, "United Nations", {"United Nations", "UN"})});
  EXPECT_EQ(table.resolve(EntityType::person, "aliyev"), "Ilham Aliyev");
  EXPECT_EQ(table.resolve(EntityType::person, "Aliev"), "Ilham Aliyev");  // a spelling not seen
  EXPECT_EQ(table.resolve(EntityType::person, "I. Aliev"), "Ilham Aliyev");
  EXPECT_EQ(table.resolve(EntityType::person, "Elnur Aliyev"), std::nullopt);
  EXPECT_EQ(table.resolve(EntityType::org, "UN"), "United Nations");

  const auto ali = table.list(EntityType::person, "ALI", 10);
  ASSERT_EQ(ali.size(), 2u);
  EXPECT_EQ(ali[0]->name, "Ilham Aliyev");  // in two documents
  EXPECT_EQ(ali[1]->name, "Ali Karimli");
  EXPECT_EQ(table.list(EntityType::person, "kar", 10).size(), 1u);  // any word of the name
  EXPECT_EQ(table.list(EntityType::person, "", 1).size(), 1u);
  EXPECT_TRUE(table.list(EntityType::person, "lham", 10).empty());  // word starts only
  EXPECT_EQ(table.list(EntityType::org, "u", 10).size(), 1u);       // by an alias
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
  const auto c = table.add_document({person("Zahid Hafeez Chaudri", {"Zahid Hafeez Chaudri"})});
  EXPECT_EQ(c[0].name, "Zahid Hafeez Chaudri");
  const auto d = table.add_document({person("Zahid Hafeez Chaudhri", {"Zahid Hafeez Chaudhri"})});
  const auto e = table.add_document({person("Zahid Hafeez Chaudhri", {"Zahid Hafeez Chaudhri"})});
  EXPECT_EQ(e[0].name, "Zahid Hafeez Chaudhri");
  table.take_renames();
  // Deleting the Chaudhri documents brings the other spelling back.
  table.remove_document(e);
  table.remove_document(d);
  EXPECT_EQ(table.find(a[0].id)->name, "Zahid Hafeez Chaudri");
  auto renames = table.take_renames();
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(renames[0].old_name, "Zahid Hafeez Chaudhri");
  table.remove_document(c);
  table.remove_document(b);
  table.remove_document(a);
  EXPECT_EQ(table.size(), 0u);
  EXPECT_EQ(table.find(a[0].id), nullptr);
}

TEST(EntityTableTest, DeferredRenamesWaitForSettlingAndAFlipBackCostsNothing) {
  EntityTable table;
  table.defer_renames(0);
  const auto a = table.add_document({person("Zahid Hafeez Chaudri", {"Zahid Hafeez Chaudri"})});
  EXPECT_EQ(a[0].name, "Zahid Hafeez Chaudri") << "a new record is named at once";
  table.add_document({person("Zahid Hafeez Chaudhri", {"Zahid Hafeez Chaudhri"})});
  const auto c = table.add_document({person("Zahid Hafeez Chaudhri", {"Zahid Hafeez Chaudhri"})});
  EXPECT_EQ(c[0].name, "Zahid Hafeez Chaudri")
      << "the documents keep the name they were tagged with";
  EXPECT_TRUE(table.take_renames().empty());
  EXPECT_EQ(table.settle_names(), 1u);
  auto renames = table.take_renames();
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(renames[0].old_name, "Zahid Hafeez Chaudri");
  EXPECT_EQ(renames[0].new_name, "Zahid Hafeez Chaudhri");
  EXPECT_EQ(table.find(a[0].id)->name, "Zahid Hafeez Chaudhri");

  // Two more of the first spelling and one of the second: the name would flip and flip back.
  table.add_document({person("Zahid Hafeez Chaudri", {"Zahid Hafeez Chaudri"})});
  table.add_document({person("Zahid Hafeez Chaudri", {"Zahid Hafeez Chaudri"})});
  table.add_document({person("Zahid Hafeez Chaudhri", {"Zahid Hafeez Chaudhri"})});
  EXPECT_EQ(table.settle_names(), 0u);
  EXPECT_TRUE(table.take_renames().empty());

  // A table saved with a stale name (renames deferred, then a crash) settles after check_names.
  table.defer_renames(SIZE_MAX);
  table.add_document({person("Zahid Hafeez Chaudri", {"Zahid Hafeez Chaudri"})});
  table.take_renames();
  auto saved = table.serialise();
  auto record = nlohmann::json::parse(saved);
  for (auto& e : record["entities"]) e["name"] = "Zahid Hafeez Chaudhri";
  auto loaded = EntityTable::parse(record.dump());
  ASSERT_TRUE(loaded.ok());
  loaded->defer_renames(0);
  EXPECT_EQ(loaded->settle_names(), 0u) << "nothing marked yet";
  loaded->check_names();
  EXPECT_EQ(loaded->settle_names(), 1u);
  EXPECT_EQ(loaded->find(a[0].id)->name, "Zahid Hafeez Chaudri");
}

TEST(EntityTableTest, OnlyRenamesOfRecordsInManyDocumentsAreDeferred) {
  EntityTable table;
  table.defer_renames(2);
  const auto a = table.add_document({person("Farid Chaudri", {"Farid Chaudri"})});
  table.add_document({person("Farid Chaudhri", {"Farid Chaudhri"})});  // a tie: the longer form
  EXPECT_EQ(table.find(a[0].id)->name, "Farid Chaudhri") << "two documents: renamed at once";
  ASSERT_EQ(table.take_renames().size(), 1u);
  table.add_document({person("Farid Chaudri", {"Farid Chaudri"})});
  EXPECT_EQ(table.find(a[0].id)->name, "Farid Chaudhri") << "three documents: deferred";
  EXPECT_TRUE(table.take_renames().empty());
  EXPECT_EQ(table.settle_names(), 1u);
  EXPECT_EQ(table.find(a[0].id)->name, "Farid Chaudri");
}

TEST(EntityTableTest, ATieIsNamedAlikeWhateverTheOrderOfTheDocuments) {
  // Shards, or workers finishing in another order, feed the table in another order: the
  // canonical name must not depend on it. A tie goes to the longer spelling.
  const std::vector<std::string> spellings = {"Farid Chaudri", "Farid Chaudhri", "Farid Chaudri",
                                              "Farid Chaudhri"};
  std::vector<std::size_t> order = {0, 1, 2, 3};
  do {
    EntityTable table;
    std::vector<CanonicalEntity> last;
    for (const std::size_t i : order)
      last = table.add_document({person(spellings[i], {spellings[i]})});
    EXPECT_EQ(table.find(last[0].id)->name, "Farid Chaudhri");
  } while (std::next_permutation(order.begin(), order.end()));
  for (const bool british_first : {true, false}) {
    EntityTable orgs;
    std::vector<std::string> names = {"Velmora Cooperation Organisation",
                                      "Velmora Cooperation Organization"};
    if (!british_first) std::swap(names[0], names[1]);
    orgs.add_document({entity(EntityType::org, names[0])});
    const auto named = orgs.add_document({entity(EntityType::org, names[1])});
    ASSERT_EQ(orgs.size(), 1u);
    EXPECT_EQ(orgs.find(named[0].id)->name, "Velmora Cooperation Organisation");
  }
}

TEST(EntityTableTest, OrganisationsMergeByKeyAndAcronym) {
  EntityTable table;
  const auto a = table.add_document({entity(EntityType::org, "Economic Cooperation Organization",
                                            {"Economic Cooperation Organization", "ECO"})});
  const auto b = table.add_document({entity(EntityType::org, "Economic Cooperation Organisation")});
  const auto c = table.add_document({entity(EntityType::org, "ECO")});
  EXPECT_EQ(id_of(a), id_of(b));
  EXPECT_EQ(id_of(a), id_of(c));
  const auto d = table.add_document({entity(EntityType::org, "Ministry of Foreign Affairs")});
  const auto e = table.add_document({entity(EntityType::org, "Foreign Ministry")});
  EXPECT_EQ(id_of(d), id_of(e));
  EXPECT_NE(id_of(a), id_of(d));
}

TEST(EntityTableTest, SerialiseRoundTripKeepsIdsCountsAndMatching) {
  EntityTable table;
  const auto a =
      table.add_document({person("Ilham Aliyev", {"Ilham Aliyev", "Aliyev"}),
                          entity(EntityType::place, "Pakistan", {"Pakistan", "Pakistani"})});
  auto parsed = EntityTable::parse(table.serialise());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->size(), 2u);
  EXPECT_EQ(parsed->serialise(), table.serialise());
  const auto again = parsed->add_document({person("I. Aliev", {"I. Aliev"})});
  EXPECT_EQ(id_of(again), id_of(a));
  const auto fresh = parsed->add_document({entity(EntityType::place, "Armenia")});
  EXPECT_GT(id_of(fresh), std::max(a[0].id, a[1].id));
  EXPECT_FALSE(EntityTable::parse("{not json").ok());
  EXPECT_TRUE(EntityTable::parse("").ok());
}

}  // namespace
}  // namespace newsdex
