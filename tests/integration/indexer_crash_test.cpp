// Crash safety: the indexer is killed with SIGKILL at random moments of a 5,000-document ingest
// while files are also being modified, created and deleted. After a final restart and its
// reconciliation the index must hold exactly the directory: nothing lost, nothing duplicated,
// nothing stale (every document carries the hash of its file as it is on disk).
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "index_probe.hpp"
#include "process.hpp"
#include "schema.hpp"
#include "sha256.hpp"
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

// Every file in the directory, with the hash of what is on disk now.
std::map<std::string, std::string> directory_hashes(const fs::path& docs) {
  std::map<std::string, std::string> hashes;
  for (const auto& entry : fs::recursive_directory_iterator(docs))
    if (entry.is_regular_file())
      hashes[entry.path().lexically_relative(docs).generic_string()] =
          sha256_hex(testing::read_file(entry.path()));
  return hashes;
}

// What is wrong with the index compared with the directory ("" when they agree).
std::string compare(const IndexProbe& index, const std::map<std::string, std::string>& files) {
  if (index.documents() != files.size())
    return "index has " + std::to_string(index.documents()) + " documents for " +
           std::to_string(files.size()) + " files";
  for (const auto& [path, hash] : files) {
    if (auto n = index.count(path); n != 1) return path + ": " + std::to_string(n) + " documents";
    auto data = nlohmann::json::parse(*index.data(path));
    if (data[schema::field::kSha256] != hash) return path + ": stale content";
  }
  return "";
}

TEST(IndexerCrash, KilledAtRandomMomentsLosesDuplicatesAndLeavesNothingStale) {
  const int documents =
      std::getenv("NEWSDEX_CRASH_DOCS") ? std::atoi(std::getenv("NEWSDEX_CRASH_DOCS")) : 5000;
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
      if (version % 4 == 0)
        fs::remove(path, ignored);
      else
        testing::write_file(path, make_article(edits, n, version));
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
  const auto files = directory_hashes(docs);
  testing::ChildProcess indexer(command, tmp / "indexer.log");
  IndexProbe index(tmp / "index");
  index.eventually([&](const IndexProbe& p) { return compare(p, files).empty(); },
                   std::chrono::seconds(240));
  indexer.signal(SIGTERM);
  ASSERT_EQ(indexer.wait_for(std::chrono::seconds(60)), 0) << indexer.output();
  EXPECT_EQ(compare(index, files), "");
}

}  // namespace
}  // namespace newsdex
