// newsdex-indexer --once end to end: a directory of documents in every format, good and bad, into
// a real on-disk Xapian index; then incremental re-runs.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "check.hpp"
#include "index_writer.hpp"
#include "indexer.hpp"
#include "indexer_runs.hpp"
#include "process.hpp"
#include "reconcile.hpp"
#include "schema.hpp"
#include "stored_record.hpp"
#include "test_support.hpp"

namespace newsdex {
namespace {

using testing::TempDir;
using testing::write_file;

constexpr std::string_view kEnglish =
    "Parliament approves the new budget\n"
    "February 9, 2021\n"
    "By Amina Rahman\n\n"
    "The parliament in Baku approved the budget on Tuesday after a long debate. Deputies said the "
    "spending plan recognises the needs of the regions and funds new schools and hospitals.\n";

constexpr std::string_view kRussian =
    "Министр обороны посетил части армии\n"
    "24.11.2021\n\n"
    "Министр обороны встретился с командирами армии и обсудил подготовку войск к зиме. "
    "По словам министра, армия получит новое снаряжение до конца года.\n";

constexpr std::string_view kHtml =
    "<html lang=\"en\"><head><title>Harbour reopens after storm</title>"
    "<meta name=\"author\" content=\"Lena Novak\"><meta name=\"date\" content=\"2022-03-14\">"
    "<script>var secretword = 1;</script></head><body><nav>Home News</nav><article><p>The harbour "
    "reopened on Monday after the storm damaged two piers, the port authority said.</p></article>"
    "</body></html>";

constexpr std::string_view kJsonArray =
    R"([{"title": "Wheat prices climb", "body": "Wheat prices climbed for a third week as exports slowed.", "date": "2023-05-02", "author": "Omar Farooq"},
        {"title": "Rail strike ends", "text": "The rail strike ended after unions accepted the offer of the ministry.", "published": "2023-05-03"}])";

struct Fixture : ::testing::Test {
  TempDir tmp;
  Config config = testing::config_in(tmp.path());

  Fixture() {
    config.indexer.workers = 2;
    write_file(config.paths.docs / "politics/budget.txt", kEnglish);
    write_file(config.paths.docs / "world/army.txt", kRussian);
    write_file(config.paths.docs / "world/harbour.html", kHtml);
    write_file(config.paths.docs / "business/markets.json", kJsonArray);
    write_file(config.paths.docs / "notes.md",
               "# Editors' notes\n\nThe façade of the old library will be restored next spring.\n");
  }

  IndexerCounters run() { return testing::index_once_checked(config); }
  void age_files() { testing::age_files(config.paths.docs); }

  Xapian::Database db() const { return Xapian::Database(config.paths.index.string()); }

  nlohmann::json data_of(const std::string& id) const {
    auto database = db();
    auto term = schema::id_term(id);
    auto it = database.postlist_begin(term);
    if (it == database.postlist_end(term)) return nullptr;
    auto fields = stored_record::decode_all(database.get_document(*it));
    EXPECT_TRUE(fields.ok()) << id << ": " << fields.error().message;
    return fields ? std::move(*fields) : nullptr;
  }

  bool has_term(const std::string& id, const std::string& term) const {
    auto database = db();
    auto it = database.postlist_begin(schema::id_term(id));
    if (it == database.postlist_end(schema::id_term(id))) return false;
    auto doc = database.get_document(*it);
    auto t = doc.termlist_begin();
    t.skip_to(term);
    return t != doc.termlist_end() && *t == term;
  }
};

TEST_F(Fixture, IndexesEveryFormatWithItsMetadata) {
  auto counters = run();
  EXPECT_EQ(counters.added, 5u);
  EXPECT_EQ(counters.documents, 6u);  // the JSON array holds two articles
  EXPECT_EQ(counters.skipped, 0u);
  EXPECT_EQ(db().get_doccount(), 6u);
  EXPECT_EQ(db().get_metadata(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
  EXPECT_FALSE(db().get_metadata(schema::kMetaLastCommit).empty());

  auto budget = data_of("politics/budget.txt");
  ASSERT_TRUE(budget.is_object());
  EXPECT_EQ(budget["title"], "Parliament approves the new budget");
  EXPECT_EQ(budget["date"], "2021-02-09");
  EXPECT_EQ(budget["byline"], "Amina Rahman");
  EXPECT_EQ(budget["lang"], "en");
  EXPECT_EQ(budget["type"], "text/plain");
  EXPECT_EQ(budget["sha256"].get<std::string>().size(), 64u);
  EXPECT_TRUE(has_term("politics/budget.txt", "D20210209"));
  EXPECT_TRUE(has_term("politics/budget.txt", "M202102"));
  EXPECT_TRUE(has_term("politics/budget.txt", "Y2021"));
  EXPECT_TRUE(has_term("politics/budget.txt", "Len"));
  EXPECT_TRUE(has_term("politics/budget.txt", "Sparliament"));
  EXPECT_TRUE(has_term("politics/budget.txt", "Zrecognis"));
  EXPECT_TRUE(has_term("politics/budget.txt", "Etxt"));
  EXPECT_TRUE(has_term("politics/budget.txt", "XFOLDER:politics"));
  EXPECT_TRUE(has_term("politics/budget.txt", "Aamina"));

  auto army = data_of("world/army.txt");
  EXPECT_EQ(army["lang"], "ru");
  EXPECT_EQ(army["date"], "2021-11-24");
  EXPECT_TRUE(has_term("world/army.txt", "Lru"));
  // армии and армия share the Russian stem.
  EXPECT_TRUE(has_term("world/army.txt", "Zарм"));

  auto harbour = data_of("world/harbour.html");
  EXPECT_EQ(harbour["title"], "Harbour reopens after storm");
  EXPECT_EQ(harbour["byline"], "Lena Novak");
  EXPECT_EQ(harbour["date"], "2022-03-14");
  EXPECT_FALSE(has_term("world/harbour.html", "secretword"));

  EXPECT_EQ(data_of("business/markets.json#0")["title"], "Wheat prices climb");
  EXPECT_EQ(data_of("business/markets.json#1")["date"], "2023-05-03");
  EXPECT_TRUE(has_term("notes.md", "facade"));  // accents folded at index time
}

TEST_F(Fixture, ReRunOnAnUnchangedDirectoryReadsNothing) {
  age_files();
  run();
  auto counters = run();
  EXPECT_EQ(counters.unchanged, 5u);
  EXPECT_EQ(counters.added + counters.updated + counters.touched, 0u);
  EXPECT_EQ(db().get_doccount(), 6u);
}

TEST_F(Fixture, ReRunAppliesChangesTouchesAndDeletions) {
  age_files();
  run();
  // Same bytes, new mtime: only the mtime is recorded again.
  auto path = config.paths.docs / "politics/budget.txt";
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::filesystem::last_write_time(path, std::filesystem::file_time_type::clock::now());
  // New content, and a JSON array that shrinks to one article.
  write_file(config.paths.docs / "notes.md", "# Editors' notes\n\nThe museum opens in June.\n");
  write_file(
      config.paths.docs / "business/markets.json",
      R"({"title": "Only one left", "body": "A single article now.", "date": "2023-06-01"})");
  std::filesystem::remove(config.paths.docs / "world/harbour.html");

  auto counters = run();
  EXPECT_EQ(counters.touched, 1u);
  EXPECT_EQ(counters.updated, 2u);
  EXPECT_EQ(counters.removed, 1u);
  EXPECT_EQ(db().get_doccount(), 4u);
  EXPECT_TRUE(data_of("world/harbour.html").is_null());
  EXPECT_TRUE(data_of("business/markets.json#1").is_null());
  EXPECT_EQ(data_of("business/markets.json")["title"], "Only one left");
  EXPECT_TRUE(has_term("notes.md", "museum"));
  EXPECT_FALSE(has_term("notes.md", "facade"));
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(data_of("politics/budget.txt")["mtime"].get<std::int64_t>(),
            st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec);
}

TEST_F(Fixture, ABulkLoadIsCompactedWithTheSameDocumentsAndIds) {
  const auto ids = [&] {
    std::map<std::string, Xapian::docid> out;
    auto database = db();
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
      auto term = database.termlist_begin(*it);
      term.skip_to("Q");  // the unique id term
      out[*term] = *it;
    }
    return out;
  };
  const auto bytes = [&] {
    std::uintmax_t total = 0;
    for (const auto& entry : std::filesystem::directory_iterator(config.paths.index))
      total += entry.file_size();
    return total;
  };
  age_files();
  config.indexer.compact_after_once = false;
  run();
  const auto before = ids();
  const auto loose_bytes = bytes();
  // A run that changes something compacts the index; the edited file keeps its document.
  config.indexer.compact_after_once = true;
  write_file(config.paths.docs / "notes.md", "# Editors' notes\n\nThe museum opens in June.\n");
  run();
  auto after = ids();
  EXPECT_EQ(after.erase("Qnotes.md"), 1u);  // rewritten: a new document
  auto unchanged = before;
  unchanged.erase("Qnotes.md");
  EXPECT_EQ(after, unchanged);
  EXPECT_LT(bytes(), loose_bytes);
  EXPECT_TRUE(has_term("notes.md", "museum"));
  EXPECT_FALSE(has_term("notes.md", "facade"));
  const auto siblings =
      std::distance(std::filesystem::directory_iterator(config.paths.index.parent_path()),
                    std::filesystem::directory_iterator());
  EXPECT_EQ(siblings, 2) << "docs and index only: the old tables are gone";
  // And it takes updates like any index.
  std::filesystem::remove(config.paths.docs / "world/army.txt");
  run();
  EXPECT_EQ(db().get_doccount(), before.size() - 1);
}

// A file rewritten within the mtime clock's resolution of being indexed keeps its size and mtime;
// the re-run must still notice (git's "racily clean" problem).
TEST_F(Fixture, RacilyCleanFilesAreReHashed) {
  const auto path = config.paths.docs / "notes.md";
  run();
  const auto mtime = std::filesystem::last_write_time(path);
  std::string same_size = "# Editors' notes\n\nThe cinema will reopen in the winter.";
  same_size.resize(testing::read_file(path).size(), ' ');
  write_file(path, same_size);
  std::filesystem::last_write_time(path, mtime);
  auto counters = run();
  EXPECT_EQ(counters.updated, 1u);
  EXPECT_TRUE(has_term("notes.md", "cinema"));
}

// `mv draft.txt story.txt` where both have one size and one mtime (an unpacked archive, `cp -p`,
// files written in one tick of the mtime clock): only the ctime says story.txt is another file.
TEST_F(Fixture, AFileRenamedOverOneOfTheSameSizeAndMtimeIsReadAgain) {
  const auto draft = config.paths.docs / "desk/draft.txt";
  const auto story = config.paths.docs / "desk/story.txt";
  write_file(draft, "Draft\n\nThe Velmora harbour council met on Monday about the bridge.\n");
  write_file(story, "Story\n\nThe Velmora railway council met on Friday about the storms.\n");
  ASSERT_EQ(testing::read_file(draft).size(), testing::read_file(story).size());
  age_files();
  std::filesystem::last_write_time(draft, std::filesystem::last_write_time(story));
  run();
  ASSERT_TRUE(has_term("desk/story.txt", "railway"));
  // At once: the index keeps when the reading began to the nanosecond.
  std::filesystem::rename(draft, story);
  const auto counters = run();
  EXPECT_EQ(counters.removed, 1u);
  EXPECT_TRUE(has_term("desk/story.txt", "harbour"));
  EXPECT_FALSE(has_term("desk/story.txt", "railway"));
  const auto report = check_index(config);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->differences.empty()) << report->differences.front();
}

// What needs reading again, against an index of nanoseconds and one of whole seconds (written
// before 2026-12, when the ctime had to fall in a later second than the reading).
TEST(NeedsIndexing, AChangeAtOrAfterTheReadingIsReadAgain) {
  constexpr std::int64_t kS = 1'000'000'000;
  const std::int64_t read = 1'764'633'600 * kS + 250'000'000;
  const IndexedFile exact{76, read - 10 * kS, "ab", {read, true}, {}, false};
  const auto stat = [&](std::int64_t ctime) {
    return FileStat{"desk/story.txt", 76, read - 10 * kS, ctime};
  };
  EXPECT_FALSE(needs_indexing(stat(read - 5 * kS), exact));
  EXPECT_FALSE(needs_indexing(stat(read - 1), exact));
  EXPECT_TRUE(needs_indexing(stat(read), exact));
  EXPECT_TRUE(needs_indexing(stat(read + 1'000), exact));
  EXPECT_TRUE(needs_indexing(FileStat{"desk/story.txt", 77, read - 10 * kS, read - 5 * kS}, exact));

  const IndexedFile seconds{76, read - 10 * kS, "ab", {1'764'633'600 * kS, false}, {}, false};
  EXPECT_FALSE(needs_indexing(stat(read + 1'000), seconds));
  EXPECT_TRUE(needs_indexing(stat(1'764'633'601 * kS), seconds));
}

TEST_F(Fixture, BadFilesAreSkippedAndCountedWithoutStoppingTheRun) {
  config.indexer.max_file_bytes = 4096;
  write_file(config.paths.docs / "bad/binary.txt", std::string("\x7f"
                                                               "ELF\0\0\0\x01\x02\0\0",
                                                               11));
  write_file(config.paths.docs / "bad/empty.txt", "");
  write_file(config.paths.docs / "bad/huge.txt", std::string(5000, 'a'));
  write_file(config.paths.docs / "bad/broken.json", "{\"title\": ");
  std::filesystem::create_symlink("loop.txt", config.paths.docs / "bad/loop.txt");
  std::filesystem::create_symlink("missing.txt", config.paths.docs / "bad/dangling.txt");
  write_file(config.paths.docs / ".hidden.txt", "an editor's temporary copy");
  write_file(config.paths.docs / "draft.txt~", "a backup");

  auto counters = run();
  EXPECT_EQ(counters.added, 5u);
  EXPECT_EQ(counters.skipped, 6u);
  EXPECT_EQ(db().get_doccount(), 6u);
}

TEST_F(Fixture, SymlinksAreFollowedOnlyInsideTheTree) {
  write_file(tmp / "outside/passwd.txt", "root:x:0:0:root:/root:/bin/bash\nSecret words here.\n");
  write_file(tmp / "outside/dir/hidden.txt", std::string(kEnglish));
  const auto docs = config.paths.docs;
  std::filesystem::create_symlink(tmp / "outside/passwd.txt", docs / "x.txt");
  std::filesystem::create_symlink(tmp / "outside/dir", docs / "elsewhere");
  std::filesystem::create_symlink("../politics/budget.txt", docs / "world/budget-link.txt");
  std::filesystem::create_symlink("politics", docs / "desk");  // a directory inside: followed
  std::filesystem::create_symlink("..", docs / "world/up");    // a loop: never followed

  auto counters = run();
  EXPECT_EQ(data_of("x.txt"), nullptr);
  EXPECT_EQ(data_of("elsewhere/hidden.txt"), nullptr);
  EXPECT_EQ(data_of("world/budget-link.txt")["title"], "Parliament approves the new budget");
  EXPECT_EQ(data_of("desk/budget.txt")["title"], "Parliament approves the new budget");
  EXPECT_EQ(counters.skipped, 3u);  // x.txt, elsewhere, world/up
  EXPECT_EQ(db().get_doccount(), 8u);

  // A file replaced by a link to outside after it was indexed leaves the index.
  std::filesystem::remove(docs / "notes.md");
  std::filesystem::create_symlink(tmp / "outside/passwd.txt", docs / "notes.md");
  run();
  EXPECT_EQ(data_of("notes.md"), nullptr);

  // Allowed explicitly: followed.
  config.indexer.follow_external_symlinks = true;
  run();
  EXPECT_FALSE(data_of("x.txt").is_null());
  EXPECT_EQ(data_of("elsewhere/hidden.txt")["title"], "Parliament approves the new budget");
}

TEST_F(Fixture, ASecondWriterIsRefusedWithAClearMessage) {
  auto first = IndexWriter::open(config.paths.index);
  ASSERT_TRUE(first.ok());
  auto second = index_once(config);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.error().message.find("another indexer"), std::string::npos)
      << second.error().message;
}

TEST_F(Fixture, AnIndexThatCannotBeWrittenIsAnError) {
  write_file(config.paths.index, "a file where the index directory should be");
  auto counters = index_once(config);
  ASSERT_FALSE(counters.ok());
  EXPECT_EQ(counters.error().code, Errc::index_error);
}

// Runs fn in a child process and returns its exit status, or nullopt (the child killed) when it
// has not finished within `limit`: a hang shows as a failure, not as a stuck test run.
std::optional<int> exit_status_of(const std::function<int()>& fn, std::chrono::seconds limit) {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(fn());
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    int raw = 0;
    if (::waitpid(pid, &raw, WNOHANG) == pid)
      return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &raw, 0);
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

TEST_F(Fixture, AWriterThatFailsEndsTheRunPromptlyNamingTheCauseAndKeepsTheLastCommit) {
  run();
  const auto committed = db().get_doccount();
  for (int n = 0; n < 60; ++n)
    write_file(config.paths.docs / ("more/f" + std::to_string(n) + ".txt"),
               std::string(kEnglish) + " Number " + std::to_string(n) + ".");
  // Small queues fill at once, so workers and the feeder are blocked when the writer throws.
  config.indexer.queue_capacity = 1;
  config.indexer.workers = 1;
  auto status = exit_status_of(
      [&] {
        OnceOptions options;
        options.fault = [](std::string_view operation) {
          if (operation == "apply") throw Xapian::DatabaseError("Error writing block 7", 28);
        };
        auto counters = index_once(config, options);
        if (counters.ok()) return 10;
        const auto& message = counters.error().message;
        const bool named = message.find("the disk is full") != std::string::npos &&
                           message.find(config.paths.index.string()) != std::string::npos;
        std::fprintf(stderr, "%s\n", message.c_str());
        return named ? 1 : 11;
      },
      std::chrono::seconds(60));
  ASSERT_TRUE(status.has_value()) << "index_once hung after the writer failed";
  EXPECT_EQ(*status, 1);
  EXPECT_EQ(db().get_doccount(), committed);
  // Space is back: the next run catches up.
  run();
  EXPECT_EQ(db().get_doccount(), committed + 60);
}

// A real full disk (a 1 MiB tmpfs): exit status 1, promptly, with the cause and the path. Needs
// the right to mount; skipped otherwise.
TEST_F(Fixture, CommandLineOnAFullDiskExitsOneNamingTheCause) {
  const auto small = tmp / "small";
  std::filesystem::create_directories(small);
  if (::mount("tmpfs", small.c_str(), "tmpfs", 0, "size=1m") != 0)
    GTEST_SKIP() << "cannot mount a tmpfs here (" << std::strerror(errno) << "); skipping";
  struct Unmount {
    std::filesystem::path path;
    ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
  } unmount{small};
  std::string words;
  for (int i = 0; i < 4000; ++i) words += "word" + std::to_string(i * 7919 % 100003) + " ";
  for (int n = 0; n < 100; ++n)
    write_file(config.paths.docs / ("bulk/f" + std::to_string(n) + ".txt"),
               "Bulk " + std::to_string(n) + "\n\n" + words + std::to_string(n));
  const auto index = small / "index";
  testing::ChildProcess indexer({testing::built_program("indexer/newsdex-indexer"), "--once",
                                 "--docs", config.paths.docs.string(), "--index", index.string()},
                                tmp / "full.log");
  auto status = indexer.wait_for(std::chrono::seconds(120));
  ASSERT_TRUE(status.has_value()) << "the indexer hung on a full disk";
  EXPECT_EQ(*status, 1) << indexer.output();
  EXPECT_NE(indexer.output().find("the disk is full"), std::string::npos) << indexer.output();
  EXPECT_NE(indexer.output().find(index.string()), std::string::npos) << indexer.output();
}

// The command line: exit codes and the message when nothing says where the documents are.
std::pair<int, std::string> run_command(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  std::array<char, 4096> buffer{};
  while (auto n = fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
  int status = pclose(pipe);
  return {WEXITSTATUS(status), output};
}

TEST_F(Fixture, CommandLineSaysWhatIsMissingAndIndexes) {
  const auto binary = (testing::binary_dir() / "indexer/newsdex-indexer").string();
  auto [code, output] = run_command("env -u NEWSDEX_CONFIG " + binary + " --once");
  EXPECT_EQ(code, 2);
  EXPECT_NE(output.find("--docs"), std::string::npos) << output;

  std::tie(code, output) = run_command(binary + " --once --docs " + config.paths.docs.string() +
                                       " --index " + config.paths.index.string());
  EXPECT_EQ(code, 0) << output;
  EXPECT_NE(output.find("indexed 6 documents"), std::string::npos) << output;
  EXPECT_EQ(db().get_doccount(), 6u);
}

}  // namespace
}  // namespace newsdex
