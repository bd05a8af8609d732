// The change log: a batch's changes net out per document, every commit gets the next number, and
// only the last `keep` records stay readable.
#include "change_log.hpp"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

TEST(ChangeSetTest, ChangesNetOutPerDocument) {
  ChangeSet changes;
  changes.added("new.txt");
  changes.removed("old.txt");
  changes.removed("edited.txt");  // a replace: the old document goes, the new one comes
  changes.added("edited.txt");
  changes.added("draft.txt");  // written and deleted within one batch: nothing to tell
  changes.removed("draft.txt");
  const std::map<std::string, ChangeKind> expected = {{"edited.txt", ChangeKind::updated},
                                                      {"new.txt", ChangeKind::added},
                                                      {"old.txt", ChangeKind::removed}};
  EXPECT_EQ(changes.net(), expected);
}

TEST(ChangeLogTest, CommitsAreNumberedAndOnlyTheLastOnesKept) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  EXPECT_EQ(last_commit_number(db), 0u);
  for (int i = 1; i <= 5; ++i) {
    ChangeSet changes;
    changes.added("story" + std::to_string(i) + ".txt");
    EXPECT_EQ(record_commit_changes(db, changes, /*keep=*/3), static_cast<std::uint64_t>(i));
  }
  EXPECT_EQ(last_commit_number(db), 5u);
  const auto kept = read_commit_changes(db, 2, 5);
  ASSERT_TRUE(kept.has_value());
  ASSERT_EQ(kept->size(), 3u);
  EXPECT_EQ(kept->front().commit, 3u);
  EXPECT_EQ(kept->front().changes.at("story3.txt"), ChangeKind::added);
  EXPECT_FALSE(read_commit_changes(db, 1, 5).has_value());  // commit 2 fell out of the log
  EXPECT_TRUE(read_commit_changes(db, 5, 5)->empty());
}

TEST(ChangeLogTest, AnUnreadableRecordIsAGapNotAGuess) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  record_commit_changes(db, ChangeSet{}, 10);
  db.set_metadata("newsdex.changes/00000000000000000001", "{\"changes\":[[\"a.txt\",\"moved\"]]}");
  EXPECT_FALSE(read_commit_changes(db, 0, 1).has_value());
}

}  // namespace
}  // namespace newsdex
