// Alerts: milliseconds from a file being saved to its match event arriving on a subscriber's
// NDJSON socket, with the real indexer daemon and the real server in this process, at 1, 100 and
// 10,000 subscriptions. One subscription looks for the probe stories; the others each for one word
// of a 20,000-word vocabulary, and every probe story holds 20 of those words, so each commit also
// fires about as many other subscriptions as in a newsroom where many saved searches share words.
// Also prints the freshness floor (save to visible in a newly opened reader) for comparison.
//   bench/alerts [FILES_PER_LEVEL=40] [SECONDS_BETWEEN_FILES=0.25]
#include <fmt/format.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "app.hpp"
#include "daemon.hpp"
#include "schema.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

constexpr int kVocabulary = 20'000;

std::string word(int n) {  // "wqabc": letters only, so the analyzer keeps it one token
  std::string out = "wq";
  for (int i = 0; i < 4; ++i, n /= 26) out += static_cast<char>('a' + n % 26);
  return out;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::ranges::sort(values);
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()))];
}

int connect_unix(const fs::path& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof address.sun_path, "%s", path.c_str());
  for (int attempt = 0; attempt < 500; ++attempt) {
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) return fd;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  throw std::runtime_error("cannot connect to " + path.string());
}

// Reads lines from fd until stop, handing each to on_line.
void read_lines(int fd, const std::function<void(const std::string&)>& on_line) {
  std::string buffer;
  char chunk[65536];
  for (;;) {
    const auto n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0) return;
    buffer.append(chunk, static_cast<std::size_t>(n));
    for (std::size_t end; (end = buffer.find('\n')) != std::string::npos;) {
      on_line(buffer.substr(0, end));
      buffer.erase(0, end + 1);
    }
  }
}

void measure(int subscriptions, int files, double gap_seconds, const fs::path& work) {
  fs::remove_all(work);
  fs::create_directories(work / "docs");
  newsdex::Config config;
  config.paths.docs = work / "docs";
  config.paths.index = work / "index";
  config.server.listen = "127.0.0.1:0";
  config.server.socket = (work / "searchd.sock").string();
  config.alerts.max_subscriptions = std::max(subscriptions, 1);
  config.alerts.max_per_connection = std::max(subscriptions, 1);
  config.alerts.max_queued_events = 1'000'000;
  config.log.level = "warn";
  std::ofstream(work / "docs" / "seed.txt") << "Seed\n\nA first story.\n";
  newsdex::Daemon daemon(config, nullptr);
  std::jthread indexer([&] { daemon.run(); });
  while (!fs::exists(config.paths.index / "iamglass"))
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  newsdex::searchd::App app(config);
  if (!app.start()) throw std::runtime_error("searchd did not start");
  std::jthread server([&] { app.run(false); });

  const int fd = connect_unix(work / "searchd.sock");
  std::mutex mutex;
  std::map<std::string, Clock::time_point> written;  // probe id -> when its write completed
  std::vector<double> latencies;
  std::atomic<long> replies = 0, other_events = 0;
  std::jthread reader([&] {
    read_lines(fd, [&](const std::string& line) {
      const json message = json::parse(line, nullptr, false);
      if (!message.contains("event")) {
        ++replies;
        return;
      }
      const auto now = Clock::now();
      if (message["id"] != "probe") {
        ++other_events;
        return;
      }
      std::lock_guard lock(mutex);
      const auto it = written.find(message["hit"].value("id", ""));
      if (it == written.end()) return;
      latencies.push_back(std::chrono::duration<double, std::milli>(now - it->second).count());
      written.erase(it);
    });
  });
  std::string lines = json{{"op", "subscribe"}, {"id", "probe"}, {"q", "alertprobe"}}.dump() + "\n";
  for (int i = 1; i < subscriptions; ++i)
    lines += json{{"op", "subscribe"}, {"id", i}, {"q", word(i % kVocabulary)}}.dump() + "\n";
  const auto subscribe_start = Clock::now();
  for (std::size_t at = 0; at < lines.size();) {
    const auto n = ::write(fd, lines.data() + at, lines.size() - at);
    if (n <= 0) throw std::runtime_error("write failed");
    at += static_cast<std::size_t>(n);
  }
  while (replies < subscriptions) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const double subscribe_ms =
      std::chrono::duration<double, std::milli>(Clock::now() - subscribe_start).count();

  std::mt19937 random(7);
  std::uniform_int_distribution<int> pick(0, kVocabulary - 1);
  std::vector<double> visible;  // save -> visible in a new reader, the freshness floor
  for (int n = 0; n < files; ++n) {
    std::this_thread::sleep_for(std::chrono::duration<double>(gap_seconds));
    std::string text = fmt::format(
        "Alertprobe story {}\nMarch 3, 2024\n\nThe alertprobe desk "
        "reports on the harbour budget.",
        n);
    for (int w = 0; w < 20; ++w) text += " " + word(pick(random));
    const std::string id = fmt::format("probe{}.txt", n);
    std::ofstream(work / "docs" / id) << text << ".\n";
    const auto saved = Clock::now();
    {
      std::lock_guard lock(mutex);
      written[id] = saved;
    }
    for (;;) {
      try {
        if (Xapian::Database(config.paths.index.string())
                .term_exists(newsdex::schema::id_term(id))) {
          visible.push_back(
              std::chrono::duration<double, std::milli>(Clock::now() - saved).count());
          break;
        }
      } catch (const Xapian::Error&) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  const auto give_up = Clock::now() + std::chrono::seconds(10);
  for (;;) {
    {
      std::lock_guard lock(mutex);
      if (written.empty() || Clock::now() > give_up) {
        if (!written.empty()) fmt::print("  {} probe events never arrived\n", written.size());
        break;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::shutdown(fd, SHUT_RDWR);
  reader.join();
  ::close(fd);
  app.stop();
  server.join();
  daemon.stop();
  indexer.join();
  std::lock_guard lock(mutex);
  fmt::print(
      "{:>6} subscriptions  save->event p50 {:6.1f} ms  p99 {:6.1f} ms  max {:6.1f} ms  | "
      "save->visible p50 {:6.1f} ms  | {} other events  | subscribing took {:.0f} ms\n",
      subscriptions, percentile(latencies, 0.5), percentile(latencies, 0.99),
      latencies.empty() ? 0.0 : *std::ranges::max_element(latencies), percentile(visible, 0.5),
      other_events.load(), subscribe_ms);
}

}  // namespace

int main(int argc, char** argv) {
  const int files = argc > 1 ? std::max(1, std::atoi(argv[1])) : 40;
  const double gap = argc > 2 ? std::atof(argv[2]) : 0.25;
  const fs::path work = fs::temp_directory_path() / fmt::format("newsdex-alerts-{}", ::getpid());
  fmt::print(
      "alerts: {} probe files per level, one every {} s; default commit policy and "
      "alerts.poll_ms\n",
      files, gap);
  for (int subscriptions : {1, 100, 10'000}) measure(subscriptions, files, gap, work);
  fs::remove_all(work);
}
