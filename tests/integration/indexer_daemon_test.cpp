// The watching indexer: every save, rename and delete under the documents directory reaches the
// index, in-process (Daemon) and as a real process (signals, the write lock).
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "check.hpp"
#include "daemon.hpp"
#include "index_probe.hpp"
#include "indexer_runs.hpp"
#include "indexer_status.hpp"
#include "process.hpp"
#include "schema.hpp"
#include "searcher.hpp"
#include "shard_layout.hpp"
#include "test_support.hpp"

namespace newsdex {
namespace {

using testing::IndexProbe;
using testing::TempDir;
using testing::write_file;

std::string article(const std::string& title, const std::string& body) {
  return title + "\nMarch 3, 2024\n\n" + body + "\n";
}

std::string title_of(const IndexProbe& index, const std::string& id) {
  auto data = index.data(id);
  return data ? data->value("title", "") : "";
}

// Every daemon test runs on one database and on two shards (README "Sharded indexing").
class DaemonTest : public ::testing::TestWithParam<unsigned> {
 protected:
  TempDir tmp;
  Config config = testing::config_in(tmp.path());
  std::unique_ptr<Daemon> daemon;
  std::jthread thread;
  Status status = Ok{};
  IndexProbe index{tmp / "index"};

  DaemonTest() {
    config.index.shards = GetParam();
    config.indexer.workers = 2;
    config.indexer.debounce_ms = 30;
    config.indexer.commit_interval_ms = 50;
    std::filesystem::create_directories(config.paths.docs);
  }
  ~DaemonTest() override { stop(); }

  void start() {
    daemon = std::make_unique<Daemon>(config, nullptr);
    thread = std::jthread([this] { status = daemon->run(); });
  }
  void stop() {
    if (!daemon) return;
    daemon->stop();
    thread.join();
    daemon.reset();
  }
  std::filesystem::path doc(const std::string& relative) const {
    return config.paths.docs / relative;
  }
  bool present(const std::string& id) {
    return index.eventually([&](const IndexProbe& p) { return p.count(id) == 1; });
  }
  bool absent(const std::string& id) {
    return index.eventually([&](const IndexProbe& p) { return p.count(id) == 0; });
  }
  // What --check finds wrong (empty when the index is exactly the directory).
  std::vector<std::string> differences() const {
    auto report = check_index(config);
    if (!report) return {report.error().message};
    return report->differences;
  }
  // A rename keeps the Xapian document when both paths are in one shard.
  bool same_shard(std::string_view from, std::string_view to) const {
    return shard_of(from, GetParam()) == shard_of(to, GetParam());
  }
  bool agrees() const {
    return index.eventually([&](const IndexProbe&) { return differences().empty(); });
  }
};

TEST_P(DaemonTest, IndexesWhatIsThereThenEverySaveRenameAndDelete) {
  write_file(doc("world/old.txt"), article("Old story", "Written before the daemon started."));
  start();
  ASSERT_TRUE(present("world/old.txt"));

  write_file(doc("world/new.txt"), article("Fresh story", "Saved while the daemon runs."));
  ASSERT_TRUE(present("world/new.txt"));
  EXPECT_EQ(title_of(index, "world/new.txt"), "Fresh story");

  write_file(doc("world/new.txt"), article("Edited story", "Saved again with a new headline."));
  ASSERT_TRUE(index.eventually(
      [](const IndexProbe& p) { return title_of(p, "world/new.txt") == "Edited story"; }));

  // A rename inside the tree moves the document: same Xapian document (when both names are in one
  // shard), new id, no re-parse.
  const auto before = index.docid("world/new.txt");
  std::filesystem::rename(doc("world/new.txt"), doc("world/renamed.txt"));
  ASSERT_TRUE(present("world/renamed.txt"));
  ASSERT_TRUE(absent("world/new.txt"));
  if (same_shard("world/new.txt", "world/renamed.txt"))
    EXPECT_EQ(index.docid("world/renamed.txt"), before);
  EXPECT_EQ((*index.data("world/renamed.txt"))["path"], "world/renamed.txt");

  std::filesystem::remove(doc("world/old.txt"));
  ASSERT_TRUE(absent("world/old.txt"));
  EXPECT_EQ(index.documents(), 1u);
}

TEST_P(DaemonTest, WriteToTempThenRenameIndexesTheFinalName) {
  start();
  write_file(doc("draft.txt.tmp"), article("Atomic save", "Editors save through a temp file."));
  std::filesystem::rename(doc("draft.txt.tmp"), doc("draft.txt"));
  ASSERT_TRUE(present("draft.txt"));
  EXPECT_EQ(title_of(index, "draft.txt"), "Atomic save");
  EXPECT_EQ(index.documents(), 1u);
}

TEST_P(DaemonTest, AnIdleDaemonCommitsAtOnceWhateverTheBacklogInterval) {
  // The batch interval is for backlogs: with nothing else waiting a save is committed as soon as
  // it is written, long before a minute has passed (the probe gives up after 20 s).
  config.indexer.commit_interval_ms = 60'000;
  config.indexer.commit_floor_ms = 0;
  start();
  write_file(doc("desk/first.txt"), article("First", "Saved while the desk is quiet."));
  ASSERT_TRUE(present("desk/first.txt"));
  write_file(doc("desk/second.txt"), article("Second", "Saved a moment later."));
  ASSERT_TRUE(present("desk/second.txt"));
}

TEST_P(DaemonTest, NewDirectoriesAreWatchedAndRemovedOnesForgotten) {
  start();
  // Files written into a directory in the instant it appears are found by the directory scan.
  write_file(doc("sport/2024/match.txt"), article("Match report", "The team won in Lisbon."));
  ASSERT_TRUE(present("sport/2024/match.txt"));
  write_file(doc("sport/2024/later.txt"), article("Later", "Written after the watch was added."));
  ASSERT_TRUE(present("sport/2024/later.txt"));

  // A renamed directory moves its documents without re-parsing them: same Xapian documents (when
  // old and new path are in one shard).
  const auto match = index.docid("sport/2024/match.txt");
  const auto later = index.docid("sport/2024/later.txt");
  std::filesystem::rename(doc("sport"), doc("games"));
  ASSERT_TRUE(present("games/2024/match.txt"));
  ASSERT_TRUE(present("games/2024/later.txt"));
  ASSERT_TRUE(absent("sport/2024/match.txt"));
  if (same_shard("sport/2024/match.txt", "games/2024/match.txt"))
    EXPECT_EQ(index.docid("games/2024/match.txt"), match);
  if (same_shard("sport/2024/later.txt", "games/2024/later.txt"))
    EXPECT_EQ(index.docid("games/2024/later.txt"), later);
  // Still watched under the new name.
  write_file(doc("games/2024/after.txt"), article("After", "Written into the renamed folder."));
  ASSERT_TRUE(present("games/2024/after.txt"));
  EXPECT_TRUE(agrees()) << differences().front();

  std::filesystem::remove_all(doc("games"));
  ASSERT_TRUE(index.eventually([](const IndexProbe& p) { return p.documents() == 0; }));
}

TEST_P(DaemonTest, RenameOntoAnIndexedFileLeavesOneDocument) {
  write_file(doc("story.txt"), article("First version", "As first published."));
  write_file(doc("draft.txt"), article("Second version", "Rewritten by the desk."));
  start();
  ASSERT_TRUE(present("story.txt"));
  ASSERT_TRUE(present("draft.txt"));
  std::filesystem::rename(doc("draft.txt"), doc("story.txt"));
  ASSERT_TRUE(absent("draft.txt"));
  ASSERT_TRUE(index.eventually(
      [](const IndexProbe& p) { return title_of(p, "story.txt") == "Second version"; }));
  EXPECT_EQ(index.count("story.txt"), 1u);
  EXPECT_EQ(index.documents(), 1u);
  EXPECT_TRUE(agrees()) << differences().front();
}

TEST_P(DaemonTest, AnOverwriteStormEndsWithOneDocumentOfTheLastVersion) {
  write_file(doc("desk/story.txt"), article("Version start", "The first story."));
  start();
  ASSERT_TRUE(present("desk/story.txt"));
  for (int i = 0; i < 40; ++i) {
    const auto draft = "desk/draft" + std::to_string(i % 3) + ".txt";
    write_file(doc(draft), article("Version " + std::to_string(i), "Storm " + std::to_string(i)));
    if (i % 4 == 3)
      write_file(doc("desk/story.txt"), article("Direct " + std::to_string(i), "In place."));
    else
      std::filesystem::rename(doc(draft), doc("desk/story.txt"));
    if (i % 5 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(40));
  }
  std::error_code ignored;  // drafts left over, if any
  std::filesystem::remove(doc("desk/draft0.txt"), ignored);
  std::filesystem::remove(doc("desk/draft1.txt"), ignored);
  std::filesystem::remove(doc("desk/draft2.txt"), ignored);
  ASSERT_TRUE(index.eventually(
      [](const IndexProbe& p) { return title_of(p, "desk/story.txt") == "Direct 39"; }));
  EXPECT_TRUE(agrees()) << differences().front();
  EXPECT_EQ(index.documents(), 1u);
}

TEST_P(DaemonTest, LinksOutsideTheTreeAreNotFollowed) {
  write_file(tmp / "outside/secret.txt", article("Secret", "Never to be indexed."));
  write_file(tmp / "outside/dir/hidden.txt", article("Hidden", "Also outside."));
  write_file(doc("inside/real.txt"), article("Real", "Inside the tree."));
  std::filesystem::create_symlink(tmp / "outside/secret.txt", doc("secret.txt"));
  std::filesystem::create_symlink(tmp / "outside/dir", doc("linked"));
  start();
  ASSERT_TRUE(present("inside/real.txt"));
  // Created while watching: a link inside the tree is followed, one outside is not.
  std::filesystem::create_symlink(tmp / "outside/secret.txt", doc("later.txt"));
  std::filesystem::create_symlink(doc("inside/real.txt"), doc("alias.txt"));
  ASSERT_TRUE(present("alias.txt"));
  stop();
  EXPECT_EQ(index.count("secret.txt"), 0u);
  EXPECT_EQ(index.count("later.txt"), 0u);
  EXPECT_EQ(index.count("linked/hidden.txt"), 0u);
  EXPECT_EQ(index.documents(), 2u);
  EXPECT_EQ(differences(), std::vector<std::string>{});
}

TEST_P(DaemonTest, AFullDiskDegradesKeepsTheLastCommitAndCatchesUp) {
  std::atomic<bool> full = false;
  write_file(doc("before.txt"), article("Before", "Committed before the disk filled."));
  daemon = std::make_unique<Daemon>(config, nullptr);
  daemon->set_write_fault([&](std::string_view) {
    if (full) throw Xapian::DatabaseError("Error writing block 9", 28);
  });
  thread = std::jthread([this] { status = daemon->run(); });
  ASSERT_TRUE(present("before.txt"));

  full = true;
  write_file(doc("during.txt"), article("During", "Saved while nothing can be written."));
  auto state = [&] {
    Xapian::Database db((tmp / "index").string());
    return read_indexer_state(db, tmp / "index");
  };
  ASSERT_TRUE(index.eventually([&](const IndexProbe&) { return state()["state"] == "degraded"; }));
  EXPECT_NE(state()["reason"].get<std::string>().find("the disk is full"), std::string::npos)
      << state();
  EXPECT_EQ(index.count("before.txt"), 1u);  // the last commit is intact
  EXPECT_EQ(index.count("during.txt"), 0u);
  {
    // searchd says so, and its answers carry no path or Xapian text of the indexer's reason.
    searchd::Metrics metrics;
    searchd::Searcher searcher({(tmp / "index").string()}, metrics);
    const auto health = searcher.health();
    ASSERT_TRUE(health.ok());
    EXPECT_EQ(health.value()["status"], "degraded");
    const auto stats = searcher.stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats.value()["indexer"]["state"], "degraded");
    EXPECT_EQ(stats.value().dump().find((tmp / "index").string()), std::string::npos)
        << stats.value();
    EXPECT_EQ(stats.value().dump().find("Error writing block"), std::string::npos);
  }
  std::filesystem::remove(doc("before.txt"));

  full = false;  // space is back: the retry commits and the reconciliation catches up
  ASSERT_TRUE(present("during.txt"));
  ASSERT_TRUE(absent("before.txt"));
  ASSERT_TRUE(index.eventually([&](const IndexProbe&) { return state()["state"] == "watching"; }));
  EXPECT_TRUE(agrees()) << differences().front();
  stop();
  EXPECT_TRUE(status.ok());
}

TEST_P(DaemonTest, EditorDroppingsAreIgnored) {
  start();
  write_file(doc(".notes.txt.swp"), "swap file");
  write_file(doc("story.txt~"), "backup");
  write_file(doc(".#story.txt"), "lock");
  write_file(doc("story.txt"), article("Real story", "Only this one counts."));
  ASSERT_TRUE(present("story.txt"));
  EXPECT_EQ(index.documents(), 1u);
}

TEST_P(DaemonTest, ABurstOfSavesIndexesTheFileOnce) {
  config.indexer.debounce_ms = 300;
  start();
  ASSERT_TRUE(index.eventually([](const IndexProbe& p) { return p.documents() == 0; }));
  for (int i = 0; i < 10; ++i)
    write_file(doc("burst.txt"), article("Version " + std::to_string(i), "A burst of saves."));
  ASSERT_TRUE(index.eventually(
      [](const IndexProbe& p) { return title_of(p, "burst.txt") == "Version 9"; }));
  stop();
  EXPECT_EQ(differences(), std::vector<std::string>{});
  Xapian::Database db((tmp / "index").string());
  auto state = nlohmann::json::parse(db.get_metadata(schema::kMetaIndexerState));
  EXPECT_EQ(state["added"], 1);
  EXPECT_EQ(state["updated"], 0);
  EXPECT_EQ(state["state"], "stopped");
}

// --- as a process --------------------------------------------------------------------------------

class DaemonProcessTest : public DaemonTest {
 protected:
  std::vector<std::string> command(std::vector<std::string> extra = {}) const {
    std::vector<std::string> argv = {testing::built_program("indexer/newsdex-indexer"),
                                     "--docs",
                                     config.paths.docs.string(),
                                     "--index",
                                     config.paths.index.string(),
                                     "--shards",
                                     std::to_string(GetParam())};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
  }
};

TEST_P(DaemonProcessTest, SigtermCommitsAndExitsZero) {
  testing::ChildProcess indexer(command(), tmp / "indexer.log");
  write_file(doc("a.txt"), article("Before the signal", "Indexed before SIGTERM."));
  ASSERT_TRUE(present("a.txt")) << indexer.output();
  indexer.signal(SIGTERM);
  EXPECT_EQ(indexer.wait_for(std::chrono::seconds(20)), 0) << indexer.output();
  Xapian::Database db((tmp / "index").string());
  EXPECT_EQ(nlohmann::json::parse(db.get_metadata(schema::kMetaIndexerState))["state"], "stopped");
}

TEST_P(DaemonProcessTest, ASecondIndexerOnTheSameIndexFailsAtOnce) {
  testing::ChildProcess first(command(), tmp / "first.log");
  write_file(doc("a.txt"), article("Held", "The first indexer holds the lock."));
  ASSERT_TRUE(present("a.txt"));
  testing::ChildProcess second(command(), tmp / "second.log");
  EXPECT_EQ(second.wait_for(std::chrono::seconds(20)), 1);
  EXPECT_NE(second.output().find("another indexer"), std::string::npos) << second.output();
}

TEST_P(DaemonProcessTest, SighupReloadsIgnoreGlobs) {
  const auto config_file = tmp / "newsdex.toml";
  write_file(config_file, "[indexer]\ndebounce_ms = 20\ncommit_interval_ms = 50\n");
  testing::ChildProcess indexer(command({"--config", config_file.string()}), tmp / "indexer.log");
  write_file(doc("first.md"), "# Markdown is indexed\n\nAt first.\n");
  ASSERT_TRUE(present("first.md"));

  write_file(config_file,
             "[indexer]\ndebounce_ms = 20\ncommit_interval_ms = 50\n"
             "ignore = [\".*\", \"*.md\"]\n");
  indexer.signal(SIGHUP);
  ASSERT_TRUE(index.eventually([&](const IndexProbe&) {
    return indexer.output().find("config reloaded") != std::string::npos;
  }));
  write_file(doc("second.md"), "# Now ignored\n\nAfter the reload.\n");
  write_file(doc("third.txt"), article("Still indexed", "Text files still count."));
  ASSERT_TRUE(present("third.txt"));
  EXPECT_EQ(index.count("second.md"), 0u);
}

// In a sharded index a rename may move a story to another shard: it leaves the old shard, lands
// whole in the new path's shard, and is never in both.
TEST_P(DaemonTest, ARenameAcrossShardsLeavesOneDocumentInTheNewPathsShard) {
  if (GetParam() < 2) GTEST_SKIP() << "one database: no other shard to move to";
  std::string from = "desk/a0.txt", to;
  for (int n = 1; to.empty(); ++n)
    if (auto name = "desk/b" + std::to_string(n) + ".txt";
        shard_of(name, GetParam()) != shard_of(from, GetParam()))
      to = name;
  write_file(doc(from), article("Crossing story", "It moves between shards."));
  start();
  ASSERT_TRUE(present(from));
  std::filesystem::rename(doc(from), doc(to));
  ASSERT_TRUE(present(to));
  ASSERT_TRUE(absent(from));
  EXPECT_EQ(title_of(index, to), "Crossing story");
  stop();
  auto layout = read_layout(config.paths.index);
  ASSERT_TRUE(layout) << layout.error().message;
  for (unsigned i = 0; i < layout->shards.size(); ++i) {
    Xapian::Database shard(layout->shards[i].string());
    EXPECT_EQ(shard.get_termfreq(schema::file_term(to)), i == shard_of(to, GetParam()) ? 1u : 0u)
        << "shard " << i;
    EXPECT_EQ(shard.get_termfreq(schema::file_term(from)), 0u) << "shard " << i;
  }
  EXPECT_TRUE(differences().empty());
}

INSTANTIATE_TEST_SUITE_P(Shards, DaemonTest, ::testing::Values(1u, 2u));
INSTANTIATE_TEST_SUITE_P(Shards, DaemonProcessTest, ::testing::Values(1u, 2u));

}  // namespace
}  // namespace newsdex
