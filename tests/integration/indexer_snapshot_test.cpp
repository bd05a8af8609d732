// Snapshots (--snapshot DIR): a consistent copy of one committed revision, taken while a writer
// keeps committing; restored, it is an index the indexer carries on from without re-reading a
// file; and it never overwrites anything.
#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <thread>

#include "check.hpp"
#include "index_snapshot.hpp"
#include "indexer_runs.hpp"
#include "test_support.hpp"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

class Snapshot : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"a.txt", "b.txt", "c.txt"}) {
      testing::write_file(dir_ / "docs" / name, std::string("Story ") + name +
                                                    "\n2024-01-02\n\nA story about " + name +
                                                    " and the harbour.\n");
      // Older than the indexer's second of doubt about files written just before it looks.
      fs::last_write_time(dir_ / "docs" / name,
                          fs::file_time_type::clock::now() - std::chrono::hours(1));
    }
    config_.paths.docs = dir_ / "docs";
    config_.paths.index = dir_ / "index";
    testing::index_once_checked(config_);
  }
  testing::TempDir dir_;
  Config config_;
};

TEST_F(Snapshot, ACopyOfTheCommittedIndexThatTheIndexerCarriesOnFrom) {
  auto info = snapshot_index(config_.paths.index, dir_ / "snap");
  ASSERT_TRUE(info.ok()) << info.error().message;
  EXPECT_EQ(info->documents, 3u);
  EXPECT_GT(info->bytes, 0u);
  EXPECT_EQ(Xapian::Database((dir_ / "snap").string()).get_doccount(), 3u);
  EXPECT_FALSE(fs::exists(dir_ / ("snap.partial-" + std::to_string(::getpid()))));

  // Restored in place of a lost index: it agrees with the directory, and nothing is re-read.
  fs::remove_all(config_.paths.index);
  fs::rename(dir_ / "snap", config_.paths.index);
  auto report = check_index(config_);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->differences.empty()) << report->differences.front();
  const IndexerCounters counters = testing::index_once_checked(config_);
  EXPECT_EQ(counters.added + counters.updated, 0u);
  EXPECT_EQ(counters.unchanged, 3u);
}

TEST_F(Snapshot, EachCopyIsOneRevisionWhileAWriterCommits) {
  std::atomic<bool> stop = false;
  std::thread writer([&] {
    Xapian::WritableDatabase db(config_.paths.index.string(), Xapian::DB_OPEN);
    for (int n = 0; !stop; ++n) {
      Xapian::Document doc;
      doc.add_term("Qextra-" + std::to_string(n));
      doc.add_term("harbour");
      db.add_document(doc);
      db.commit();
    }
  });
  for (int i = 0; i < 5; ++i) {
    const fs::path snap = dir_ / ("snap" + std::to_string(i));
    auto info = snapshot_index(config_.paths.index, snap);
    ASSERT_TRUE(info.ok()) << info.error().message;
    const Xapian::Database copy(snap.string());
    // One revision: the document count it reports is the one its posting lists hold.
    EXPECT_EQ(copy.get_doccount(), info->documents);
    EXPECT_EQ(copy.get_termfreq("harbour"), info->documents);
  }
  stop = true;
  writer.join();
}

TEST_F(Snapshot, NeverOverwritesAndSaysWhatIsWrong) {
  fs::create_directories(dir_ / "taken");
  auto exists = snapshot_index(config_.paths.index, dir_ / "taken");
  ASSERT_FALSE(exists.ok());
  EXPECT_EQ(exists.error().code, Errc::invalid_argument);
  EXPECT_NE(exists.error().message.find("already exists"), std::string::npos);
  auto no_index = snapshot_index(dir_ / "nothing", dir_ / "snap");
  ASSERT_FALSE(no_index.ok());
  EXPECT_NE(no_index.error().message.find("no index"), std::string::npos);
  auto no_folder = snapshot_index(config_.paths.index, dir_ / "missing" / "snap");
  ASSERT_FALSE(no_folder.ok());
  EXPECT_NE(no_folder.error().message.find("does not exist"), std::string::npos);
}

}  // namespace
}  // namespace newsdex
