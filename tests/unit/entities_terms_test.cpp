// Storing entities in the index: filter terms, facet values, document data, re-tagging after a
// canonical-name change, the table in the metadata, and the --explain report.
#include <gtest/gtest.h>

#include <algorithm>

#include "entity_builders.hpp"
#include "entity_explain.hpp"
#include "entity_terms.hpp"
#include "schema.hpp"
#include "stored_record.hpp"
#include "test_support.hpp"

namespace newsdex {
namespace {

using testing::person;

Xapian::docid index_document(Xapian::WritableDatabase& db, EntityTable& table,
                             const std::vector<Entity>& entities) {
  Xapian::Document doc;
  nlohmann::json data = nlohmann::json::object();
  add_entities(doc, data, table.add_document(entities));
  doc.set_data(stored_record::encode(data));
  return db.add_document(doc);
}

TEST(EntityTermsTest, TermsValuesAndDataDescribeTheDocument) {
  EntityTable table;
  Xapian::Document doc;
  nlohmann::json data = nlohmann::json::object();
  const auto resolved = table.add_document(
      {person("Ilham Aliyev", {"Ilham Aliyev", "Aliyev"}),
       Entity{EntityType::place, "Bogotá", {{"Bogotá", "Bogotá", Field::body, 0}}},
       Entity{EntityType::place,
              "Pakistan",
              {{"Pakistan", "Pakistan", Field::body, 0},
               {"Pakistani", "Pakistani", Field::body, 9}}}});
  add_entities(doc, data, resolved);
  std::vector<std::string> terms(doc.termlist_begin(), doc.termlist_end());
  EXPECT_NE(std::find(terms.begin(), terms.end(), "XPERSON:ilham aliyev"), terms.end());
  EXPECT_NE(std::find(terms.begin(), terms.end(), "XPLACE:bogota"), terms.end());  // folded
  EXPECT_EQ(doc.get_value(schema::kSlotPlaces), "Pakistan\nBogotá");               // by count
  EXPECT_EQ(doc.get_value(schema::kSlotPersons), "Ilham Aliyev");
  EXPECT_TRUE(doc.get_value(schema::kSlotOrgs).empty());
  const auto& person_data = data["entities"]["person"][0];
  EXPECT_EQ(person_data["name"], "Ilham Aliyev");
  EXPECT_EQ(person_data["count"], 2);
  EXPECT_EQ(data["entities"]["org"].size(), 0u);
  // What the data stores is enough to undo the document.
  const auto stored = entities_from_data(data);
  ASSERT_EQ(stored.size(), 3u);
  table.remove_document(stored);
  EXPECT_EQ(table.size(), 0u);
}

TEST(EntityTermsTest, RenamesRetagEarlierDocuments) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  EntityTable table;
  const auto first = index_document(db, table, {person("I. Aliev", {"I. Aliev"})});
  EXPECT_EQ(db.get_termfreq("XPERSON:i. aliev"), 1u);
  index_document(db, table, {person("Ilham Aliyev", {"Ilham Aliyev"})});
  const auto changed = apply_entity_renames(db, table.take_renames());
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(*changed, 1u);
  EXPECT_EQ(db.get_termfreq("XPERSON:i. aliev"), 0u);
  EXPECT_EQ(db.get_termfreq("XPERSON:ilham aliyev"), 2u);
  const Xapian::Document doc = db.get_document(first);
  EXPECT_EQ(doc.get_value(schema::kSlotPersons), "Ilham Aliyev");
  const auto decoded = stored_record::decode(doc.get_data(), stored_record::kEntities);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  const auto& data = decoded->fields;
  EXPECT_EQ(data["entities"]["person"][0]["name"], "Ilham Aliyev");
  // The re-tagged document still removes cleanly.
  table.remove_document(entities_from_data(data));
  EXPECT_EQ(table.find(data["entities"]["person"][0]["id"].get<std::uint64_t>())->docs, 1u);
}

TEST(EntityTermsTest, TableRoundTripsThroughPerRecordMetadata) {
  testing::TempDir tmp;  // on disk: the in-memory backend cannot list metadata keys
  Xapian::WritableDatabase db((tmp / "index").string(), Xapian::DB_CREATE);
  EntityTable table;
  std::vector<std::vector<CanonicalEntity>> stored;
  for (int i = 0; i < 2000; ++i) {
    // Distinct surnames spread over many lookup buckets, as real names are.
    // Different given names too, so no two of them can be one person.
    std::string letters = {char('a' + i % 26), char('a' + i / 26 % 26), char('a' + i / 676 % 26)};
    const std::string name = "Ka" + letters + "im " + char('A' + i % 26) + letters + "ovski";
    stored.push_back(table.add_document({person(name, {name})}));
  }
  ASSERT_TRUE(save_entity_table(db, table).ok());
  auto loaded = load_entity_table(db);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->serialise(), table.serialise());

  EXPECT_TRUE(table.take_changed().empty());  // the save took every change

  // Removing the only document of a record changes that record alone; the save clears its key.
  const auto single = std::ranges::find_if(
      stored, [&](const auto& entities) { return table.find(entities[0].id)->docs == 1; });
  ASSERT_NE(single, stored.end());
  const auto id = (*single)[0].id;
  const auto records = table.size();
  table.remove_document(*single);
  EXPECT_EQ(table.take_changed(), std::vector<std::uint64_t>{id});
  table.remove_document({});  // nothing
  EXPECT_TRUE(table.take_changed().empty());
  ASSERT_TRUE(load_entity_table(db).ok());
  auto fresh = load_entity_table(db);
  fresh->remove_document(*single);
  ASSERT_TRUE(save_entity_table(db, *fresh).ok());
  EXPECT_EQ(db.get_metadata(kMetaEntityRecord + std::to_string(id)), "");
  auto reloaded = load_entity_table(db);
  ASSERT_TRUE(reloaded.ok());
  EXPECT_EQ(reloaded->size(), records - 1);
  EXPECT_EQ(reloaded->serialise(), table.serialise());
}

TEST(EntityTermsTest, ExplainListsMetadataAndSurfaceForms) {
  Article article;
  article.title = "Talks in Baku";
  article.byline = "Rick Rozoff";
  article.date = Date{2021, 6, 20};
  const std::vector<Entity> entities = {person("Ilham Aliyev", {"Ilham Aliyev", "I. Aliev"})};
  const std::string report = explain_document(article, "en", {"en", "ru"}, entities);
  EXPECT_NE(report.find("Talks in Baku"), std::string::npos);
  EXPECT_NE(report.find("2021-06-20"), std::string::npos);
  EXPECT_NE(report.find("Rick Rozoff"), std::string::npos);
  EXPECT_NE(report.find("ru"), std::string::npos);
  EXPECT_NE(report.find("Ilham Aliyev  x2"), std::string::npos);
  EXPECT_NE(report.find("\"I. Aliev\""), std::string::npos);
}

}  // namespace
}  // namespace newsdex
