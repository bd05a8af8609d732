// Shards on Xapian's remote backend: searchd over a local index and one served by xapian-tcpsrv
// answers, facets and snippets included, as over one index; with the remote shard's server
// killed it answers from the local shard with "partial": true and names the missing shard (or 503
// with allow_partial off); once the server is back, the next search after the retry interval has
// every shard again. Timelines, similar and related coverage also span a remote shard.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "searchd_support.hpp"
#include "searcher.hpp"

extern char** environ;

namespace newsdex::searchd {
namespace {

using nlohmann::json;
constexpr const char* kTcpServer = "/usr/bin/xapian-tcpsrv";

// xapian-tcpsrv serving one index on 127.0.0.1:port, killed (with its connections' processes)
// with the object.
class TcpServer {
 public:
  TcpServer(const std::filesystem::path& index, unsigned short port) {
    std::vector<std::string> args = {kTcpServer,           "--interface", "127.0.0.1",   "--port",
                                     std::to_string(port), "--quiet",     index.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // Its own process group: it forks a child per connection, and killing the server must end
    // those too.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    if (::posix_spawn(&pid_, kTcpServer, nullptr, &attributes, argv.data(), environ) != 0)
      pid_ = -1;
    posix_spawnattr_destroy(&attributes);
    // Ready when it accepts a connection.
    for (int i = 0; i < 100 && testing::connect_tcp(port) < 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ~TcpServer() { kill(); }
  void kill() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

 private:
  pid_t pid_ = -1;
};

class Shards : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kTcpServer))
      GTEST_SKIP() << kTcpServer << " is missing (scripts/setup installs xapian-tools)";
    write("local", "harbour.txt", "Harbour reopens\n2022-03-14\n\nThe harbour in Gdansk reopened.");
    write("local", "budget.txt", "City budget\n2022-04-01\n\nThe city budget for the harbour.");
    write("remote", "ferry.txt", "Ferry line\n2023-05-02\n\nA new ferry from the harbour of Baku.");
    write("remote", "port.txt", "Port fees\n2023-06-09\n\nPort fees rise at the harbour of Baku.");
    testing::index_documents(dir_ / "local", dir_ / "local-index");
    testing::index_documents(dir_ / "remote", dir_ / "remote-index");
    port_ = testing::free_port();
    server_ = std::make_unique<TcpServer>(dir_ / "remote-index", port_);
  }

  void write(const std::string& folder, const std::string& name, const std::string& text) {
    testing::write_file(dir_ / folder / name, text + "\n");
  }

  Searcher searcher(bool allow_partial = true) {
    SearchOptions options;
    options.allow_partial = allow_partial;
    options.shards.retry = std::chrono::milliseconds(50);
    options.shards.timeout = std::chrono::milliseconds(2000);
    return Searcher({(dir_ / "local-index").string(), spec()}, metrics_, options);
  }
  std::string spec() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

  static ApiResult<json> search(Searcher& s, const std::string& q) {
    SearchRequest request;
    request.q = q;
    request.facets = {{"place", 10}, {"year", 10}, {"lang", 10}};
    return s.search(request);
  }

  testing::TempDir dir_;
  Metrics metrics_;
  unsigned short port_ = 0;
  std::unique_ptr<TcpServer> server_;
};

TEST_F(Shards, ARemoteShardAnswersWithTheLocalOneFacetsAndSnippetsIncluded) {
  Searcher s = searcher();
  auto reply = search(s, "harbour");
  ASSERT_TRUE(reply.ok()) << reply.error().message << ": " << reply.error().detail;
  const json& r = reply.value();
  EXPECT_EQ(r["total"]["value"], 4);
  EXPECT_FALSE(r.contains("partial"));
  json years = json::object();
  for (const auto& bucket : r["facets"]["year"])
    years[bucket["value"].get<std::string>()] = bucket["count"];
  EXPECT_EQ(years, (json{{"2022", 2}, {"2023", 2}}));
  for (const auto& hit : r["hits"])
    EXPECT_NE(hit["snippet"].get<std::string>().find("<mark>harbour</mark>"), std::string::npos)
        << hit;
  // Spelling data is read from every shard (a word only the remote shard has).
  auto misspelt = search(s, "feryy");
  ASSERT_TRUE(misspelt.ok()) << misspelt.error().message << ": " << misspelt.error().detail;
  EXPECT_EQ(misspelt.value()["suggestion"], "ferry");
  auto stats = s.stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats.value()["documents"], 4);
  ASSERT_EQ(stats.value()["shards"].size(), 2u);
  EXPECT_EQ(stats.value()["shards"][0]["shard"], "local:1");  // no index path in replies
  EXPECT_EQ(stats.value()["shards"][1]["shard"], spec());
  EXPECT_EQ(stats.value()["shards"][1]["state"], "up");
  EXPECT_EQ(stats.value()["shards"][1]["documents"], 2);
}

TEST_F(Shards, AShardThatIsDownLeavesTheOthersAnsweringAndComesBack) {
  Searcher s = searcher();
  ASSERT_TRUE(search(s, "harbour").ok());
  server_->kill();
  auto partial = search(s, "harbour");
  ASSERT_TRUE(partial.ok()) << partial.error().message << ": " << partial.error().detail;
  EXPECT_EQ(partial.value()["total"]["value"], 2);
  EXPECT_EQ(partial.value()["partial"], true);
  EXPECT_EQ(partial.value()["failed_shards"], json::array({spec()}));
  auto stats = s.stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats.value()["shards"][1]["state"], "down");
  auto health = s.health();
  ASSERT_TRUE(health.ok());
  EXPECT_EQ(health.value()["status"], "degraded");
  EXPECT_EQ(health.value()["failed_shards"], json::array({spec()}));

  server_ = std::make_unique<TcpServer>(dir_ / "remote-index", port_);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // past the retry interval
  auto whole = search(s, "harbour");
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole.value()["total"]["value"], 4);
  EXPECT_FALSE(whole.value().contains("partial"));
}

TEST_F(Shards, WithoutAllowPartialAMissingShardIsA503NamingIt) {
  Searcher s = searcher(/*allow_partial=*/false);
  server_->kill();
  auto reply = search(s, "harbour");
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().status, 503);
  EXPECT_EQ(reply.error().code, "shard_unavailable");
  EXPECT_NE(reply.error().message.find(spec()), std::string::npos) << reply.error().message;
}

// The date facet's spy, the relevance set and expand set, and the idf-scaled entity query with
// CoordWeight all travel to xapian-tcpsrv: neighbours on the remote shard are found for a local
// document, and the timeline counts both shards.
TEST_F(Shards, TimelinesAndNeighboursSpanARemoteShard) {
  write(
      "near", "canal.txt",
      "Canal dredging at Velmora\nMarch 3, 2024\n\nTransport Minister Mara Holt said dredging "
      "of the silted canal will start in April; the Ministry of Transport pays for the dredgers.");
  write("near", "derby.txt", "Derby ends level\nMarch 5, 2024\n\nThe derby ended level.");
  write("far", "schools.txt",
        "Holt presents school plan\nMarch 10, 2024\n\nTransport Minister Mara Holt presented a "
        "plan for new schools.");
  write("far", "silt.txt",
        "Why canals need dredging\nFebruary 2, 2023\n\nSilt settles in a slow canal, and "
        "dredging lifts the silt so that barges can pass; dredgers keep the canal deep.");
  write("far", "frost.txt", "Frost expected\nMarch 6, 2024\n\nFrost is expected tonight.");
  testing::index_documents(dir_ / "near", dir_ / "near-index");
  testing::index_documents(dir_ / "far", dir_ / "far-index");
  const unsigned short port = testing::free_port();
  TcpServer far(dir_ / "far-index", port);
  Searcher s({(dir_ / "near-index").string(), "tcp://127.0.0.1:" + std::to_string(port)}, metrics_);

  SearchRequest request;
  request.facets = {{"date", 10}};
  request.interval = Interval::year;
  auto timeline = s.search(request);
  ASSERT_TRUE(timeline.ok()) << timeline.error().message << ": " << timeline.error().detail;
  EXPECT_EQ(timeline.value()["facets"]["date"],
            json::parse(R"([{"value": "2023", "count": 1}, {"value": "2024", "count": 4}])"));

  auto similar = s.similar({"canal.txt", 10});
  ASSERT_TRUE(similar.ok()) << similar.error().message << ": " << similar.error().detail;
  ASSERT_FALSE(similar.value()["hits"].empty()) << similar.value();
  EXPECT_EQ(similar.value()["hits"][0]["id"], "silt.txt") << similar.value();

  auto related = s.related({"canal.txt", 10});
  ASSERT_TRUE(related.ok()) << related.error().message << ": " << related.error().detail;
  ASSERT_EQ(related.value()["hits"].size(), 1u) << related.value();
  EXPECT_EQ(related.value()["hits"][0]["id"], "schools.txt");
  EXPECT_EQ(related.value()["hits"][0]["shared"]["person"], json::array({"Mara Holt"}));
}

}  // namespace
}  // namespace newsdex::searchd
