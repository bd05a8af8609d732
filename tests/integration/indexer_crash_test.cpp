// Crash safety: the indexer is killed with SIGKILL at random moments of a 5,000-document ingest
// while files are also being modified, created, deleted and renamed (often onto files already
// indexed). After a final restart and its reconciliation the index must hold exactly the
// directory, as `newsdex-indexer --check` sees it: nothing lost, nothing duplicated, nothing stale
// (every document carries the hash of its file as it is on disk).
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <random>
#include <thread>

#include "check.hpp"
#include "index_probe.hpp"
#include "process.hpp"
#include "test_support.hpp"

namespace newsdex {
namespace {

namespace fs = std::filesystem;
using testing::IndexProbe;
using testing::TempDir;

constexpr std::string_view kWords[] = {
    "council", "harbour", "minister", "election", "budget",   "storm",   "bridge", "treaty",
    "market",  "schools", "hospital", "railway",  "festival", "drought", "summit", "court"};

std::string make_article(std::mt19937& random, int n, int version) {
  std::string text =
      "Report " + std::to_string(n) + " version " + std::to_string(version) + "\nMarch 3, 2024\n\n";
  std::uniform_int_distribution<int> pick(0, std::size(kWords) - 1);
  for (int i = 0; i < 60; ++i)
    text += std::string(kWords[pick(random)]) + (i % 12 == 11 ? ".\n" : " ");
  return text;
}

std::string relative(int n) {
  return "d" + std::to_string(n % 50) + "/f" + std::to_string(n) + ".txt";
}

// What --check finds wrong, one line each ("" when the index is exactly the directory).
std::string differences(const Config& config) {
  auto report = check_index(config);
  if (!report) return report.error().message;
  std::string lines;
  for (const auto& line : report->differences) lines += line + "\n";
  return lines;
}

// On one database and on two shards (whose commits are separate: metadata, then each shard).
class IndexerCrash : public ::testing::TestWithParam<unsigned> {};

TEST_P(IndexerCrash, KilledAtRandomMomentsLosesDuplicatesAndLeavesNothingStale) {
  const int documents =
      std::getenv("NEWSDEX_CRASH_DOCS") ? std::atoi(std::getenv("NEWSDEX_CRASH_DOCS")) : 4000;
  const unsigned seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 random(seed);

  TempDir tmp;
  const auto docs = tmp / "docs";
  for (int n = 0; n < documents; ++n)
    testing::write_file(docs / relative(n), make_article(random, n, 0));
  const std::vector<std::string> command = {testing::built_program("indexer/newsdex-indexer"),
                                            "--docs",
                                            docs.string(),
                                            "--index",
                                            (tmp / "index").string(),
                                            "--shards",
                                            std::to_string(GetParam()),
                                            "--log-level",
                                            "warn"};

  // Edits, new files and deletions go on throughout the crashes.
  std::atomic<bool> editing = true;
  std::jthread editor([&, seed] {
    std::mt19937 edits(seed + 1);
    std::uniform_int_distribution<int> any(0, documents + 500);
    for (int version = 1; editing; ++version) {
      const int n = any(edits);
      const auto path = docs / relative(n);
      std::error_code ignored;
      if (version % 4 == 0) {
        fs::remove(path, ignored);
      } else if (version % 4 == 1) {
        // mv other.txt this.txt: usually onto a file that is already indexed.
        fs::create_directories(path.parent_path(), ignored);
        fs::rename(docs / relative(any(edits)), path, ignored);
      } else {
        testing::write_file(path, make_article(edits, n, version));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
  });

  std::uniform_int_distribution<int> moment_ms(50, 1500);
  for (int kill = 0; kill < 10; ++kill) {
    testing::ChildProcess indexer(command, tmp / "indexer.log");
    std::this_thread::sleep_for(std::chrono::milliseconds(moment_ms(random)));
    indexer.signal(SIGKILL);
    ASSERT_EQ(indexer.wait_for(std::chrono::seconds(10)), 128 + SIGKILL);
  }
  editing = false;
  editor.join();

  // The restart reconciles; wait until it has caught up, then check strictly.
  Config config;
  config.paths.docs = docs;
  config.paths.index = tmp / "index";
  testing::ChildProcess indexer(command, tmp / "indexer.log");
  IndexProbe index(tmp / "index");
  index.eventually([&](const IndexProbe&) { return differences(config).empty(); },
                   std::chrono::seconds(240));
  indexer.signal(SIGTERM);
  ASSERT_EQ(indexer.wait_for(std::chrono::seconds(60)), 0) << indexer.output();
  EXPECT_EQ(differences(config), "");
  EXPECT_EQ(index.documents(), check_index(config)->files);
}

INSTANTIATE_TEST_SUITE_P(Shards, IndexerCrash, ::testing::Values(1u, 2u));

}  // namespace
}  // namespace newsdex
