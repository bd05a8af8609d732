// Saved searches that push, through the real watching indexer and the real server: a subscription
// over the NDJSON socket or as Server-Sent Events sees a saved file that matches (new, updated,
// removed) and nothing for one that does not; a resumed stream gets what it missed; limits answer
// with clear errors. The hub's bound on a slow consumer is checked in-process.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "alerts.hpp"
#include "client_processes.hpp"
#include "daemon.hpp"
#include "index_probe.hpp"
#include "indexer_runs.hpp"
#include "metrics.hpp"
#include "process.hpp"
#include "test_support.hpp"

namespace newsdex {
namespace {

using nlohmann::json;
using testing::TempDir;
using testing::write_file;
using namespace std::chrono_literals;

// A line-oriented connection (unix socket or TCP) with reads bounded in time.
class LineConnection {
 public:
  static LineConnection unix_socket(const std::filesystem::path& path) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof address.sun_path, "%s", path.c_str());
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
      throw std::runtime_error("cannot connect to " + path.string());
    return LineConnection(fd);
  }
  static LineConnection tcp(const std::string& url) {  // http://127.0.0.1:PORT
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(std::stoi(url.substr(url.rfind(':') + 1))));
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
      throw std::runtime_error("cannot connect to " + url);
    return LineConnection(fd);
  }
  LineConnection(LineConnection&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  ~LineConnection() {
    if (fd_ >= 0) ::close(fd_);
  }

  void send(const std::string& text) const {
    ASSERT_EQ(::write(fd_, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  }
  // The next line (without its newline), or nullopt when none comes within `limit`.
  std::optional<std::string> line(std::chrono::milliseconds limit = 20s) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
      if (const auto end = buffer_.find('\n'); end != std::string::npos) {
        std::string line = buffer_.substr(0, end);
        buffer_.erase(0, end + 1);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
      char chunk[4096];
      const auto n = ::read(fd_, chunk, sizeof chunk);
      if (n <= 0) return std::nullopt;
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }
  // The next JSON line that has "event" (alert events, not replies), or null.
  json event(std::chrono::milliseconds limit = 20s) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      auto text = line(std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now()));
      if (!text) break;
      json parsed = json::parse(*text, nullptr, false);
      if (parsed.is_object() && parsed.contains("event")) return parsed;
    }
    return nullptr;
  }
  json request(const json& line) {
    send(line.dump() + "\n");
    auto reply = this->line();
    return reply ? json::parse(*reply, nullptr, false) : json();
  }

 private:
  explicit LineConnection(int fd) : fd_(fd) {}
  int fd_;
  std::string buffer_;
};

// A Server-Sent Events stream: the events' data and the last id seen.
class EventStream {
 public:
  EventStream(const std::string& url, const std::string& query, const std::string& last_id = "")
      : connection_(LineConnection::tcp(url)) {
    std::string request = "GET /subscribe?" + query + " HTTP/1.1\r\nHost: test\r\n";
    if (!last_id.empty()) request += "Last-Event-ID: " + last_id + "\r\n";
    connection_.send(request + "\r\n");
    status_ = connection_.line().value_or("");
    while (auto header = connection_.line()) {
      if (header->empty()) break;
      headers_ += *header + "\n";
    }
  }
  const std::string& status() const { return status_; }
  const std::string& headers() const { return headers_; }
  // The next event's data as JSON (null when none comes in time); ids are kept in last_id().
  json next(std::chrono::milliseconds limit = 20s) {
    json data;
    while (auto line = connection_.line(limit)) {
      if (line->starts_with("data: ")) data = json::parse(line->substr(6), nullptr, false);
      if (line->starts_with("id: ")) last_id_ = line->substr(4);
      if (line->empty() && !data.is_null()) return data;
    }
    return nullptr;
  }
  const std::string& last_id() const { return last_id_; }

 private:
  LineConnection connection_;
  std::string status_, headers_, last_id_;
};

std::string story(const std::string& title, const std::string& body) {
  return title + "\nMarch 3, 2024\n\n" + body + "\n";
}

class AlertsTest : public ::testing::Test {
 protected:
  TempDir tmp;
  Config config = testing::config_in(tmp.path());
  std::unique_ptr<Daemon> daemon;
  std::jthread thread;
  std::optional<testing::SearchServer> server;

  AlertsTest() {
    config.indexer.workers = 2;
    config.indexer.debounce_ms = 30;
    std::filesystem::create_directories(config.paths.docs);
    write_file(config.paths.docs / "seed.txt", story("Seed", "A first story about the weather."));
  }
  ~AlertsTest() override {
    server.reset();
    if (daemon) {
      daemon->stop();
      thread.join();
    }
  }
  // alerts_toml: settings of [alerts]; more_toml: further tables of the server's config.
  void start(const std::string& alerts_toml = "", const std::string& more_toml = "") {
    daemon = std::make_unique<Daemon>(config, nullptr);
    thread = std::jthread([this] { (void)daemon->run(); });
    testing::IndexProbe probe(config.paths.index);
    ASSERT_TRUE(
        probe.eventually([](const testing::IndexProbe& p) { return p.count("seed.txt") == 1; }));
    std::vector<std::string> extra;
    if (!alerts_toml.empty() || !more_toml.empty()) {
      write_file(tmp / "searchd.toml", "[alerts]\n" + alerts_toml + "\n" + more_toml + "\n");
      extra = {"--config", (tmp / "searchd.toml").string()};
    }
    server.emplace(config.paths.index, tmp / "searchd.sock", tmp / "searchd.log", extra);
  }
  void save(const std::string& name, const std::string& text) {
    write_file(config.paths.docs / name, text);
  }
};

TEST_F(AlertsTest, ASocketSubscriptionSeesMatchingSavesAndNothingElse) {
  start();
  auto socket = LineConnection::unix_socket(server->socket());
  const json ok = socket.request({{"op", "subscribe"}, {"id", "cranes"}, {"q", "harbour crane"}});
  ASSERT_EQ(ok["status"], 200) << ok.dump();
  EXPECT_EQ(ok["subscribed"], "cranes");
  ASSERT_EQ(socket.request({{"op", "subscribe"}, {"id", 7}, {"q", "zebra"}})["status"], 200);

  save("other.txt", story("Hill weather", "Rain over the hills again."));
  save("crane.txt", story("Harbour crane collapses", "A crane at the harbour of Velmar fell."));
  json e = socket.event();
  ASSERT_FALSE(e.is_null()) << "no event for a matching save";
  EXPECT_EQ(e["id"], "cranes");
  EXPECT_EQ(e["event"], "match");
  EXPECT_EQ(e["reason"], "new");
  EXPECT_EQ(e["hit"]["id"], "crane.txt");
  EXPECT_NE(e["hit"]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_TRUE(e["revision"].is_number_unsigned());

  save("crane.txt", story("Harbour crane collapses",
                          "A crane at the harbour of Velmar fell; "
                          "two were hurt."));
  e = socket.event();
  ASSERT_FALSE(e.is_null());
  EXPECT_EQ(e["reason"], "updated");
  EXPECT_EQ(e["hit"]["id"], "crane.txt");

  // Changed so that it no longer matches: what was sent is withdrawn.
  save("crane.txt", story("Harbour reopens", "Ships dock again at Velmar."));
  e = socket.event();
  ASSERT_FALSE(e.is_null());
  EXPECT_EQ(e["reason"], "removed");
  EXPECT_EQ(e["hit"]["id"], "crane.txt");

  save("zebra.txt", story("Zebra at the zoo", "A zebra was born."));
  e = socket.event();
  ASSERT_FALSE(e.is_null());
  EXPECT_EQ(e["id"], 7);
  EXPECT_EQ(e["hit"]["id"], "zebra.txt");
  std::filesystem::remove(config.paths.docs / "zebra.txt");
  e = socket.event();
  ASSERT_FALSE(e.is_null());
  EXPECT_EQ(e["id"], 7);
  EXPECT_EQ(e["reason"], "removed");
  // other.txt matched neither subscription: nothing more came.
  EXPECT_TRUE(socket.event(1500ms).is_null());
}

TEST_F(AlertsTest, UnsubscribeStopsEventsAndBadRequestsSayWhy) {
  start("max_per_connection = 2\nmax_subscriptions = 3");
  auto socket = LineConnection::unix_socket(server->socket());
  json reply = socket.request({{"op", "subscribe"}, {"q", "crane"}});
  EXPECT_EQ(reply["status"], 400);
  EXPECT_NE(reply["error"]["message"].get<std::string>().find("\"id\""), std::string::npos);
  EXPECT_EQ(
      socket.request({{"op", "subscribe"}, {"id", "a"}, {"q", "crane"}, {"since", -1}})["status"],
      400);
  EXPECT_EQ(
      socket.request({{"op", "subscribe"}, {"id", "a"}, {"q", "crane"}, {"limt", 3}})["status"],
      400);
  reply = socket.request({{"op", "subscribe"}, {"id", "a"}, {"q", "date:2020-99-01..2021"}});
  EXPECT_EQ(reply["status"], 400);  // refused now, not failing at every commit
  EXPECT_EQ(reply["error"]["code"], "query_syntax");
  ASSERT_EQ(socket.request({{"op", "subscribe"}, {"id", "a"}, {"q", "crane"}})["status"], 200);
  EXPECT_EQ(socket.request({{"op", "subscribe"}, {"id", "a"}, {"q", "ferry"}})["status"], 409);
  ASSERT_EQ(socket.request({{"op", "subscribe"}, {"id", "b"}, {"q", "ferry"}})["status"], 200);
  reply = socket.request({{"op", "subscribe"}, {"id", "c"}, {"q", "tram"}});
  EXPECT_EQ(reply["status"], 429);
  EXPECT_NE(reply["error"]["message"].get<std::string>().find("max_per_connection"),
            std::string::npos);
  auto other = LineConnection::unix_socket(server->socket());
  ASSERT_EQ(other.request({{"op", "subscribe"}, {"id", "x"}, {"q", "tram"}})["status"], 200);
  reply = other.request({{"op", "subscribe"}, {"id", "y"}, {"q", "bus"}});
  EXPECT_EQ(reply["status"], 429);
  EXPECT_NE(reply["error"]["message"].get<std::string>().find("max_subscriptions"),
            std::string::npos);

  EXPECT_EQ(socket.request({{"op", "unsubscribe"}, {"id", "nope"}})["status"], 404);
  EXPECT_EQ(socket.request({{"op", "unsubscribe"}, {"id", "a"}})["status"], 200);
  save("crane.txt", story("Crane", "A crane fell."));
  save("ferry.txt", story("Ferry", "A ferry sailed."));
  const json e = socket.event();
  ASSERT_FALSE(e.is_null());
  EXPECT_EQ(e["id"], "b");  // the ferry; the crane's subscription is gone
  EXPECT_TRUE(socket.event(1500ms).is_null());
}

TEST_F(AlertsTest, AnEventStreamResumesFromTheLastEventId) {
  start();
  std::string last_id;
  {
    EventStream stream(server->url(), "q=crane");
    ASSERT_NE(stream.status().find("200"), std::string::npos) << stream.status();
    EXPECT_NE(stream.headers().find("text/event-stream"), std::string::npos);
    EXPECT_EQ(stream.next()["event"], "subscribed");
    save("crane.txt", story("Crane", "A crane fell at the docks."));
    const json e = stream.next();
    ASSERT_FALSE(e.is_null());
    EXPECT_EQ(e["hit"]["id"], "crane.txt");
    last_id = stream.last_id();
    ASSERT_FALSE(last_id.empty());
  }  // disconnected: what comes now must not be lost
  save("crane2.txt", story("Second crane", "Another crane fell."));
  save("tram.txt", story("Tram", "The tram runs late."));
  testing::IndexProbe probe(config.paths.index);
  ASSERT_TRUE(
      probe.eventually([](const testing::IndexProbe& p) { return p.count("tram.txt") == 1; }));

  EventStream resumed(server->url(), "q=crane", last_id);
  EXPECT_EQ(resumed.next()["event"], "subscribed");
  const json e = resumed.next();
  ASSERT_FALSE(e.is_null());
  EXPECT_EQ(e["hit"]["id"], "crane2.txt");  // not crane.txt again, and not the tram
  EXPECT_TRUE(resumed.next(1500ms).is_null());

  EventStream bad(server->url(), "q=crane&since=soon");
  EXPECT_NE(bad.status().find("400"), std::string::npos) << bad.status();
}

// Replies and events share one writer per connection: a client that pipelines many requests
// without reading gets every reply, in order, once it reads (the server stops reading it while
// replies wait, instead of queueing them without bound).
TEST_F(AlertsTest, PipelinedRequestsAreAnsweredInOrderBesideEvents) {
  start();
  auto socket = LineConnection::unix_socket(server->socket());
  ASSERT_EQ(socket.request({{"op", "subscribe"}, {"id", "s"}, {"q", "weather"}})["status"], 200);
  std::string lines;
  for (int i = 0; i < 300; ++i) lines += json{{"id", i}, {"q", "weather"}}.dump() + "\n";
  socket.send(lines);
  save("storm.txt", story("Storm", "Weather warnings for the coast."));
  int next = 0;
  bool event_seen = false;
  while (next < 300 || !event_seen) {
    const auto line = socket.line();
    ASSERT_TRUE(line.has_value()) << "after reply " << next;
    const json message = json::parse(*line);
    if (message.contains("event")) {
      event_seen = message["hit"]["id"] == "storm.txt";
      continue;
    }
    ASSERT_EQ(message["id"], next) << *line;
    ++next;
  }
}

// The search page's EventSource cannot set headers: with keys required it sends its key as
// ?api_key=, which /subscribe honours (and a wrong one is refused before anything streams).
TEST_F(AlertsTest, AnEventStreamTakesTheKeyAsAParameter) {
  start("", "[server]\napi_keys = [\"admin-key\"]\nsearch_keys = [\"page-key\"]");
  EventStream refused(server->url(), "q=crane&api_key=wrong");
  EXPECT_NE(refused.status().find("401"), std::string::npos) << refused.status();
  EventStream anonymous(server->url(), "q=crane");
  EXPECT_NE(anonymous.status().find("401"), std::string::npos) << anonymous.status();

  EventStream stream(server->url(), "q=crane&api_key=page-key");
  ASSERT_NE(stream.status().find("200"), std::string::npos) << stream.status();
  EXPECT_EQ(stream.next()["event"], "subscribed");
  save("crane.txt", story("Crane", "A crane fell at the docks."));
  const json e = stream.next();
  ASSERT_FALSE(e.is_null());
  EXPECT_EQ(e["hit"]["id"], "crane.txt");
}

// `newsdex watch` prints each match as it comes, over the socket and over HTTP, and a saved
// search that cannot run is refused with the exit status of a usage error.
TEST_F(AlertsTest, TheClientWatchesASavedSearch) {
  start();
  auto eventually_prints = [](const testing::ChildProcess& watch, const std::string& text) {
    for (int i = 0; i < 2000 && watch.output().find(text) == std::string::npos; ++i)
      std::this_thread::sleep_for(10ms);
    return watch.output().find(text) != std::string::npos;
  };
  const std::string client = testing::built_program("client/newsdex");
  testing::ChildProcess over_socket(
      {client, "--socket", server->socket().string(), "watch", "harbour", "crane"},
      tmp / "watch-socket.out");
  testing::ChildProcess over_http({client, "--server", server->url(), "watch", "crane", "--json"},
                                  tmp / "watch-http.out");
  ASSERT_TRUE(eventually_prints(over_socket, "Watching from commit")) << over_socket.output();
  ASSERT_TRUE(eventually_prints(over_http, "\"subscribed\"")) << over_http.output();
  save("weather.txt", story("Hill weather", "Rain over the hills."));
  save("crane.txt", story("Harbour crane collapses", "A crane at the harbour of Velmar fell."));
  EXPECT_TRUE(eventually_prints(over_socket, "[new] Harbour crane collapses"))
      << over_socket.output();
  EXPECT_TRUE(eventually_prints(over_http, "\"reason\":\"new\"")) << over_http.output();
  EXPECT_EQ(over_socket.output().find("Hill weather"), std::string::npos);
  std::filesystem::remove(config.paths.docs / "crane.txt");
  EXPECT_TRUE(eventually_prints(over_socket, "[removed] crane.txt")) << over_socket.output();

  testing::ChildProcess refused(
      {client, "--server", server->url(), "watch", "date:2020-99-01..2021"}, tmp / "refused.out");
  EXPECT_EQ(refused.wait_for(20s), 2) << refused.output();
  EXPECT_NE(refused.output().find("date"), std::string::npos) << refused.output();
}

// In-process: a consumer that falls more than max_queued_events behind is cut off with one
// "dropped" event, and the hub forgets the subscription.
TEST(AlertHubTest, ASlowConsumerIsDroppedWithAFinalEvent) {
  TempDir tmp;
  Config config = testing::config_in(tmp.path());
  config.indexer.compact_after_once = false;  // a compacted copy is another index to the hub
  write_file(config.paths.docs / "seed.txt", story("Seed", "Weather."));
  testing::index_once_checked(config);
  searchd::Metrics metrics;
  searchd::AlertOptions options;
  options.max_queued_events = 2;
  searchd::AlertHub hub(std::make_unique<searchd::Searcher>(
                            std::vector<std::string>{config.paths.index.string()}, metrics),
                        options);
  auto channel = std::make_shared<searchd::EventChannel>(options.max_queued_events);
  searchd::SearchRequest request;
  request.q = "crane";
  ASSERT_TRUE(hub.subscribe(request, "slow", channel, std::nullopt).ok());
  hub.poll_once();
  for (int i = 0; i < 3; ++i)
    write_file(config.paths.docs / ("crane" + std::to_string(i) + ".txt"),
               story("Crane " + std::to_string(i), "A crane fell."));
  testing::index_once_checked(config);
  hub.poll_once();
  const auto events = channel->take();
  ASSERT_EQ(events.size(), 1u);
  const json dropped = json::parse(events[0].text);
  EXPECT_EQ(dropped["event"], "dropped");
  EXPECT_EQ(dropped["id"], "slow");
  EXPECT_EQ(hub.subscriptions(), 0u);
}

}  // namespace
}  // namespace newsdex
