// An index written by an older schema is rebuilt from the documents on start (schema 2's JSON
// records included, even for files unchanged since); one from a newer newsdex is refused with a
// message that says so.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <xapian.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "indexer.hpp"
#include "indexer_runs.hpp"
#include "schema.hpp"
#include "sha256.hpp"
#include "stored_record.hpp"
#include "test_support.hpp"

namespace newsdex::testing {
namespace {

// Marks the index with a schema version, commits it and returns the config of dir.
Config finish_index(Xapian::WritableDatabase& db, const TempDir& dir, const std::string& version) {
  db.set_metadata(schema::kMetaSchemaVersion, version);
  db.commit();
  return config_in(dir.path());
}

Config make_index_with_version(const TempDir& dir, const std::string& version) {
  write_file(
      dir / "docs" / "world" / "a.json",
      nlohmann::json{{"title", "Harbour news"}, {"lang", "en"}, {"body", "The harbour."}}.dump());
  Xapian::WritableDatabase db((dir / "index").string(), Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document stale;
  stale.add_boolean_term(schema::id_term("gone.txt"));
  db.add_document(stale);
  return finish_index(db, dir, version);
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

// An index holding world/a.txt as schema 2 stored it (its fields as JSON text), with the values
// that tell the indexer the file has not changed since: only the schema version makes it re-read.
Config make_json_record_index(const TempDir& dir, const std::string& version) {
  const std::string text = "Harbour news\n\nThe harbour reopened.\n";
  write_file(dir / "docs" / "world" / "a.txt", text);
  const auto file = (dir / "docs" / "world" / "a.txt").string();
  const timespec times[2] = {{1'600'000'000, 0}, {1'600'000'000, 0}};  // long before indexing
  EXPECT_EQ(::utimensat(AT_FDCWD, file.c_str(), times, 0), 0);
  const auto indexed_at = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
  Xapian::WritableDatabase db((dir / "index").string(), Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document doc;
  doc.add_boolean_term(schema::id_term("world/a.txt"));
  doc.add_boolean_term(schema::file_term("world/a.txt"));
  doc.add_value(schema::kSlotSourcePath, "world/a.txt");
  doc.add_value(schema::kSlotSize, std::to_string(text.size()));
  doc.add_value(schema::kSlotMtime, std::to_string(1'600'000'000'000'000'000));
  doc.add_value(schema::kSlotSha256, sha256_hex(text));
  doc.add_value(schema::kSlotIndexedAt, std::to_string(indexed_at));
  doc.set_data(nlohmann::json{
      {"body", "The harbour reopened."}, {"path", "world/a.txt"}, {"title", "Harbour news"}}
                   .dump());
  db.add_document(doc);
  return finish_index(db, dir, version);
}

Result<nlohmann::json> stored_fields(const TempDir& dir, const std::string& id) {
  Xapian::Database db((dir / "index").string());
  EXPECT_EQ(db.get_doccount(), 1u);
  return stored_record::decode_all(db.get_document(*db.postlist_begin(schema::id_term(id))));
}

TEST(IndexerSchema, JsonRecordsOfSchema2AreIndexedAgain) {
  TempDir dir;
  auto counters = index_once(make_json_record_index(dir, "2"));
  ASSERT_TRUE(counters.ok()) << counters.error().message;
  const auto fields = stored_fields(dir, "world/a.txt");
  ASSERT_TRUE(fields.ok()) << fields.error().message;
  EXPECT_EQ((*fields)["title"], "Harbour news");
  EXPECT_EQ((*fields)["body"], "The harbour reopened.");
  EXPECT_EQ((*fields)["type"], "text/plain");  // a field schema 2's record above did not have

  // The same index marked with the current version: the file counts as unchanged and keeps its
  // record, so it was the version alone that had it indexed again.
  TempDir current;
  counters = index_once(make_json_record_index(current, std::to_string(schema::kSchemaVersion)));
  ASSERT_TRUE(counters.ok()) << counters.error().message;
  EXPECT_EQ(counters->unchanged, 1u);
  const auto kept = stored_fields(current, "world/a.txt");
  ASSERT_FALSE(kept.ok());
  EXPECT_EQ(kept.error().code, Errc::unsupported);
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
