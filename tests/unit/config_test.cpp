#include "config.hpp"

#include <regex>
#include <string>

#include "test_support.hpp"

namespace newsdex {
namespace {

using newsdex::testing::TempDir;
using newsdex::testing::write_file;

// Every key the file may set, with a value of the wrong type and the complaint it must draw.
struct KeyCase {
  std::string section;
  std::string key;
  std::string wrong_value;
  std::string complaint;
};

const std::vector<KeyCase>& all_keys() {
  static const std::vector<KeyCase> cases = {
      {"paths", "docs", "42", "must be a string"},
      {"paths", "index", "true", "must be a string"},
      {"indexer", "max_file_bytes", "\"64MiB\"", "must be an integer"},
      {"indexer", "workers", "2.5", "must be an integer"},
      {"indexer", "commit_interval_ms", "\"200\"", "must be an integer"},
      {"indexer", "commit_every_docs", "[1000]", "must be an integer"},
      {"indexer", "debounce_ms", "false", "must be an integer"},
      {"indexer", "queue_capacity", "1e3", "must be an integer"},
      {"indexer", "ignore", "\"*.tmp\"", "must be an array of strings"},
      {"indexer", "isolate_formats", "\"pdf\"", "must be an array of strings"},
      {"indexer", "parse_helper", "1", "must be a string"},
      {"indexer", "parse_timeout_ms", "\"30s\"", "must be an integer"},
      {"indexer", "parse_cpu_seconds", "2.5", "must be an integer"},
      {"indexer", "parse_memory_mb", "\"1G\"", "must be an integer"},
      {"server", "indexes", "[1, 2]", "must be an array of strings"},
      {"server", "listen", "8080", "must be a string"},
      {"server", "socket", "{ path = \"x\" }", "must be a string"},
      {"server", "tcp_listen", "9090", "must be a string"},
      {"server", "threads", "\"4\"", "must be an integer"},
      {"server", "max_body_bytes", "1.5", "must be an integer"},
      {"server", "max_query_bytes", "true", "must be an integer"},
      {"server", "max_result_window", "\"10k\"", "must be an integer"},
      {"server", "default_limit", "[]", "must be an integer"},
      {"server", "max_limit", "100.0", "must be an integer"},
      {"server", "snippet_length", "\"long\"", "must be an integer"},
      {"server", "max_connections", "1979-05-27", "must be an integer"},
      {"server", "header_timeout_ms", "\"10s\"", "must be an integer"},
      {"server", "idle_timeout_ms", "false", "must be an integer"},
      {"server", "cors_origins", "\"*\"", "must be an array of strings"},
      {"server", "api_keys", "[\"k\", 7]", "must be an array of strings"},
      {"server", "allow_partial", "\"yes\"", "must be true or false"},
      {"server", "shard_timeout_ms", "\"5s\"", "must be an integer"},
      {"server", "shard_retry_ms", "1.5", "must be an integer"},
      {"ranking", "bm25_k1", "\"1.2\"", "must be a number"},
      {"ranking", "bm25_b", "true", "must be a number"},
      {"ranking", "title_weight", "[2]", "must be a number"},
      {"ranking", "proximity_window", "2.5", "must be an integer"},
      {"ranking", "recency_half_life", "7", "must be a string"},
      {"versions", "enabled", "1", "must be true or false"},
      {"alerts", "enabled", "\"yes\"", "must be true or false"},
      {"alerts", "poll_ms", "0.5", "must be an integer"},
      {"alerts", "max_subscriptions", "\"10k\"", "must be an integer"},
      {"alerts", "max_per_connection", "[100]", "must be an integer"},
      {"alerts", "max_queued_events", "\"1000\"", "must be an integer"},
      {"alerts", "heartbeat_s", "true", "must be an integer"},
      {"alerts", "change_log_commits", "1e3", "must be an integer"},
      {"replication", "changesets", "\"10\"", "must be an integer"},
      {"versions", "threshold", "\"0.5\"", "must be a number"},
      {"versions", "min_words", "2.5", "must be an integer"},
      {"versions", "max_candidates", "\"50\"", "must be an integer"},
      {"versions", "collapse", "\"no\"", "must be true or false"},
      {"versions", "max_listed", "[1]", "must be an integer"},
      {"versions", "diff_max_edits", "true", "must be an integer"},
      {"log", "level", "3", "must be a string"},
      {"log", "json", "\"yes\"", "must be true or false"},
  };
  return cases;
}

// A file whose line 3 sets section.key = value (line 1 a comment, line 2 the header).
std::string one_key_file(const std::string& section, const std::string& key,
                         const std::string& value) {
  return "# test\n[" + section + "]\n" + key + " = " + value + "\n";
}

TEST(ConfigTest, EmptyFileGivesTheDocumentedDefaults) {
  const auto config = parse_config("", "empty.toml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(*config, Config{});
  EXPECT_EQ(config->server.listen, "127.0.0.1:8080");
  EXPECT_EQ(config->indexer.max_file_bytes, 64ull << 20);
}

TEST(ConfigTest, EveryKeyRejectsAWrongTypeNamingKeyAndLine) {
  for (const KeyCase& c : all_keys()) {
    SCOPED_TRACE(c.section + "." + c.key);
    const auto config = parse_config(one_key_file(c.section, c.key, c.wrong_value), "t.toml");
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().code, Errc::invalid_argument);
    EXPECT_EQ(config.error().message, "t.toml:3: '" + c.section + "." + c.key + "' " + c.complaint);
  }
}

TEST(ConfigTest, WrongArrayElementIsReportedOnItsOwnLine) {
  const auto config = parse_config("[indexer]\nignore = [\n  \"*.tmp\",\n  5,\n]\n", "t.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, "t.toml:4: 'indexer.ignore' must be an array of strings");
}

TEST(ConfigTest, UnknownKeysAreErrorsInEverySection) {
  for (const std::string section :
       {"paths", "indexer", "server", "alerts", "replication", "versions", "log"}) {
    SCOPED_TRACE(section);
    const auto config = parse_config(one_key_file(section, "colour", "\"blue\""), "newsdex.toml");
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().code, Errc::invalid_argument);
    EXPECT_EQ(config.error().message, "newsdex.toml:3: unknown key '" + section + ".colour'");
  }
}

TEST(ConfigTest, MisspeltKeyIsNamedWithItsLine) {
  const std::string text =
      "[paths]\ndocs = \"/d\"\n\n[indexer]\nworkers = 2\ncomit_every_docs = 10\n";
  const auto config = parse_config(text, "newsdex.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message, "newsdex.toml:6: unknown key 'indexer.comit_every_docs'");
}

TEST(ConfigTest, UnknownSectionsAndStrayTopLevelKeysAreErrors) {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"[log]\nlevel = \"info\"\n\n[serverr]\nthreads = 2\n",
       "x.toml:4: unknown section 'serverr'"},
      {"docs = \"/srv\"\n", "x.toml:1: unknown key 'docs'"},
      {"[server.tls]\ncert = \"c\"\n", "x.toml:1: unknown key 'server.tls'"},
      {"log = \"debug\"\n", "x.toml:1: 'log' must be a section ([log])"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const auto config = parse_config(c.text, "x.toml");
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().message, c.message);
  }
}

TEST(ConfigTest, OutOfRangeValuesAreErrors) {
  struct Case {
    std::string section, key, value, complaint;
  };
  const std::vector<Case> cases = {
      {"server", "threads", "-1", "must be between 0 and 1024 (got -1)"},
      {"server", "threads", "1025", "must be between 0 and 1024 (got 1025)"},
      {"indexer", "workers", "100000", "must be between 0 and 1024 (got 100000)"},
      {"indexer", "commit_interval_ms", "0", "must be between 1 and 3600000 (got 0)"},
      {"indexer", "commit_every_docs", "0", "must be between 1 and 10000000 (got 0)"},
      {"indexer", "commit_interval_max_ms", "0", "must be between 1 and 3600000 (got 0)"},
      {"indexer", "commit_floor_ms", "2000", "must not exceed indexer.commit_interval_ms"},
      {"indexer", "max_file_bytes", "0", "must be between 1 and 1099511627776 (got 0)"},
      {"indexer", "queue_capacity", "-5", "must be between 1 and 1000000 (got -5)"},
      {"indexer", "parse_timeout_ms", "0", "must be between 1 and 3600000 (got 0)"},
      {"indexer", "isolate_formats", "[\"pdf\", \"docx\"]",
       "must list only text, markdown, html, json, pdf (not 'docx')"},
      {"server", "max_body_bytes", "-1", "must be between 1 and 1073741824 (got -1)"},
      {"server", "idle_timeout_ms", "0", "must be between 1 and 86400000 (got 0)"},
      {"server", "listen", "\"localhost\"", "must be host:port (e.g. \"127.0.0.1:8080\")"},
      {"server", "listen", "\"127.0.0.1:99999\"", "must be host:port (e.g. \"127.0.0.1:8080\")"},
      {"server", "tcp_listen", "\":7000\"", "must be host:port or \"\" (off)"},
      {"server", "api_keys", "[\"\"]", "must not contain \"\""},
      {"server", "search_keys", "[\"k\"]",
       "needs server.api_keys too (without api_keys every request is open)"},
      {"server", "page_key", "\"k\"", "must be one of server.search_keys"},
      {"server", "max_json_depth", "0", "must be between 1 and 1000 (got 0)"},
      {"server", "queue_timeout_ms", "0", "must be between 1 and 3600000 (got 0)"},
      {"log", "level", "\"verbose\"",
       "must be one of trace, debug, info, warn, error, critical, off"},
      {"paths", "docs", "\"\"", "must not be empty (leave the key out instead)"},
      {"ranking", "bm25_b", "1.5", "must be between 0 and 1"},
      {"ranking", "entity_weight", "-1", "must be between 0 and 100"},
      {"ranking", "proximity_window", "1", "must be between 2 and 100 (got 1)"},
      {"versions", "threshold", "0.2", "must be between 0.3 and 1"},
      {"alerts", "poll_ms", "5", "must be between 10 and 60000 (got 5)"},
      {"alerts", "max_subscriptions", "0", "must be between 1 and 1000000 (got 0)"},
      {"versions", "threshold", "1.5", "must be between 0.3 and 1"},
      {"versions", "min_words", "4", "must be between 5 and 100000 (got 4)"},
      {"versions", "max_candidates", "0", "must be between 1 and 10000 (got 0)"},
      {"versions", "max_listed", "0", "must be between 1 and 10000 (got 0)"},
      {"versions", "diff_max_edits", "5001", "must be between 0 and 5000 (got 5001)"},
      {"ranking", "recency_half_life", "\"7 days\"",
       "must be a half-life such as \"12h\", \"7d\", \"2w\" or \"1y\" (at most 10 years), or "
       "\"off\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.section + "." + c.key + " = " + c.value);
    const auto config = parse_config(one_key_file(c.section, c.key, c.value), "r.toml");
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().message, "r.toml:3: '" + c.section + "." + c.key + "' " + c.complaint);
  }
}

TEST(ConfigTest, LimitsMustBeConsistent) {
  const auto config = parse_config("[server]\nmax_limit = 50\ndefault_limit = 60\n", "c.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message,
            "c.toml:3: 'server.default_limit' must not exceed server.max_limit");
}

TEST(ConfigTest, SyntaxErrorsCarryLineAndColumn) {
  struct Case {
    std::string text;
    std::string prefix;
  };
  const std::vector<Case> cases = {
      {"[server]\nthreads = 4\nlisten = \"127.0.0.1:8080\n", "s.toml:3:"},
      {"[indexer]\n\n\nworkers = = 2\n", "s.toml:4:"},
      {"[log\nlevel = \"info\"\n", "s.toml:1:"},
      {"[log]\nlevel = \"info\"\n[log]\n", "s.toml:3:"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const auto config = parse_config(c.text, "s.toml");
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().code, Errc::parse_error);
    EXPECT_TRUE(config.error().message.starts_with(c.prefix)) << config.error().message;
    // toml++'s own description follows "file:line:column: ".
    EXPECT_TRUE(std::regex_search(config.error().message, std::regex(R"(^s\.toml:\d+:\d+: \S)")))
        << config.error().message;
  }
}

TEST(ConfigTest, ReadsEveryKey) {
  const std::string text = R"([paths]
docs = "/srv/news"
index = "/var/lib/newsdex/index"

[indexer]
max_file_bytes = 1_048_576
workers = 3
commit_interval_ms = 500
commit_interval_max_ms = 4000
commit_every_docs = 64
commit_floor_ms = 5
debounce_ms = 0
queue_capacity = 32
ignore = ["*.bak"]
isolate_formats = ["pdf"]
parse_helper = "/opt/newsdex/helper"
parse_timeout_ms = 5000
parse_cpu_seconds = 0
parse_memory_mb = 512

[server]
indexes = ["/var/lib/newsdex/archive", "tcp://shard2:33333"]
listen = "[::1]:9200"
socket = "/run/newsdex/q.sock"
tcp_listen = "0.0.0.0:7000"
threads = 8
max_body_bytes = 2048
max_query_bytes = 512
max_result_window = 500
default_limit = 20
max_limit = 50
max_related_limit = 30
snippet_length = 0
max_connections = 10
header_timeout_ms = 1500
idle_timeout_ms = 2500
cors_origins = ["https://desk.example"]
api_keys = ["secret-1", "secret-2"]
search_keys = ["page-1"]
page_key = "page-1"
max_json_depth = 8
max_query_terms = 16
max_wildcard_expansion = 100
match_time_limit_ms = 250
queue_timeout_ms = 300

[ranking]
bm25_k1 = 1.5
bm25_b = 0.5
title_weight = 2
byline_weight = 0.25
proximity_weight = 1.0
proximity_window = 6
entity_weight = 3.5
recency_weight = 1
recency_half_life = "2w"

[versions]
enabled = false
threshold = 0.8
min_words = 50
max_candidates = 20
collapse = false
max_listed = 10
diff_max_edits = 100

[log]
level = "debug"
json = true
)";
  const auto config = parse_config(text, "full.toml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  Config expected;
  expected.paths = {"/srv/news", "/var/lib/newsdex/index"};
  expected.indexer = {
      1048576, 3, 5, 500, 4000, 64, 0, 32, {"*.bak"}, {"pdf"}, "/opt/newsdex/helper", 5000, 0, 512};
  expected.server = {{"/var/lib/newsdex/archive", "tcp://shard2:33333"},
                     "[::1]:9200",
                     "/run/newsdex/q.sock",
                     "0.0.0.0:7000",
                     8,
                     2048,
                     512,
                     500,
                     20,
                     50,
                     30,
                     0,
                     10,
                     1500,
                     2500,
                     {"https://desk.example"},
                     {"secret-1", "secret-2"},
                     {"page-1"},
                     "page-1",
                     8,
                     16,
                     100,
                     250,
                     300};
  expected.ranking = {1.5, 0.5, 2, 0.25, 1.0, 6, 3.5, 1, "2w"};
  expected.versions = {false, 0.8, 50, 20, false, 10, 100};
  expected.log = {"debug", true};
  EXPECT_EQ(*config, expected);
}

TEST(ConfigTest, EmptyArraysAreAllowed) {
  const auto config = parse_config("[indexer]\nignore = []\n", "a.toml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(config->indexer.ignore.empty());
}

TEST(ConfigTest, LoadResolvesRelativePathsAgainstTheFilesFolder) {
  TempDir dir;
  const auto file = dir / "etc/newsdex.toml";
  write_file(file, R"([paths]
docs = "../docs"
index = "/abs/index"
[server]
indexes = ["shards/a", "/abs/b", "tcp://remote:33333"]
socket = "run/q.sock"
[indexer]
parse_helper = "bin/helper"
)");
  const auto config = load_config(file);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->paths.docs, dir.path() / "docs");
  EXPECT_EQ(config->paths.index, "/abs/index");
  const std::vector<std::filesystem::path> indexes = {dir / "etc/shards/a", "/abs/b",
                                                      "tcp://remote:33333"};
  EXPECT_EQ(config->server.indexes, indexes);
  EXPECT_EQ(config->server.socket, (dir / "etc/run/q.sock").string());
  EXPECT_EQ(config->indexer.parse_helper, (dir / "etc/bin/helper").string());
}

TEST(ConfigTest, LoadLeavesUnsetPathsEmpty) {
  TempDir dir;
  write_file(dir / "n.toml", "[log]\nlevel = \"warn\"\n");
  const auto config = load_config(dir / "n.toml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_TRUE(config->paths.docs.empty());
  EXPECT_TRUE(config->server.socket.empty());
  EXPECT_EQ(config->log.level, "warn");
}

TEST(ConfigTest, LoadNamesTheFileInErrors) {
  TempDir dir;
  write_file(dir / "bad.toml", "[server]\nthreads = \"many\"\n");
  const auto config = load_config(dir / "bad.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message,
            (dir / "bad.toml").string() + ":2: 'server.threads' must be an integer");
}

TEST(ConfigTest, MissingFileIsNotFound) {
  TempDir dir;
  const auto config = load_config(dir / "nope.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, Errc::not_found);
  EXPECT_NE(config.error().message.find("nope.toml"), std::string::npos);
  EXPECT_EQ(load_config(dir.path()).error().code, Errc::invalid_argument);
}

// The shipped file documents the code: it parses, sets every key, explains each one in a comment
// just above it, and its values are the struct defaults (paths aside, which have no default).
TEST(ConfigTest, ShippedConfigMatchesTheDefaults) {
  const auto file = newsdex::testing::source_dir() / "config/newsdex.toml";
  const auto config = load_config(file);
  ASSERT_TRUE(config.ok()) << config.error().message;
  const Config defaults;
  EXPECT_EQ(config->indexer, defaults.indexer);
  EXPECT_EQ(config->server, defaults.server);
  EXPECT_EQ(config->alerts, defaults.alerts);
  EXPECT_EQ(config->replication, defaults.replication);
  EXPECT_EQ(config->versions, defaults.versions);
  EXPECT_EQ(config->log, defaults.log);
  EXPECT_TRUE(config->paths.docs.is_absolute());
  EXPECT_TRUE(config->paths.index.is_absolute());
  EXPECT_EQ(config->server.listen.rfind("127.0.0.1:", 0), 0u) << "loopback by default";

  const std::string text = newsdex::testing::read_file(file);
  for (const KeyCase& c : all_keys()) {
    SCOPED_TRACE(c.section + "." + c.key);
    std::smatch match;
    ASSERT_TRUE(std::regex_search(text, match, std::regex("(^|\n)" + c.key + " = ")));
    const std::string before = text.substr(0, match.position(0) + match[1].length());
    const auto previous_line = before.substr(before.rfind('\n', before.size() - 2) + 1);
    EXPECT_TRUE(previous_line.starts_with("#")) << "undocumented: " << previous_line;
  }
}

}  // namespace
}  // namespace newsdex
