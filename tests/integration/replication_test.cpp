// Read replicas on Xapian's replication: the indexer keeps changesets when [replication] asks,
// xapian-replicate copies them from xapian-replicate-server into a replica directory, and a
// searcher over the replica sees each new commit, also after a full copy switches the replica to a
// new database.
#include <gtest/gtest.h>

#include <fstream>

#include "client_processes.hpp"
#include "process.hpp"
#include "searchd_support.hpp"
#include "searcher.hpp"

namespace newsdex {
namespace {

using namespace std::chrono_literals;
constexpr const char* kReplicateServer = "/usr/bin/xapian-replicate-server";
constexpr const char* kReplicate = "/usr/bin/xapian-replicate";

class Replication : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kReplicateServer) || !std::filesystem::exists(kReplicate))
      GTEST_SKIP() << "xapian-replicate is missing (scripts/setup installs xapian-tools)";
    std::filesystem::create_directories(dir_ / "docs");
    std::filesystem::create_directories(dir_ / "master");
    std::ofstream(dir_ / "newsdex.toml") << "[paths]\ndocs = \"docs\"\nindex = \"master/index\"\n"
                                         << "[replication]\nchangesets = 10\n";
  }

  void save(const std::string& name, const std::string& text) {
    testing::write_file(dir_ / "docs" / name, text + "\n");
  }
  void index_once() {
    const auto run = testing::run_process({testing::built_program("indexer/newsdex-indexer"),
                                           "--config", (dir_ / "newsdex.toml").string(), "--once"},
                                          dir_.path());
    ASSERT_EQ(run.code, 0) << run.err;
  }
  // One exchange between a one-shot replication server over the master's folder and a replica
  // (by default of the whole index, master/index, into replica).
  void replicate(bool full_copy = false, const std::string& master = "index",
                 const std::string& replica = "replica") {
    const unsigned short port = testing::free_port();
    testing::ChildProcess server({kReplicateServer, "--interface", "127.0.0.1", "--port",
                                  std::to_string(port), "--one-shot", (dir_ / "master").string()},
                                 dir_ / "replicate-server.log");
    std::vector<std::string> args = {kReplicate,           "--host",   "127.0.0.1", "--port",
                                     std::to_string(port), "--master", master,      "--one-shot"};
    // A second for readers before a second changeset is applied (default 30 s).
    args.insert(args.end(), {"--reader-time", "1"});
    if (full_copy) args.push_back("--force-copy");
    args.push_back((dir_ / replica).string());
    testing::ProcessResult run;
    for (int attempt = 0; attempt < 100; ++attempt) {  // until the server listens
      run = testing::run_process(args, dir_.path());
      if (run.code == 0) break;
      std::this_thread::sleep_for(20ms);
    }
    ASSERT_EQ(run.code, 0) << run.out << run.err << server.output();
    EXPECT_EQ(server.wait_for(10s), 0);
  }
  std::size_t hits(searchd::Searcher& searcher, const std::string& q) {
    searchd::SearchRequest request;
    request.q = q;
    auto reply = searcher.search(request);
    EXPECT_TRUE(reply.ok()) << (reply.ok() ? "" : reply.error().message);
    return reply.ok() ? reply.value()["hits"].size() : 0;
  }

  testing::TempDir dir_;
  searchd::Metrics metrics_;
};

TEST_F(Replication, AReplicaFollowsEveryCommitAndAFullCopy) {
  save("cranes.txt", "Cranes\n\nThe harbour cranes of Velmora stand idle.");
  index_once();
  replicate();
  searchd::Searcher replica({(dir_ / "replica").string()}, metrics_);
  EXPECT_EQ(hits(replica, "cranes"), 1u);

  save("ferries.txt", "Ferries\n\nFerries to Ostrin sail again.");
  index_once();
  // Changesets were kept, and --once left the index in place for them (no compacted copy).
  bool changesets = false;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ / "master/index"))
    changesets = changesets || entry.path().filename().string().starts_with("changes");
  EXPECT_TRUE(changesets);
  EXPECT_EQ(hits(replica, "ferries"), 0u);
  replicate();
  EXPECT_EQ(hits(replica, "ferries"), 1u);

  replicate(/*full_copy=*/true);  // the replica now lives in another database directory
  save("trams.txt", "Trams\n\nTrams return to the old town of Velmora.");
  index_once();
  replicate();
  EXPECT_EQ(hits(replica, "trams"), 1u);
  EXPECT_EQ(hits(replica, "cranes"), 1u);
}

// A sharded index is replicated database by database, under a stub of the replica's own listing
// them as the master's stub does (each replica is itself a stub xapian-replicate rewrites). A full
// copy of one of them switches that replica to a new directory and removes the old one, which the
// outer stub does not show: the searcher opens it anew at once rather than failing a search.
TEST_F(Replication, AShardedIndexReplicatedUnderOneStubFollowsAFullCopyOfAShard) {
  std::ofstream(dir_ / "newsdex.toml", std::ios::app) << "[index]\nshards = 2\n";
  const std::vector<std::string> cargo = {"timber", "grain", "salt",   "copper",
                                          "wool",   "amber", "tallow", "slate"};
  for (const auto& goods : cargo)
    save(goods + ".txt", "Harbour " + goods + "\n\nThe cranes of Velmora unload " + goods + ".");
  index_once();
  const std::vector<std::string> members = {"meta", "00", "01"};
  const auto replicate_all = [&](bool full_copy) {
    for (const auto& member : members)
      replicate(full_copy && member == "00", "index/shards-2/" + member, "replica/" + member);
  };
  std::filesystem::create_directories(dir_ / "replica");  // xapian-replicate makes only the last
  replicate_all(false);
  testing::write_file(dir_ / "replica/XAPIANDB", "auto meta\nauto 00\nauto 01\n");
  searchd::Searcher replica({(dir_ / "replica").string()}, metrics_);
  EXPECT_EQ(hits(replica, "cranes"), 8u);

  save("ferries.txt", "Ferries\n\nFerries to Ostrin sail again.");
  index_once();
  replicate_all(/*full_copy=*/true);
  EXPECT_EQ(hits(replica, "cranes"), 8u);
  EXPECT_EQ(hits(replica, "ferries"), 1u);
  auto stats = replica.stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats.value()["documents"], 9);
  EXPECT_FALSE(stats.value()["schema_version"].is_null());  // read from the replica of meta
}

}  // namespace
}  // namespace newsdex
