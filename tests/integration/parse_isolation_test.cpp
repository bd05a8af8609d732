// Documents isolated from the indexer: a document whose parser crashes, hangs, burns CPU or eats
// memory costs that document only. It is skipped with the reason, remembered with its hash, shown
// by --status, and handed to a parser again only when it changes. The misbehaving parser is a
// test helper program (tests/support/misbehaving_parse_helper.cpp) named in the config.
#include <gtest/gtest.h>
#include <xapian.h>

#include <thread>

#include "daemon.hpp"
#include "file_processor.hpp"
#include "index_probe.hpp"
#include "indexer.hpp"
#include "indexer_runs.hpp"
#include "isolated_parser.hpp"
#include "minimal_pdf.hpp"
#include "process.hpp"
#include "skip_records.hpp"
#include "status.hpp"
#include "test_support.hpp"

namespace newsdex {
namespace {

using testing::IndexProbe;
using testing::minimal_pdf;
using testing::TempDir;
using testing::write_file;

std::filesystem::path misbehaving_helper() {
  return testing::built_program("tests/integration/misbehaving-parse-helper");
}

std::string good_pdf(const std::string& headline) {
  return minimal_pdf({headline, "March 3, 2024", "", "The council met on Monday and agreed."});
}

ParserIsolation isolation(std::chrono::milliseconds timeout, unsigned cpu_seconds) {
  ParserIsolation settings;
  settings.formats = {Format::pdf, Format::html};
  settings.helper = misbehaving_helper();
  settings.timeout = timeout;
  settings.cpu_seconds = cpu_seconds;
  settings.memory_bytes = kMemoryLimitApplies ? 256ull << 20 : 0;
  return settings;
}

void expect_skipped(const Result<std::vector<Article>>& result, std::string_view reason) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, Errc::parse_error);
  EXPECT_NE(result.error().message.find(reason), std::string::npos) << result.error().message;
}

// Each misbehaviour costs its own document; the helper is replaced and the next document parses.
TEST(IsolatedParserTest, CrashHangAndMemoryEachCostOneDocument) {
  IsolatedParser parser(isolation(std::chrono::milliseconds(1500), 0));
  auto good = parser.parse(Format::pdf, good_pdf("Council agrees budget"));
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_EQ(good->front().title, "Council agrees budget");
  const pid_t first = parser.helper_pid();
  ASSERT_TRUE(parser.parse(Format::pdf, good_pdf("Second story")).ok());
  EXPECT_EQ(parser.helper_pid(), first) << "the helper stays alive between documents";

  expect_skipped(parser.parse(Format::pdf, good_pdf("newsdex-test:crash")),
                 "the parser crashed (SIGSEGV)");
  ASSERT_TRUE(parser.parse(Format::pdf, good_pdf("After the crash")).ok());
  EXPECT_NE(parser.helper_pid(), first);

  expect_skipped(parser.parse(Format::html, "<p>newsdex-test:hang</p>"),
                 "parsing took longer than 1500 ms");
  ASSERT_TRUE(parser.parse(Format::html, "<title>After the hang</title><p>Text.</p>").ok());

  if (kMemoryLimitApplies) {
    expect_skipped(parser.parse(Format::pdf, good_pdf("newsdex-test:eat")),
                   "parsing needed more than 256 MiB of memory");
    ASSERT_TRUE(parser.parse(Format::pdf, good_pdf("After the feast")).ok());
  }
}

TEST(IsolatedParserTest, CpuTimeIsLimitedPerDocument) {
  IsolatedParser parser(isolation(std::chrono::seconds(60), 1));
  expect_skipped(parser.parse(Format::pdf, good_pdf("newsdex-test:spin")),
                 "parsing used more than 1 s of CPU time");
  // The allowance is per document, not for the helper's whole life.
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(parser.parse(Format::pdf, good_pdf("Calm")).ok());
}

TEST(IsolatedParserTest, AMissingHelperIsNotTheDocumentsFault) {
  auto settings = isolation(std::chrono::seconds(5), 0);
  settings.helper = "/nonexistent/newsdex-parse-helper";
  IsolatedParser parser(settings);
  const auto result = parser.parse(Format::pdf, good_pdf("Anything"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, Errc::io_error);

  IndexerConfig config;
  config.parse_helper = settings.helper.string();
  const auto refused = parser_isolation(config);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("/nonexistent/newsdex-parse-helper"), std::string::npos);
}

// The real helper, as installed beside the program.
TEST(IsolatedParserTest, TheRealHelperParsesPdfAndHtml) {
  auto settings = parser_isolation(IndexerConfig{});
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  IsolatedParser parser(*settings);
  auto pdf = parser.parse(Format::pdf, good_pdf("Harbour reopens"));
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_EQ(pdf->front().title, "Harbour reopens");
  EXPECT_EQ(pdf->front().date->iso(), "2024-03-03");
  auto html = parser.parse(Format::html, "<html lang=de><title>Hafen</title><p>Text.</p></html>");
  ASSERT_TRUE(html.ok()) << html.error().message;
  EXPECT_EQ(html->front().title, "Hafen");
  EXPECT_EQ(html->front().lang_hint, "de");
  expect_skipped(parser.parse(Format::pdf, "%PDF-1.4 not really"), "damaged PDF");
}

struct OnceFixture : ::testing::Test {
  TempDir tmp;
  Config config = testing::config_in(tmp.path());

  OnceFixture() {
    config.indexer.workers = 1;  // one helper, reused after every failure
    config.indexer.parse_helper = misbehaving_helper().string();
    config.indexer.parse_timeout_ms = 1000;
    config.indexer.parse_memory_mb = 256;
    write_file(config.paths.docs / "a-crash.pdf", good_pdf("newsdex-test:crash"));
    write_file(config.paths.docs / "b-good.pdf", good_pdf("Council agrees budget"));
    write_file(config.paths.docs / "c-hang.html", "<p>newsdex-test:hang</p>");
    write_file(config.paths.docs / "d-good.html", "<title>Harbour reopens</title><p>Ships.</p>");
    write_file(config.paths.docs / "e-deep.json", std::string(100'000, '[') + "]");
    write_file(config.paths.docs / "f-good.txt", "Rail strike ends\n\nUnions accepted.\n");
    if (kMemoryLimitApplies)
      write_file(config.paths.docs / "g-eat.pdf", good_pdf("newsdex-test:eat"));
    testing::age_files(config.paths.docs);
  }

  std::size_t bad_files() const { return kMemoryLimitApplies ? 4 : 3; }

  IndexerCounters run() { return testing::index_once_checked(config); }

  std::vector<SkipRecord> skips() const {
    return read_skips(Xapian::Database(config.paths.index.string()));
  }
};

TEST_F(OnceFixture, BadDocumentsAreSkippedRememberedAndNotParsedAgainUntilTheyChange) {
  const auto first = run();
  EXPECT_EQ(first.added, 3u);
  EXPECT_EQ(first.skipped, bad_files());
  IndexProbe index(config.paths.index);
  for (const char* id : {"b-good.pdf", "d-good.html", "f-good.txt"}) EXPECT_EQ(index.count(id), 1u);

  const auto records = skips();
  ASSERT_EQ(records.size(), bad_files());
  EXPECT_EQ(records[0].path, "a-crash.pdf");
  EXPECT_EQ(records[0].file.skipped, "the parser crashed (SIGSEGV)");
  EXPECT_EQ(records[0].file.sha256.size(), 64u);
  auto report = index_status_report(config.paths.index);
  ASSERT_TRUE(report.ok());
  EXPECT_NE(report->find("a-crash.pdf: skipped: the parser crashed (SIGSEGV)"), std::string::npos)
      << *report;
  EXPECT_NE(report->find("c-hang.html: skipped: parsing took longer than 1000 ms"),
            std::string::npos)
      << *report;
  EXPECT_NE(report->find("e-deep.json: skipped: arrays and objects nested deeper than 64 levels"),
            std::string::npos)
      << *report;
  if (kMemoryLimitApplies) {
    EXPECT_NE(report->find("g-eat.pdf: skipped: parsing needed more than 256 MiB"),
              std::string::npos)
        << *report;
  }

  // Unchanged bad files are not read, let alone parsed, by the next run (a restart).
  const auto second = run();
  EXPECT_EQ(second.skipped, 0u);
  EXPECT_EQ(second.unchanged, 3 + bad_files());
  EXPECT_EQ(skips().size(), bad_files());

  // A fixed file is tried again, indexed, and its record goes; a deleted one's record goes too.
  write_file(config.paths.docs / "a-crash.pdf", good_pdf("Crash fixed"));
  std::filesystem::remove(config.paths.docs / "c-hang.html");
  std::filesystem::last_write_time(
      config.paths.docs / "a-crash.pdf",
      std::filesystem::file_time_type::clock::now() - std::chrono::minutes(30));
  const auto third = run();
  EXPECT_EQ(third.updated + third.added, 1u);
  EXPECT_EQ(third.skipped, 0u);
  EXPECT_EQ(index.count("a-crash.pdf"), 1u);
  EXPECT_EQ(skips().size(), bad_files() - 2);
}

// Same bytes with a new mtime (a `touch`, a copy back): hashed, found to be the bytes that failed,
// and skipped again without a parser seeing them.
TEST_F(OnceFixture, SameBytesUnderANewMtimeAreNotParsedAgain) {
  run();
  const auto records = skips();
  ASSERT_FALSE(records.empty());
  FileJob job{"a-crash.pdf", records[0].file, std::nullopt};
  job.known->skipped = "the reason recorded before";
  EntityExtractor extractor;
  FileProcessor processor(config.paths.docs, 1 << 20, extractor,
                          isolation(std::chrono::seconds(5), 0));
  const auto update = processor.process(job);
  EXPECT_EQ(update.kind, FileUpdate::Kind::failed);
  EXPECT_EQ(update.error, "the reason recorded before");
  EXPECT_TRUE(update.remember_skip);
}

// Raising a limit tries the files skipped under the old limits again.
TEST_F(OnceFixture, FilesSkippedUnderOtherLimitsAreTriedAgain) {
  EXPECT_EQ(run().skipped, bad_files());
  EXPECT_EQ(run().skipped, 0u);
  config.indexer.parse_timeout_ms = 1200;
  EXPECT_EQ(run().skipped, bad_files());
  EXPECT_EQ(run().skipped, 0u);
}

// The watching daemon: a crashing document does not take it down, and after a restart neither
// the reconciliation nor the watcher hands it to a parser again.
TEST(ParseIsolationDaemonTest, ACrashingDocumentIsSkippedAndNotParsedAgainAfterARestart) {
  TempDir tmp;
  Config config = testing::config_in(tmp.path());
  config.indexer.workers = 1;  // jobs are applied in the order they were queued
  config.indexer.debounce_ms = 30;
  config.indexer.commit_interval_ms = 50;
  config.indexer.parse_helper = misbehaving_helper().string();
  std::filesystem::create_directories(config.paths.docs);
  IndexProbe index(config.paths.index);
  const auto records = [&] { return read_skips(Xapian::Database(config.paths.index.string())); };

  auto run_daemon = [&](const std::function<void()>& while_running) {
    Daemon daemon(config, nullptr);
    Status status = Ok{};
    std::jthread thread([&] { status = daemon.run(); });
    while_running();
    daemon.stop();
    thread.join();
    EXPECT_TRUE(status.ok()) << status.error().message;
  };
  run_daemon([&] {
    write_file(config.paths.docs / "crash.pdf", good_pdf("newsdex-test:crash"));
    write_file(config.paths.docs / "one.pdf", good_pdf("Council agrees budget"));
    EXPECT_TRUE(index.eventually([](const IndexProbe& p) { return p.count("one.pdf") == 1; }));
    EXPECT_TRUE(index.eventually([&](const IndexProbe&) { return records().size() == 1; }));
  });
  ASSERT_EQ(records().size(), 1u);
  EXPECT_EQ(records()[0].file.skipped, "the parser crashed (SIGSEGV)");

  // Relabel the record: a parser seeing the file again would write "crashed" back.
  {
    Xapian::WritableDatabase db(config.paths.index.string());
    auto record = records()[0];
    record.file.skipped = "crashed in the first run";
    record_skip(db, record);
    db.commit();
  }
  run_daemon([&] {
    write_file(config.paths.docs / "two.pdf", good_pdf("Harbour reopens"));
    EXPECT_TRUE(index.eventually([](const IndexProbe& p) { return p.count("two.pdf") == 1; }));
  });
  ASSERT_EQ(records().size(), 1u);
  EXPECT_EQ(records()[0].file.skipped, "crashed in the first run");
  EXPECT_EQ(index.count("one.pdf"), 1u);
}

}  // namespace
}  // namespace newsdex
