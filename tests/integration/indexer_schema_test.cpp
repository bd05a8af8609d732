// An index written by an older schema is rebuilt from the documents on start; one from a newer
// newsdex is refused with a message that says so.
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>

#include "indexer.hpp"
#include "schema.hpp"
#include "test_support.hpp"

namespace newsdex::testing {
namespace {

Config make_index_with_version(const TempDir& dir, const std::string& version) {
  write_file(
      dir / "docs" / "world" / "a.json",
      nlohmann::json{{"title", "Harbour news"}, {"lang", "en"}, {"body", "The harbour."}}.dump());
  Xapian::WritableDatabase db((dir / "index").string(), Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document stale;
  stale.add_boolean_term(schema::id_term("gone.txt"));
  db.add_document(stale);
  db.set_metadata(schema::kMetaSchemaVersion, version);
  db.commit();
  Config config;
  config.paths.docs = dir / "docs";
  config.paths.index = dir / "index";
  return config;
}

TEST(IndexerSchema, OlderIndexIsRebuiltFromTheDocuments) {
  TempDir dir;
  const Config config = make_index_with_version(dir, "1");
  auto counters = index_once(config);
  ASSERT_TRUE(counters.ok()) << counters.error().message;
  Xapian::Database db((dir / "index").string());
  EXPECT_EQ(db.get_metadata(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
  EXPECT_EQ(db.get_doccount(), 1u);  // the stale document went with the old schema
  EXPECT_EQ(db.get_termfreq(schema::id_term("gone.txt")), 0u);
  auto doc = db.get_document(*db.postlist_begin(schema::id_term("world/a.json")));
  EXPECT_EQ(doc.get_value(schema::kSlotFolder), "world");
  EXPECT_EQ(doc.get_value(schema::kSlotType), "application/json");
}

TEST(IndexerSchema, NewerIndexIsRefusedUntouched) {
  TempDir dir;
  const Config config = make_index_with_version(dir, "99");
  auto counters = index_once(config);
  ASSERT_FALSE(counters.ok());
  EXPECT_NE(counters.error().message.find("newer"), std::string::npos) << counters.error().message;
  Xapian::Database db((dir / "index").string());
  EXPECT_EQ(db.get_metadata(schema::kMetaSchemaVersion), "99");
  EXPECT_EQ(db.get_doccount(), 1u);
}

}  // namespace
}  // namespace newsdex::testing
