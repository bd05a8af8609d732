// One document per file, always, and spelling data true to the index: renames onto indexed files,
// duplicates left by older builds, deleted and rewritten documents' words.
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>

#include "check.hpp"
#include "file_processor.hpp"
#include "index_state.hpp"
#include "index_writer.hpp"
#include "indexer.hpp"
#include "indexer_runs.hpp"
#include "schema.hpp"
#include "stored_record.hpp"
#include "test_support.hpp"

namespace newsdex {
namespace {

using testing::TempDir;
using testing::write_file;

std::string article(const std::string& title, const std::string& body) {
  return title + "\nMarch 3, 2024\n\n" + body + "\n";
}

struct Integrity : ::testing::Test {
  TempDir tmp;
  Config config = testing::config_in(tmp.path());
  EntityExtractor extractor;

  Integrity() {
    config.indexer.workers = 1;
    std::filesystem::create_directories(config.paths.docs);
  }

  void run_once() { testing::index_once_checked(config); }

  Xapian::Database db() const { return Xapian::Database(config.paths.index.string()); }

  unsigned count(const std::string& id) const { return db().get_termfreq(schema::id_term(id)); }

  std::string title_of(const std::string& id) const {
    auto database = db();
    auto it = database.postlist_begin(schema::id_term(id));
    if (it == database.postlist_end(schema::id_term(id))) return "";
    auto fields = stored_record::decode_all(database.get_document(*it).get_data());
    return fields ? fields->value("title", "") : "";
  }

  // How often the spelling data counts a word (0 when absent).
  Xapian::doccount spelling_frequency(const std::string& word) const {
    auto database = db();
    for (auto it = database.spellings_begin(); it != database.spellings_end(); ++it)
      if (*it == word) return it.get_termfreq();
    return 0;
  }

  // What the daemon does for `mv from to`: the writer applies the processed move.
  void apply_rename(const std::string& from, const std::string& to) {
    auto state = read_index_state(db());
    std::filesystem::rename(config.paths.docs / from, config.paths.docs / to);
    FileProcessor processor(config.paths.docs, config.indexer.max_file_bytes, extractor);
    auto update = processor.process({to, state.at(from), from});
    ASSERT_EQ(update.kind, FileUpdate::Kind::move);
    auto writer = IndexWriter::open(config.paths.index);
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    (*writer)->apply(update);
    (*writer)->commit({});
  }

  std::vector<std::string> differences() {
    auto report = check_index(config);
    EXPECT_TRUE(report.ok()) << report.error().message;
    return report.ok() ? report->differences : std::vector<std::string>{"check failed"};
  }
};

TEST_F(Integrity, RenameOntoAnIndexedFileLeavesOneDocument) {
  write_file(config.paths.docs / "draft.txt", article("The draft", "Rewritten by the desk."));
  write_file(config.paths.docs / "story.txt", article("The story", "As first published."));
  run_once();
  ASSERT_EQ(count("story.txt"), 1u);

  apply_rename("draft.txt", "story.txt");
  EXPECT_EQ(count("story.txt"), 1u);
  EXPECT_EQ(count("draft.txt"), 0u);
  EXPECT_EQ(db().get_doccount(), 1u);
  EXPECT_EQ(title_of("story.txt"), "The draft");
  EXPECT_EQ(differences(), std::vector<std::string>{});
}

TEST_F(Integrity, ReconciliationRepairsADuplicatedDocument) {
  write_file(config.paths.docs / "story.txt", article("The story", "Only one copy belongs here."));
  run_once();
  {
    // What the old move left behind: a second document with the same id and path.
    Xapian::WritableDatabase writable(config.paths.index.string());
    auto docid = *writable.postlist_begin(schema::id_term("story.txt"));
    writable.add_document(writable.get_document(docid));
    writable.commit();
  }
  ASSERT_EQ(count("story.txt"), 2u);
  auto found = differences();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("story.txt"), std::string::npos) << found[0];

  run_once();
  EXPECT_EQ(count("story.txt"), 1u);
  EXPECT_EQ(differences(), std::vector<std::string>{});
}

TEST_F(Integrity, CheckListsEveryDifference) {
  write_file(config.paths.docs / "kept.txt", article("Kept", "Stays as indexed."));
  write_file(config.paths.docs / "changed.txt", article("Changed", "Before the edit."));
  write_file(config.paths.docs / "gone.txt", article("Gone", "Deleted behind our back."));
  run_once();
  EXPECT_EQ(differences(), std::vector<std::string>{});

  write_file(config.paths.docs / "changed.txt", article("Changed", "After the edit."));
  std::filesystem::remove(config.paths.docs / "gone.txt");
  write_file(config.paths.docs / "new.txt", article("New", "Never indexed."));
  write_file(config.paths.docs / "empty.txt", "");  // skipped by the indexer: not a difference
  auto found = differences();
  std::string all;
  for (const auto& line : found) all += line + "\n";
  EXPECT_EQ(found.size(), 3u) << all;
  EXPECT_NE(all.find("changed.txt"), std::string::npos) << all;
  EXPECT_NE(all.find("gone.txt"), std::string::npos) << all;
  EXPECT_NE(all.find("new.txt"), std::string::npos) << all;

  run_once();
  EXPECT_EQ(differences(), std::vector<std::string>{});
}

TEST_F(Integrity, DeletedDocumentsWordsLeaveTheSpellingData) {
  write_file(config.paths.docs / "odd.txt",
             article("Odd words", "The zanzibarite delegation met the harbourmaster."));
  write_file(config.paths.docs / "plain.txt", article("Plain", "The harbourmaster spoke."));
  run_once();
  EXPECT_EQ(db().get_spelling_suggestion("zanzibarute"), "zanzibarite");
  EXPECT_EQ(spelling_frequency("harbourmaster"), 2u);

  std::filesystem::remove(config.paths.docs / "odd.txt");
  run_once();
  EXPECT_EQ(db().get_spelling_suggestion("zanzibarute"), "");
  EXPECT_EQ(spelling_frequency("zanzibarite"), 0u);
  EXPECT_EQ(spelling_frequency("harbourmaster"), 1u);
}

TEST_F(Integrity, ReSavingADocumentDoesNotGrowSpellingFrequencies) {
  for (int version = 0; version < 4; ++version) {
    write_file(config.paths.docs / "plain.txt",
               article("Plain",
                       "The harbourmaster spoke, version " + std::string(version + 1, 'x') + "."));
    run_once();
  }
  EXPECT_EQ(spelling_frequency("harbourmaster"), 1u);
  // The words of an overwritten version go with it.
  write_file(config.paths.docs / "plain.txt", article("Plain", "The lighthouse keeper spoke."));
  run_once();
  EXPECT_EQ(spelling_frequency("harbourmaster"), 0u);
  EXPECT_EQ(spelling_frequency("lighthouse"), 1u);
}

}  // namespace
}  // namespace newsdex
