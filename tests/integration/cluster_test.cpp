// The cluster scripts/cluster starts on this one machine (README "A cluster on one machine"), run
// by the script itself in a temporary state directory: the front end over the remote shards
// answers as one combined index of the same documents would (totals, top ten, facets); with one
// shard server killed it answers from the others with "partial": true naming it, and whole again
// once `start` has brought the server back; a document saved into the watched directory reaches
// the front end over the replica; `stop` stops every process the script started, and so does the
// end of the process named as the cluster's owner (NEWSDEX_CLUSTER_OWNER: this test, so that a
// test killed before its TearDown leaves nothing running).
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <thread>

#include "client_processes.hpp"
#include "process.hpp"
#include "searchd_support.hpp"

namespace newsdex {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kTools[] = {"/usr/bin/xapian-tcpsrv", "/usr/bin/xapian-replicate",
                                  "/usr/bin/xapian-replicate-server"};

// The port of a URL such as "http://127.0.0.1:40629".
unsigned short port_of(const std::string& url) {
  return static_cast<unsigned short>(std::stoi(url.substr(url.rfind(':') + 1)));
}

// Whether pid names a live process (not a zombie: the script's daemons outlive their parent, and
// whoever inherits them may be slow to reap them).
bool alive(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const auto paren = line.rfind(')');
  return paren != std::string::npos && paren + 2 < line.size() && line[paren + 2] != 'Z';
}

class Cluster : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : kTools)
      if (!std::filesystem::exists(tool))
        GTEST_SKIP() << tool << " is missing (scripts/setup installs xapian-tools)";
    const auto started = cluster("start");
    ASSERT_EQ(started.code, 0) << started.out << started.err;
    std::ifstream env(state_ / "run/cluster.env");
    for (std::string line; std::getline(env, line);)
      if (const auto eq = line.find('='); eq != std::string::npos)
        env_[line.substr(0, eq)] = line.substr(eq + 1);
    ASSERT_TRUE(env_.contains("SHARDS_URL") && env_.contains("REPLICA_URL")) << started.out;
  }

  // Even after a start that failed half-way: stop stops whatever it had started.
  void TearDown() override { cluster("stop"); }

  testing::ProcessResult cluster(const std::string& command, pid_t owner = getpid()) {
    return testing::run_process(
        {(testing::source_dir() / "scripts/cluster").string(), command, state_.string()},
        scratch_.path(),
        {{"NEWSDEX_BUILD_DIR", testing::binary_dir().string()},
         {"NEWSDEX_CLUSTER_OWNER", std::to_string(owner)}});
  }

  // The pids of every process the script recorded (run/*.pid).
  std::vector<pid_t> recorded_pids() const {
    std::vector<pid_t> pids;
    for (const auto& entry : std::filesystem::directory_iterator(state_ / "run"))
      if (entry.path().extension() == ".pid") pids.push_back(pid_of(entry.path().stem().string()));
    return pids;
  }

  // The pid the script recorded for one of its processes (run/NAME.pid: "PID PROGRAM").
  pid_t pid_of(const std::string& name) const {
    std::ifstream file(state_ / "run" / (name + ".pid"));
    pid_t pid = -1;
    file >> pid;
    return pid;
  }
  std::string address_of(const std::string& name) const {
    std::string address;
    std::ifstream(state_ / "run" / (name + ".address")) >> address;
    return address;
  }

  static json get(const std::string& url, const std::string& target) {
    return testing::http(port_of(url), "GET", target).json();
  }

  // What must agree with one combined index: the total, the ten best as (score, id) with ties
  // by id (document ids, and so the order among equal scores, differ between layouts), facets
  // and the spelling suggestion.
  static json essentials(const json& reply) {
    std::vector<std::pair<double, std::string>> hits;
    for (const auto& hit : reply.value("hits", json::array()))
      hits.emplace_back(std::round(hit.value("score", 0.0) * 1e6) / 1e6,
                        hit["id"].get<std::string>());
    std::ranges::sort(hits, [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (hits.size() > 10) hits.resize(10);
    json top = json::array();
    for (const auto& hit : hits) top.push_back({hit.first, hit.second});
    return {{"total", reply.value("total", json())},
            {"top", top},
            {"facets", reply.value("facets", json())},
            {"suggestion", reply.value("suggestion", json())},
            {"partial", reply.value("partial", false)}};
  }

  // Searches url until done(reply) holds, for at most limit; returns the last reply.
  template <typename Done>
  static json search_until(const std::string& url, const std::string& target, Done done,
                           std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    json reply = get(url, target);
    while (!done(reply) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(100ms);
      reply = get(url, target);
    }
    return reply;
  }

  testing::TempDir scratch_;
  std::filesystem::path state_ = scratch_ / "cluster";
  std::map<std::string, std::string> env_;
};

const std::vector<std::string> kSearches = {
    "/search?facets=person,place,org,lang,folder",
    "/search?q=water&facets=person,place,org,lang,folder",
    "/search?q=president&facets=person,place,org,lang,folder",
    "/search?q=bank+OR+rates&facets=person,place,org,lang,folder",
    "/search?q=festival&facets=person,place,org,lang,folder",
    "/search?q=minister&lang=en&facets=person,place,org,lang,folder",
    "/search?q=festivl&facets=person,place,org,lang,folder",
    "/search?folder=world&facets=person,place,org,lang,folder"};
constexpr const char* kPage = "&fields=id,score&limit=50";

TEST_F(Cluster, TheRemoteShardsAnswerAsOneIndexAndSurviveAShardServerKilled) {
  // One combined (unsharded) index of the same documents, searched by the real server.
  testing::index_documents(state_ / "docs", scratch_ / "combined");
  Config config;
  config.paths.index = scratch_ / "combined";
  testing::RunningServer combined(config);
  const std::string combined_url = "http://127.0.0.1:" + std::to_string(combined.port());
  const std::string shards = env_["SHARDS_URL"];

  int answered = 0;
  for (const auto& search : kSearches) {
    SCOPED_TRACE(search);
    const json expected = essentials(get(combined_url, search + kPage));
    EXPECT_EQ(essentials(get(shards, search + kPage)), expected);
    answered += expected["total"].value("value", 0) > 0;
  }
  EXPECT_GE(answered, 6);  // the comparison is not between empty answers
  const json stats = get(shards, "/stats");
  ASSERT_EQ(stats["shards"].size(), 3u) << stats;
  EXPECT_EQ(stats["shards"][0]["shard"], "tcp://" + address_of("tcpsrv-meta"));
  EXPECT_EQ(stats["shards"][0]["documents"], 0);  // the metadata database holds no documents
  EXPECT_EQ(stats["schema_version"], get(combined_url, "/stats")["schema_version"]);

  // Shard 00's server killed, with the connections it forked.
  const std::string target = kSearches[0] + kPage;
  const json whole = essentials(get(shards, target));
  const pid_t server = pid_of("tcpsrv-00");
  ASSERT_GT(server, 0);
  ASSERT_EQ(::kill(-server, SIGKILL), 0);
  const json partial = search_until(
      shards, target, [](const json& r) { return r.value("partial", false); }, 10s);
  EXPECT_EQ(partial.value("partial", false), true) << partial;
  EXPECT_EQ(partial["failed_shards"], json::array({"tcp://" + address_of("tcpsrv-00")}));
  EXPECT_LT(partial["total"]["value"], whole["total"]["value"]);
  // The entity table lives in the metadata database, which is still served.
  EXPECT_FALSE(get(shards, "/entities?type=place")["entities"].empty());

  // start brings back only what is down, on the address it had.
  const auto restarted = cluster("start");
  ASSERT_EQ(restarted.code, 0) << restarted.out << restarted.err;
  const json again = search_until(
      shards, target, [&](const json& r) { return essentials(r) == whole; }, 10s);
  EXPECT_EQ(essentials(again), whole);
}

TEST_F(Cluster, ANewDocumentReachesTheReplicaAndStopStopsEverything) {
  const std::string replica = env_["REPLICA_URL"];
  EXPECT_EQ(get(replica, "/search?q=velmora")["total"]["value"], 0);
  testing::write_file(state_ / "docs/world/velmora-trams.txt",
                      "Trams return to Velmora\n2026-11-30\n\nMara Holt opened the new tram "
                      "line of Velmora on Monday.\n");
  const auto has_it = [](const json& r) { return r.value("/total/value"_json_pointer, 0) == 1; };
  const json reply = search_until(replica, "/search?q=velmora", has_it, 30s);
  ASSERT_EQ(reply["total"]["value"], 1) << reply;
  EXPECT_EQ(reply["hits"][0]["id"], "world/velmora-trams.txt");
  EXPECT_EQ(search_until(env_["SHARDS_URL"], "/search?q=velmora", has_it, 10s)["total"]["value"],
            1);

  // The indexer, 3 shard servers, the replication server, 3 replicas, 2 front ends and the
  // owner's watcher.
  const std::vector<pid_t> pids = recorded_pids();
  EXPECT_EQ(pids.size(), 11u);
  const auto stopped = cluster("stop");
  EXPECT_EQ(stopped.code, 0) << stopped.err;
  for (const pid_t pid : pids) EXPECT_FALSE(alive(pid)) << "pid " << pid << " still runs";
  const auto status = cluster("status");
  EXPECT_EQ(status.out.find("running"), std::string::npos) << status.out;
}

TEST_F(Cluster, TheEndOfItsOwnerStopsEverything) {
  // A second start hands the cluster to another owner: a process this test then kills, as a
  // test runner would kill a test that hangs.
  testing::ChildProcess owner({"/bin/sleep", "600"}, scratch_ / "owner.out");
  const auto handed = cluster("start", owner.pid());
  ASSERT_EQ(handed.code, 0) << handed.out << handed.err;
  const std::vector<pid_t> pids = recorded_pids();
  ASSERT_EQ(pids.size(), 11u);
  for (const pid_t pid : pids) ASSERT_TRUE(alive(pid)) << "pid " << pid;

  owner.signal(SIGKILL);
  ASSERT_TRUE(owner.wait_for(5s).has_value());
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (std::ranges::any_of(pids, alive) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(100ms);
  for (const pid_t pid : pids) EXPECT_FALSE(alive(pid)) << "pid " << pid << " still runs";
  const auto status = cluster("status");
  EXPECT_EQ(status.out.find("running"), std::string::npos) << status.out;
}

TEST(ClusterScript, RefusesAnOwnerThatIsNotARunningProcess) {
  for (const char* tool : kTools)
    if (!std::filesystem::exists(tool))
      GTEST_SKIP() << tool << " is missing (scripts/setup installs xapian-tools)";
  testing::TempDir scratch;
  for (const std::string owner : {"abc", "-1", "999999999"}) {
    const auto result = testing::run_process(
        {(testing::source_dir() / "scripts/cluster").string(), "start",
         (scratch / "cluster").string()},
        scratch.path(),
        {{"NEWSDEX_BUILD_DIR", testing::binary_dir().string()}, {"NEWSDEX_CLUSTER_OWNER", owner}});
    EXPECT_NE(result.code, 0) << owner;
    EXPECT_NE(result.err.find("NEWSDEX_CLUSTER_OWNER=" + owner + " is not a"), std::string::npos)
        << result.err;
  }
}

}  // namespace
}  // namespace newsdex
