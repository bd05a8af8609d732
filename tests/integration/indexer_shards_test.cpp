// Sharded indexing (README "Sharded indexing"): an index written as two or three shards is, to
// every reader, the index one database would hold: the same documents, the same ranking (Xapian
// combines the shards' statistics), the same metadata; each file's documents sit in the shard its
// path hashes to; --reshard moves stored documents between layouts without parsing them again.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "check.hpp"
#include "entity_terms.hpp"
#include "index_snapshot.hpp"
#include "index_writer.hpp"
#include "indexer.hpp"
#include "indexer_runs.hpp"
#include "reshard.hpp"
#include "schema.hpp"
#include "shard_layout.hpp"
#include "status.hpp"
#include "test_support.hpp"

namespace newsdex {
namespace {

using testing::TempDir;

constexpr std::string_view kWords[] = {"harbour", "council", "ferry",  "budget", "storm",
                                       "bridge",  "orchard", "tunnel", "levy",   "archive"};
constexpr std::string_view kNames[] = {"Mara Holt", "Tobin Reyes", "Ilse Varga"};
constexpr std::string_view kPlaces[] = {"Velmora", "Kestrel Bay", "Drummond"};

// 120 invented stories in four desks, each naming a person and a place.
void write_corpus(const std::filesystem::path& docs) {
  std::mt19937 random(7);
  for (int n = 0; n < 120; ++n) {
    std::string body;
    for (int i = 0; i < 40; ++i) body += std::string(kWords[random() % std::size(kWords)]) + " ";
    const std::string name(kNames[n % std::size(kNames)]);
    const std::string place(kPlaces[n % std::size(kPlaces)]);
    testing::write_file(
        docs / ("desk" + std::to_string(n % 4)) / ("story" + std::to_string(n) + ".txt"),
        "Story " + std::to_string(n) + "\nMarch 3, 2024\n\n" + name + " spoke in " + place +
            " on Tuesday. " + body + ".\n");
  }
  testing::age_files(docs);
}

// The corpus in dir/docs, indexed into dir/index as `shards` shards.
Config corpus_indexed(const std::filesystem::path& dir, unsigned shards) {
  auto config = testing::config_in(dir);
  write_corpus(config.paths.docs);
  config.index.shards = shards;
  testing::index_once_checked(config);
  return config;
}

// What a reader gets for a query: (weight, path) from best to worst (documents of equal weight
// are in docid order, and document ids differ between layouts: by path then).
std::vector<std::pair<double, std::string>> ranking(const std::filesystem::path& index,
                                                    const Xapian::Query& query) {
  Xapian::Database db(index.string());
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  std::vector<std::pair<double, std::string>> hits;
  const auto mset = enquire.get_mset(0, 200);
  for (auto m = mset.begin(); m != mset.end(); ++m)
    hits.emplace_back(std::round(m.get_weight() * 1e9) / 1e9,
                      m.get_document().get_value(schema::kSlotSourcePath));
  std::ranges::sort(hits, [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  return hits;
}

std::vector<Xapian::Query> queries() {
  return {Xapian::Query("harbour"),
          Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("ferry"), Xapian::Query("levy")),
          Xapian::Query(entity_term(EntityType::person, "mara holt"))};
}

// Every document sits in the shard its path hashes to, and nowhere else.
void expect_routed(const std::filesystem::path& index) {
  auto layout = read_layout(index);
  ASSERT_TRUE(layout) << layout.error().message;
  const auto shards = static_cast<unsigned>(layout->shards.size());
  for (unsigned i = 0; i < shards; ++i) {
    Xapian::Database shard(layout->shards[i].string());
    for (auto it = shard.postlist_begin(""); it != shard.postlist_end(""); ++it)
      EXPECT_EQ(shard_of(shard.get_document(*it).get_value(schema::kSlotSourcePath), shards), i);
  }
}

struct Summary {
  Xapian::doccount documents = 0;
  std::size_t entities = 0;
  std::string schema_version;
  std::vector<std::vector<std::pair<double, std::string>>> rankings;
  bool operator==(const Summary&) const = default;
};

Summary summary(const std::filesystem::path& index) {
  Xapian::Database db(index.string());
  Summary s{db.get_doccount(), 0, db.get_metadata(schema::kMetaSchemaVersion), {}};
  if (auto table = load_entity_table(db); table) s.entities = table->size();
  for (const auto& query : queries()) s.rankings.push_back(ranking(index, query));
  return s;
}

TEST(ShardedIndex, TwoShardsReadAsTheOneDatabaseIndex) {
  TempDir tmp;
  auto one = testing::config_in(tmp.path());
  write_corpus(one.paths.docs);
  auto two = one;
  two.paths.index = tmp / "two";
  two.index.shards = 2;
  testing::index_once_checked(one);
  const auto counters = testing::index_once_checked(two);
  EXPECT_EQ(counters.added, 120u);

  auto layout = read_layout(two.paths.index);
  ASSERT_TRUE(layout) << layout.error().message;
  ASSERT_TRUE(layout->sharded());
  ASSERT_EQ(layout->shards.size(), 2u);
  EXPECT_TRUE(std::filesystem::exists(two.paths.index / "XAPIANDB"));
  for (const auto& shard : layout->shards)
    EXPECT_GT(Xapian::Database(shard.string()).get_doccount(), 20u);
  EXPECT_EQ(Xapian::Database(layout->meta.string()).get_doccount(), 0u);
  expect_routed(two.paths.index);

  const auto expected = summary(one.paths.index);
  EXPECT_EQ(expected.documents, 120u);
  EXPECT_GE(expected.entities, 3u);
  EXPECT_FALSE(expected.rankings[0].empty());
  EXPECT_EQ(summary(two.paths.index), expected);

  // --status counts each shard; --snapshot copies the layout, and the copy reads the same.
  auto status = index_status_report(two.paths.index);
  ASSERT_TRUE(status) << status.error().message;
  EXPECT_NE(status->find("shards:         2 (shards-2/00.1 "), std::string::npos) << *status;
  auto snapshot = snapshot_index(two.paths.index, tmp / "snapshot");
  ASSERT_TRUE(snapshot) << snapshot.error().message;
  EXPECT_EQ(snapshot->documents, 120u);
  EXPECT_TRUE(std::filesystem::exists(tmp / "snapshot" / "shards-2" / "01.1"));
  EXPECT_EQ(summary(tmp / "snapshot"), expected);

  // A second pass finds nothing to do in either.
  EXPECT_EQ(testing::index_once_checked(two).unchanged, 120u);

  // A pass that changes the index compacts each database into a new folder and switches the stub
  // to them (a reader follows the stub; nothing is swapped under it); the old folders go.
  testing::write_file(two.paths.docs / "desk1" / "extra.txt",
                      "Extra\nMarch 5, 2024\n\nIlse Varga opened the tunnel.\n");
  EXPECT_EQ(testing::index_once_checked(two).added, 1u);
  auto compacted = read_layout(two.paths.index);
  ASSERT_TRUE(compacted);
  EXPECT_EQ(compacted->meta.filename(), "meta.2");
  EXPECT_EQ(compacted->shards.back().filename(), "01.2");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(two.paths.index / "shards-2"),
                          std::filesystem::directory_iterator()),
            3);
  EXPECT_EQ(Xapian::Database(two.paths.index.string()).get_doccount(), 121u);
  expect_routed(two.paths.index);
}

TEST(ShardedIndex, AnIndexKeepsItsShardCountUntilResharded) {
  TempDir tmp;
  auto config = corpus_indexed(tmp.path(), 2);
  config.index.shards = 3;
  auto refused = index_once(config);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("has 2 shard(s), not the 3"), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("--reshard 3"), std::string::npos);

  auto same = reshard_index(config.paths.index, 2);
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, Errc::invalid_argument);

  // Not while an indexer writes.
  {
    auto writer = IndexWriter::open(config.paths.index, 2);
    ASSERT_TRUE(writer) << writer.error().message;
    auto busy = reshard_index(config.paths.index, 3);
    ASSERT_FALSE(busy);
    EXPECT_NE(busy.error().message.find("stop it"), std::string::npos) << busy.error().message;
  }
}

TEST(ShardedIndex, CheckFindsADocumentOutsideItsPathsShard) {
  TempDir tmp;
  auto config = corpus_indexed(tmp.path(), 2);
  auto report = check_index(config);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->differences.empty());

  // Moved by hand into the other shard, as a broken writer might.
  auto layout = read_layout(config.paths.index);
  ASSERT_TRUE(layout);
  Xapian::WritableDatabase first(layout->shards[0].string());
  Xapian::WritableDatabase second(layout->shards[1].string());
  const auto docid = *first.postlist_begin("");
  const auto path = first.get_document(docid).get_value(schema::kSlotSourcePath);
  second.add_document(first.get_document(docid));
  first.delete_document(docid);
  first.commit();
  second.commit();
  report = check_index(config);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->differences.size(), 1u);
  EXPECT_EQ(report->differences[0], path + ": in shard 01.1, but its path belongs in shard 00.1");
}

TEST(ShardedIndex, ReshardingMovesStoredDocumentsAndChangesNothingAReaderSees) {
  TempDir tmp;
  auto config = testing::config_in(tmp.path());
  write_corpus(config.paths.docs);
  testing::index_once_checked(config);
  const auto expected = summary(config.paths.index);

  for (unsigned shards : {2u, 3u, 1u, 2u}) {
    SCOPED_TRACE("to " + std::to_string(shards) + " shards");
    auto moved = reshard_index(config.paths.index, shards);
    ASSERT_TRUE(moved) << moved.error().message;
    EXPECT_EQ(moved->to, shards);
    EXPECT_EQ(moved->documents, 120u);
    auto layout = read_layout(config.paths.index);
    ASSERT_TRUE(layout);
    EXPECT_EQ(layout->shards.size(), shards);
    expect_routed(config.paths.index);
    EXPECT_EQ(summary(config.paths.index), expected);
    // Only the current layout's databases are left.
    std::size_t folders = 0;
    for (const auto& entry : std::filesystem::directory_iterator(config.paths.index))
      folders += entry.is_directory();
    EXPECT_EQ(folders, 1u);
    EXPECT_FALSE(std::filesystem::exists(config.paths.index / "iamglass"));

    // The indexer carries on with the new layout: nothing to parse again, and a new file lands
    // in its shard.
    config.index.shards = shards;
    EXPECT_EQ(testing::index_once_checked(config).unchanged, 120u);
  }
  testing::write_file(config.paths.docs / "desk9" / "late.txt",
                      "Late story\nMarch 4, 2024\n\nTobin Reyes crossed the harbour.\n");
  EXPECT_EQ(testing::index_once_checked(config).added, 1u);
  expect_routed(config.paths.index);
  EXPECT_EQ(Xapian::Database(config.paths.index.string()).get_doccount(), 121u);
}

// Versions of one wire story under paths of different shards, indexed in one batch and in later
// ones, form one group, as in one database.
TEST(ShardedIndex, VersionsOfOneStoryInTwoShardsAreOneGroup) {
  TempDir tmp;
  auto config = testing::config_in(tmp.path());
  const std::string body =
      "The council of Velmora voted on Tuesday to close the old harbour bridge for repairs after "
      "engineers found cracks in two of its steel supports, Mayor Mara Holt said, adding that "
      "ferries would carry commuters across the river until the work ends in the spring and that "
      "the cost would be met from the reserve fund.";
  for (int n = 1; n <= 6; ++n)
    testing::write_file(config.paths.docs / ("story" + std::to_string(n) + ".txt"),
                        "Velmora bridge closes\nMarch " + std::to_string(n) + ", 2024\n\n" + body +
                            " Update " + std::to_string(n) + ".\n");
  config.index.shards = 2;
  testing::index_once_checked(config);
  // A later version, in a batch of its own, finds the group in the committed shards.
  testing::write_file(config.paths.docs / "later" / "story7.txt",
                      "Velmora bridge closes\nMarch 7, 2024\n\n" + body + " Update 7.\n");
  testing::index_once_checked(config);
  Xapian::Database db(config.paths.index.string());
  ASSERT_EQ(db.get_doccount(), 7u);
  std::set<std::string> groups;
  std::set<unsigned> shards;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const auto doc = db.get_document(*it);
    groups.insert(doc.get_value(schema::kSlotVersionGroup));
    shards.insert(shard_of(doc.get_value(schema::kSlotSourcePath), 2));
  }
  EXPECT_EQ(shards.size(), 2u);  // the story is in both shards
  EXPECT_EQ(groups.size(), 1u);
}

}  // namespace
}  // namespace newsdex
