// Limits and shutdown: header timeouts, the connection limit, API keys over the wire, SIGTERM
// draining the real newsdex-searchd process (exit 0), and multilingual matches on the UDHR corpus.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <xapian.h>

#include "searchd_support.hpp"

extern char** environ;

namespace newsdex::testing {
namespace {

using nlohmann::json;

void small_index(const TempDir& dir) {
  write_file(dir / "docs" / "a.json",
             json{{"title", "Harbour news"},
                  {"lang", "en"},
                  {"body", "The harbour opened again today after repairs."}}
                 .dump());
  index_documents(dir / "docs", dir / "index");
}

TEST(SearchdLimits, SlowClientIsCutOffAndOthersAreServed) {
  TempDir dir;
  small_index(dir);
  Config config = config_in(dir.path());
  config.server.header_timeout_ms = 200;
  RunningServer server(config);
  const int slow = connect_tcp(server.port());
  send_all(slow, "GET /search?q=harbour HTTP/1.1\r\nHost: x\r\n");  // never finishes its headers
  EXPECT_EQ(http(server.port(), "GET", "/health").status, 200);
  // The server ends the slow connection on its own (read returns instead of blocking forever).
  const HttpReply reply = parse_reply(read_all(slow));
  ::close(slow);
  EXPECT_TRUE(reply.status == 408 || reply.status == 0) << reply.status;
}

TEST(SearchdLimits, ConnectionLimitRefusesWithServiceUnavailable) {
  TempDir dir;
  small_index(dir);
  Config config = config_in(dir.path());
  config.server.max_connections = 2;
  RunningServer server(config);
  const int a = connect_tcp(server.port());
  const int b = connect_tcp(server.port());
  send_all(a, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");  // make sure both are accepted
  send_all(b, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
  char buffer[512];
  ASSERT_GT(::read(a, buffer, sizeof buffer), 0);
  ASSERT_GT(::read(b, buffer, sizeof buffer), 0);
  const HttpReply refused = http(server.port(), "GET", "/health");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.json()["error"]["code"], "too_many_connections");
  ::close(a);
  ::close(b);
}

TEST(SearchdLimits, ApiKeysOverTheWire) {
  TempDir dir;
  small_index(dir);
  Config config = config_in(dir.path());
  config.server.api_keys = {"k1"};
  RunningServer server(config);
  const HttpReply denied = http(server.port(), "GET", "/search?q=harbour");
  EXPECT_EQ(denied.status, 401);
  EXPECT_EQ(denied.json()["error"]["code"], "unauthorized");
  EXPECT_EQ(
      http(server.port(), "GET", "/search?q=harbour", "", {"Authorization: Bearer k1"}).status,
      200);
}

TEST(SearchdLimits, MissingIndexIsServiceUnavailableNotACrash) {
  TempDir dir;
  Config config;
  config.paths.index = dir / "nothing-here";
  RunningServer server(config);
  const HttpReply reply = http(server.port(), "GET", "/search?q=x");
  EXPECT_EQ(reply.status, 503);
  EXPECT_EQ(reply.json()["error"]["code"], "index_unavailable");
  EXPECT_EQ(http(server.port(), "GET", "/health").status, 503);
}

TEST(SearchdProcess, SigtermDrainsAndExitsZero) {
  TempDir dir;
  small_index(dir);
  const auto binary = binary_dir() / "searchd" / "newsdex-searchd";
  ASSERT_TRUE(std::filesystem::exists(binary)) << binary;
  int out[2];
  ASSERT_EQ(::pipe(out), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  const std::string index = (dir / "index").string();
  const std::string socket = (dir / "s.sock").string();
  std::vector<std::string> args = {binary.string(), "--index",     index,
                                   "--listen",      "127.0.0.1:0", "--socket",
                                   socket,          "--threads",   "2"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  std::string line;
  char c = 0;
  while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
  const auto port = static_cast<unsigned short>(std::stoi(line.substr(line.rfind(':') + 1)));
  const HttpReply first = http(port, "GET", "/search?q=harbour");
  ASSERT_EQ(first.status, 200) << line << " " << first.body;
  EXPECT_EQ(first.json()["total"]["value"], 1);
  // An idle kept-alive connection must not hold up the exit.
  const int idle = connect_tcp(port);
  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ::close(idle);
  ::close(out[0]);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_FALSE(std::filesystem::exists(socket));
}

// On the shared UDHR texts: inflected query words find their language's text by stemming.
TEST(SearchdUdhr, EachLanguageMatchesWithItsOwnStemming) {
  NEWSDEX_REQUIRE_CORPUS(udhr, "udhr");
  TempDir dir;
  std::filesystem::create_directories(dir / "docs");
  for (const auto& entry : std::filesystem::directory_iterator(udhr))
    if (entry.path().extension() == ".txt")
      std::filesystem::copy_file(entry.path(), dir / "docs" / entry.path().filename());
  index_documents(dir / "docs", dir / "index");
  Config config = config_in(dir.path());
  RunningServer server(config);
  struct Probe {
    const char* stemmer;
    const char* query;  // not in the text
    const char* form;   // in the text, same stem
    const char* file;
  };
  const Probe probes[] = {
      {"russian", "свобода", "свободы", "rus.txt"},
      {"english", "recognitions", "recognition", "eng.txt"},
      {"turkish", "haklarda", "haklar", "tur.txt"},
      {"french", "libertés", "liberté", "fra.txt"},
      {"german", "Rechten", "Rechte", "deu.txt"},
  };
  for (const Probe& p : probes) {
    Xapian::Stem stem(p.stemmer);
    ASSERT_EQ(stem(Analyzer().tokenize(p.query, "")[0].term),
              stem(Analyzer().tokenize(p.form, "")[0].term))
        << p.query;
    std::string target = "/search?snippet=0&limit=50&q=";
    for (unsigned char ch : std::string(p.query)) {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", ch);
      target += buffer;
    }
    const json response = http(server.port(), "GET", target).json();
    bool found = false;
    for (const auto& hit : response["hits"]) found |= hit["path"] == p.file;
    EXPECT_TRUE(found) << p.query << " should find " << p.file << ": "
                       << response.dump().substr(0, 300);
  }
}

}  // namespace
}  // namespace newsdex::testing
