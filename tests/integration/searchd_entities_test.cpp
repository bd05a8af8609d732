// Entities as searchd serves them beyond the facet terms: a filter by an alias finds the documents
// of the entity it names, and /entities lists known entities by name prefix with their aliases and
// document counts; both through the real indexer's entity table and through HTTP and NDJSON.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <set>

#include "searchd_support.hpp"
#include "searcher.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

// Three stories about one minister, spelled two ways, and one about someone else.
class EntityDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto docs = dir / "docs";
    testing::write_file(docs / "a.txt",
                        "Port talks\n\nForeign Minister Jeyla Marandova met the harbour board on "
                        "Monday. Marandova said the port would reopen.\n");
    testing::write_file(docs / "b.txt",
                        "Port reopens\n\nForeign Minister Jeyla Marandova opened the port. "
                        "Marandova thanked the workers.\n");
    testing::write_file(docs / "c.txt",
                        "Harbour fees\n\nMinister Marandowa, as some papers spell her, spoke on "
                        "harbour fees. Marandowa said they would fall.\n");
    testing::write_file(docs / "d.txt",
                        "Rail strike\n\nUnion leader Tomas Alibek called the strike. Alibek said "
                        "it would last a week.\n");
    testing::index_documents(docs, dir / "index");
    searcher = std::make_unique<Searcher>(std::vector{(dir / "index").string()}, metrics);
  }

  std::set<std::string> ids_for_person(const std::string& value) {
    SearchRequest request;
    request.person = {value};
    request.limit = 10;
    auto reply = searcher->search(request);
    EXPECT_TRUE(reply.ok()) << reply.error().message;
    std::set<std::string> ids;
    if (reply.ok())
      for (const json& hit : reply.value()["hits"]) ids.insert(hit["id"].get<std::string>());
    return ids;
  }

  testing::TempDir dir;
  Metrics metrics;
  std::unique_ptr<Searcher> searcher;
};

TEST_F(EntityDirectoryTest, AFilterByAnAliasFindsTheEntitysDocuments) {
  const auto canonical = ids_for_person("Jeyla Marandova");
  EXPECT_EQ(canonical, (std::set<std::string>{"a.txt", "b.txt", "c.txt"}));
  EXPECT_EQ(ids_for_person("Marandova"), canonical);  // a form the documents use
  EXPECT_EQ(ids_for_person("marandowa"), canonical);  // another spelling, any case
  EXPECT_EQ(ids_for_person("J. Marandova"), canonical);
  EXPECT_TRUE(ids_for_person("Tamara Marandova").empty());  // another given name: someone else
  EXPECT_TRUE(ids_for_person("Nobody Known").empty());
  EXPECT_EQ(ids_for_person("Alibek"), (std::set<std::string>{"d.txt"}));
}

TEST_F(EntityDirectoryTest, ListsEntitiesByNamePrefixWithAliasesAndCounts) {
  auto reply = searcher->entities({EntityType::person, "mara", 20});
  ASSERT_TRUE(reply.ok()) << reply.error().message;
  const json& list = reply.value()["entities"];
  ASSERT_EQ(list.size(), 1u) << list.dump();
  EXPECT_EQ(list[0]["name"], "Jeyla Marandova");
  EXPECT_EQ(list[0]["docs"], 3);
  const auto aliases = list[0]["aliases"].get<std::vector<std::string>>();
  EXPECT_NE(std::find(aliases.begin(), aliases.end(), "Marandowa"), aliases.end());

  // A prefix of any word of the name; an empty prefix lists the most frequent first.
  auto by_given = searcher->entities({EntityType::person, "JEY", 20});
  ASSERT_TRUE(by_given.ok());
  EXPECT_EQ(by_given.value()["entities"].size(), 1u);
  auto all = searcher->entities({EntityType::person, "", 1});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all.value()["entities"].size(), 1u);
  EXPECT_EQ(all.value()["entities"][0]["name"], "Jeyla Marandova");
  auto none = searcher->entities({EntityType::org, "mara", 20});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none.value()["entities"].empty());
}

TEST_F(EntityDirectoryTest, HttpAndNdjsonServeTheListAndRejectBadRequests) {
  Config config;
  config.paths.index = dir / "index";
  config.server.socket = (dir / "s.sock").string();
  testing::RunningServer server(config);
  const auto ok = testing::http(server.port(), "GET", "/entities?type=person&q=mara&limit=5");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["entities"][0]["name"], "Jeyla Marandova");
  for (const char* bad : {"/entities", "/entities?type=people", "/entities?type=person&limit=0",
                          "/entities?type=person&limit=101", "/entities?type=person&size=3"}) {
    const auto reply = testing::http(server.port(), "GET", bad);
    EXPECT_EQ(reply.status, 400) << bad << ": " << reply.body;
    EXPECT_TRUE(reply.json().contains("error")) << bad;
  }
  const auto lines = testing::ndjson(
      dir / "s.sock", {R"({"op": "entities", "type": "person", "q": "ali", "id": 7})",
                       R"({"op": "entities", "type": "person", "limit": "x"})"});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["status"], 200) << lines[0].dump();
  EXPECT_EQ(lines[0]["id"], 7);
  EXPECT_EQ(lines[0]["entities"][0]["name"], "Tomas Alibek");
  EXPECT_EQ(lines[1]["status"], 400) << lines[1].dump();
}

}  // namespace
}  // namespace newsdex::searchd
