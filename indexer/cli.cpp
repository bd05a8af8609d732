#include "cli.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "check.hpp"
#include "daemon.hpp"
#include "document_builder.hpp"
#include "entities.hpp"
#include "entity_explain.hpp"
#include "file_reader.hpp"
#include "formats.hpp"
#include "index_snapshot.hpp"
#include "indexer.hpp"
#include "logging.hpp"
#include "reshard.hpp"
#include "status.hpp"

namespace newsdex {
namespace {

struct Flags {
  std::string config;
  std::string docs;
  std::string index;
  std::string log_level;
  bool log_json = false;
  bool once = false;
  bool status = false;
  bool check = false;
  std::string explain;
  std::string snapshot;
  unsigned workers = 0;
  unsigned shards = 0;
  unsigned reshard = 0;
};

// Config file (if any) first, then flags on top; says exactly what is missing.
Result<Config> resolve_config(const Flags& flags, bool needs_docs) {
  Config config;
  if (!flags.config.empty()) {
    auto loaded = load_config(flags.config);
    if (!loaded) return loaded.error();
    config = std::move(*loaded);
  }
  if (!flags.docs.empty()) config.paths.docs = flags.docs;
  if (!flags.index.empty()) config.paths.index = flags.index;
  if (!flags.log_level.empty()) config.log.level = flags.log_level;
  if (flags.log_json) config.log.json = true;
  if (flags.workers) config.indexer.workers = flags.workers;
  if (flags.shards) config.index.shards = flags.shards;

  if (needs_docs && config.paths.docs.empty())
    return make_error(Errc::invalid_argument,
                      "no documents directory: give --docs DIR, or [paths] docs in a config file "
                      "named with --config FILE");
  if (config.paths.index.empty())
    return make_error(Errc::invalid_argument,
                      "no index directory: give --index DIR, or [paths] index in a config file "
                      "named with --config FILE");
  std::error_code ec;
  if (needs_docs && !std::filesystem::is_directory(config.paths.docs, ec))
    return make_error(Errc::invalid_argument,
                      "the documents directory " + config.paths.docs.string() + " does not exist");
  return config;
}

void print_progress(const Progress& progress) {
  static constexpr int kWidth = 30;
  const int filled =
      progress.total ? static_cast<int>(kWidth * progress.done / progress.total) : kWidth;
  std::fprintf(stderr, "\r[%s%s] %llu/%llu", std::string(filled, '#').c_str(),
               std::string(kWidth - filled, ' ').c_str(),
               static_cast<unsigned long long>(progress.done),
               static_cast<unsigned long long>(progress.total));
  if (progress.done == progress.total) std::fputc('\n', stderr);
}

void print_summary(const IndexerCounters& c, double seconds) {
  fmt::print(
      "indexed {} documents from {} files in {:.2f} s: {} added, {} updated, {} touched, "
      "{} unchanged, {} deleted, {} skipped\n",
      c.documents, c.added + c.updated, seconds, c.added, c.updated, c.touched, c.unchanged,
      c.removed, c.skipped);
  if (c.languages.empty()) return;
  std::string langs;
  for (const auto& [lang, n] : c.languages)
    langs += fmt::format("{}{} {}", langs.empty() ? "" : ", ", lang, n);
  fmt::print("languages: {}\n", langs);
}

// --check: every difference between the index and the directory, one per line; 1 when any.
int check_command(const Config& config) {
  auto report = check_index(config);
  if (!report) {
    std::fprintf(stderr, "newsdex-indexer: %s\n", report.error().message.c_str());
    return 1;
  }
  for (const auto& difference : report->differences) fmt::print("{}\n", difference);
  if (!report->differences.empty()) {
    fmt::print("{} differences between {} and {}\n", report->differences.size(),
               config.paths.index.string(), config.paths.docs.string());
    return 1;
  }
  fmt::print("index and directory agree: {} files, {} documents\n", report->files,
             report->documents);
  return 0;
}

// --snapshot DIR: a copy of the index to back up or to restore from.
int snapshot_command(const Config& config, const std::string& destination) {
  auto info = snapshot_index(config.paths.index, destination);
  if (!info) {
    std::fprintf(stderr, "newsdex-indexer: %s\n", info.error().message.c_str());
    return info.error().code == Errc::invalid_argument ? 2 : 1;
  }
  fmt::print("snapshot of revision {} ({} documents, {:.1f} MB) written to {}{}\n", info->revision,
             info->documents, info->bytes / 1e6, destination,
             info->attempts > 1
                 ? fmt::format(" (copy {}: commits overtook the earlier ones)", info->attempts)
                 : "");
  return 0;
}

// --reshard N: the index's documents moved into N shards, without parsing them again.
int reshard_command(const Config& config, unsigned shards) {
  const auto start = std::chrono::steady_clock::now();
  auto result = reshard_index(config.paths.index, shards);
  if (!result) {
    std::fprintf(stderr, "newsdex-indexer: %s\n", result.error().message.c_str());
    return result.error().code == Errc::invalid_argument ? 2 : 1;
  }
  fmt::print("resharded {}: {} -> {} shard(s), {} documents in {:.2f} s{}\n",
             config.paths.index.string(), result->from, result->to, result->documents,
             std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
             config.index.shards != shards
                 ? fmt::format("; set [index] shards = {} in the configuration", shards)
                 : "");
  return 0;
}

// --explain: what the indexer makes of one file, for an editor asking why it is tagged as it is.
int explain_file(const std::string& path) {
  auto format = format_for(path);
  if (!format) {
    std::fprintf(stderr, "newsdex-indexer: %s: not a format newsdex indexes\n", path.c_str());
    return 2;
  }
  auto file = read_file(path, std::numeric_limits<std::uint64_t>::max());
  if (!file) {
    std::fprintf(stderr, "newsdex-indexer: %s: %s\n", path.c_str(), file.error().message.c_str());
    return 2;
  }
  auto articles = parse_document(*format, file->bytes);
  if (!articles) {
    std::fprintf(stderr, "newsdex-indexer: %s: %s\n", path.c_str(),
                 articles.error().message.c_str());
    return 2;
  }
  Analyzer analyzer;
  EntityExtractor extractor;
  for (std::size_t i = 0; i < articles->size(); ++i) {
    const auto& article = (*articles)[i];
    auto analysed = analyse_article(analyzer, article);
    if (articles->size() > 1)
      fmt::print("{}article {} of {}\n", i ? "\n" : "", i + 1, articles->size());
    fmt::print("{}", explain_document(article, analysed.body.lang, analysed.body.langs,
                                      extractor.extract(article, analysed.body.lang)));
  }
  return 0;
}

}  // namespace

int run_indexer_cli(int argc, char** argv) {
  CLI::App app{"newsdex-indexer: keeps a Xapian index of a news documents directory up to date"};
  Flags flags;
  if (const char* env = std::getenv("NEWSDEX_CONFIG")) flags.config = env;
  app.add_option("--config", flags.config, "TOML config file (default: $NEWSDEX_CONFIG)")
      ->type_name("FILE");
  app.add_option("--docs", flags.docs, "documents directory (overrides [paths] docs)")
      ->type_name("DIR");
  app.add_option("--index", flags.index, "index directory (overrides [paths] index)")
      ->type_name("DIR");
  app.add_flag("--once", flags.once,
               "index what changed, delete what disappeared, then exit (default: keep watching)");
  app.add_option("--explain", flags.explain,
                 "print the title, date, byline, languages and entities found in FILE, then exit")
      ->type_name("FILE");
  app.add_flag("--status", flags.status,
               "print what the index holds and its last commit, then exit");
  app.add_flag("--check", flags.check,
               "compare the index with the documents directory (paths, hashes, duplicates); "
               "print every difference and exit 1 if there is any, 0 when they agree");
  app.add_option("--snapshot", flags.snapshot,
                 "write a consistent, compacted copy of the index's current revision to DIR (which "
                 "must not exist), safe while the indexer runs, then exit")
      ->type_name("DIR");
  app.add_option("--shards", flags.shards,
                 "document shards written in parallel, 1-64 (overrides [index] shards; an existing "
                 "index keeps its count, see --reshard)")
      ->type_name("N")
      ->check(CLI::Range(1, 64));
  app.add_option("--reshard", flags.reshard,
                 "move the index's documents into N shards (1-64) without parsing them again, "
                 "then exit; stop the indexer first")
      ->type_name("N")
      ->check(CLI::Range(1, 64));
  app.add_option("--workers", flags.workers, "parse/analyse threads (default: one per core)")
      ->type_name("N");
  app.add_option("--log-level", flags.log_level, "trace, debug, info, warn, error, critical, off")
      ->type_name("LEVEL");
  app.add_flag("--log-json", flags.log_json, "log one JSON object per line");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  if (!flags.explain.empty()) return explain_file(flags.explain);
  auto config =
      resolve_config(flags, !flags.status && flags.snapshot.empty() && flags.reshard == 0);
  if (!config) {
    std::fprintf(stderr, "newsdex-indexer: %s\n", config.error().message.c_str());
    return 2;
  }
  if (auto logging = configure_logging(config->log); !logging) {
    std::fprintf(stderr, "newsdex-indexer: %s\n", logging.error().message.c_str());
    return 2;
  }
  // Xapian keeps changesets for replicas when this is set as its writer opens (before any thread
  // starts, so setting the environment is safe here).
  if (config->replication.changesets > 0)
    ::setenv("XAPIAN_MAX_CHANGESETS", std::to_string(config->replication.changesets).c_str(), 1);
  if (flags.check) return check_command(*config);
  if (!flags.snapshot.empty()) return snapshot_command(*config, flags.snapshot);
  if (flags.reshard) return reshard_command(*config, flags.reshard);
  if (flags.status) {
    auto report = index_status_report(config->paths.index);
    if (!report) {
      std::fprintf(stderr, "newsdex-indexer: %s\n", report.error().message.c_str());
      return 1;
    }
    fmt::print("{}", *report);
    return 0;
  }
  if (!flags.once) {
    Daemon daemon(*config, [flags] { return resolve_config(flags, true); });
    if (auto status = daemon.run(); !status) {
      spdlog::error("{}", status.error().message);
      return 1;
    }
    return 0;
  }

  OnceOptions options;
  if (isatty(STDERR_FILENO)) options.on_progress = print_progress;
  const auto start = std::chrono::steady_clock::now();
  auto counters = index_once(*config, options);
  if (!counters) {
    spdlog::error("{}", counters.error().message);
    return 1;
  }
  print_summary(*counters,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return 0;
}

}  // namespace newsdex
