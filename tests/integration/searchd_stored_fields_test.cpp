// Stored fields as searchd shows them, on documents the real indexer stored: a hit carries the
// record's head fields and entities, /documents/{id} every field and the body; a record of an older
// schema or a corrupt one is an explicit error, never a document with empty fields.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <memory>
#include <vector>

#include "schema.hpp"
#include "searchd_support.hpp"
#include "searcher.hpp"
#include "stored_record.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

// 20 seed documents indexed by the real indexer, and a searcher over them.
class StoredFields : public ::testing::Test {
 protected:
  void SetUp() override {
    NEWSDEX_REQUIRE_CORPUS(seeds, "seeds");
    std::filesystem::create_directories(dir / "docs");
    std::size_t copied = 0;
    for (const auto& e : std::filesystem::directory_iterator(seeds))
      if (e.path().extension() == ".txt" && copied++ < 20)
        std::filesystem::copy_file(e.path(), dir / "docs" / e.path().filename());
    testing::index_documents(dir / "docs", dir / "index");
    searcher = std::make_unique<Searcher>(std::vector{(dir / "index").string()}, metrics);
    db = Xapian::Database((dir / "index").string());
  }

  testing::TempDir dir;
  Metrics metrics;
  std::unique_ptr<Searcher> searcher;
  Xapian::Database db;
};

TEST_F(StoredFields, DocumentsShowEveryStoredField) {
  ASSERT_GT(db.get_doccount(), 0u);
  std::size_t with_entities = 0;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    auto fields = stored_record::decode_all(db.get_document(*it));
    ASSERT_TRUE(fields.ok()) << fields.error().message;
    const json& part = (*fields)["part"];
    const std::string id = schema::document_id((*fields)["path"].get<std::string>(),
                                               part.is_number() ? part.get<int>() : -1);
    auto document = searcher->document(id);
    ASSERT_TRUE(document.ok()) << id;
    json expected = std::move(*fields);
    expected["id"] = id;
    EXPECT_EQ(document.value(), expected);
    EXPECT_FALSE(expected["body"].get<std::string>().empty()) << id;
    if (!expected["entities"]["person"].empty()) ++with_entities;
  }
  EXPECT_GT(with_entities, 0u);  // the entity lists, the costly part, were really compared
}

TEST_F(StoredFields, HitsShowTheHeadAndEntitiesOfTheRecord) {
  for (const unsigned snippet : {0u, 200u}) {
    SearchRequest request;
    request.limit = 20;
    request.snippet = snippet;
    auto reply = searcher->search(request);  // no query: every document, newest first
    ASSERT_TRUE(reply.ok()) << reply.error().message;
    const json& hits = reply.value()["hits"];
    ASSERT_EQ(hits.size(), db.get_doccount());
    for (const json& hit : hits) {
      const auto id = hit["id"].get<std::string>();
      const auto posting = db.postlist_begin(schema::id_term(id));
      auto fields = stored_record::decode_all(db.get_document(*posting));
      ASSERT_TRUE(fields.ok());
      for (const char* key : {"path", "title", "date", "byline", "lang", "type"})
        EXPECT_EQ(hit[key], (*fields)[key]) << id << " " << key;
      // Entities as names only: the record's names per type, in its order.
      for (const auto& [kind, list] : (*fields)["entities"].items()) {
        json names = json::array();
        for (const json& entity : list) names.push_back(entity["name"]);
        EXPECT_EQ(hit["entities"][kind], names) << id << " " << kind;
      }
      EXPECT_EQ(hit.contains("snippet"), snippet > 0);
      for (const char* key : {"body", "url", "size", "mtime", "sha256", "langs", "part"})
        EXPECT_FALSE(hit.contains(key)) << key;
    }
  }
}

TEST_F(StoredFields, FieldsSelectWhatAHitCarries) {
  SearchRequest request;
  request.limit = 20;
  request.fields = kHitTitle | kHitSnippet;
  auto reply = searcher->search(request);
  ASSERT_TRUE(reply.ok()) << reply.error().message;
  const json& hits = reply.value()["hits"];
  ASSERT_FALSE(hits.empty());
  for (const json& hit : hits) {
    std::vector<std::string> keys;
    for (const auto& [key, _] : hit.items()) keys.push_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{"id", "snippet", "title", "title_highlighted"}));
  }
  request.fields = 0;  // fields=id
  request.snippet = 200;
  reply = searcher->search(request);
  ASSERT_TRUE(reply.ok());
  for (const json& hit : reply.value()["hits"]) EXPECT_EQ(hit.size(), 1u) << hit.dump();
}

// An on-disk index holding one document about a harbour whose data is `data`, with `values` in
// their slots.
std::string index_with_data(const testing::TempDir& dir, const std::string& data,
                            const std::map<unsigned, std::string>& values = {}) {
  const std::string path = (dir / "index").string();
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document doc;
  doc.add_boolean_term(schema::id_term("a.txt"));
  doc.add_posting("harbour", 1);
  doc.set_data(data);
  for (const auto& [slot, value] : values) doc.add_value(slot, value);
  db.add_document(doc);
  db.commit();
  return path;
}

// A remote shard of an older newsdex stores no entity names in the head: a hit names its entities
// from the facet slots.
TEST(RecordsWithoutEntityNames, HitsNameTheEntitiesFromTheSlots) {
  testing::TempDir dir;
  const auto head = json::to_cbor(json{{"path", "a.txt"}, {"title", "Harbour"}});
  std::string data(1, static_cast<char>(stored_record::kFormat));
  for (const std::size_t length : {head.size(), std::size_t{0}, std::size_t{0}})
    for (int byte = 0; byte < 4; ++byte) data += static_cast<char>((length >> (8 * byte)) & 0xFF);
  data.append(head.begin(), head.end());
  const std::string path = index_with_data(
      dir, data,
      {{schema::kSlotPersons, "Mara Holt\nTamir Volyev"}, {schema::kSlotPlaces, "Velmora"}});
  Metrics metrics;
  Searcher searcher({path}, metrics);
  SearchRequest request;
  request.q = "harbour";
  auto reply = searcher.search(request);
  ASSERT_TRUE(reply.ok()) << reply.error().message;
  ASSERT_EQ(reply.value()["hits"].size(), 1u);
  EXPECT_EQ(reply.value()["hits"][0]["entities"], json({{"person", {"Mara Holt", "Tamir Volyev"}},
                                                        {"org", json::array()},
                                                        {"place", {"Velmora"}}}));
}

TEST(UnreadableRecords, AreAnExplicitError) {
  std::string truncated = stored_record::encode({{"path", "a.txt"}, {"body", "The harbour."}});
  truncated.pop_back();
  const struct {
    std::string data;
    int status;
    const char* code;
  } cases[] = {
      {R"({"body":"The harbour.","path":"a.txt"})", 503, "index_outdated"},  // schema 2: JSON
      {truncated, 500, "index_error"},
  };
  for (const auto& c : cases) {
    testing::TempDir dir;
    Metrics metrics;
    Searcher searcher({index_with_data(dir, c.data)}, metrics);
    SearchRequest request;
    request.q = "harbour";
    for (const auto& reply : {searcher.search(request), searcher.document("a.txt")}) {
      ASSERT_FALSE(reply.ok()) << c.code;
      EXPECT_EQ(reply.error().status, c.status);
      EXPECT_EQ(reply.error().code, c.code);
    }
  }
}

}  // namespace
}  // namespace newsdex::searchd
