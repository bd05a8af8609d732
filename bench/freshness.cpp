// Freshness: milliseconds from a file being written to it being visible to a newly opened Xapian
// reader, with the real indexer daemon watching a temporary directory. Prints p50 / p99 / max at
// 1, 50 and 200 files per second, for in-place writes and for write-to-temp-then-rename, with the
// commit policy of a default config unless given.
//   bench/freshness [SECONDS_PER_RUN=10] [COMMIT_FLOOR_MS] [COMMIT_INTERVAL_MS] [DEBOUNCE_MS]
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "daemon.hpp"
#include "schema.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Run {
  double files_per_second;
  bool rename;
};

void write_article(const fs::path& path, int n) {
  std::ofstream out(path, std::ios::trunc);
  out << "Freshness probe " << n << "\nMarch 3, 2024\n\nThe council met in the harbour town to "
      << "discuss the budget for schools, bridges and the railway. Item " << n << ".\n";
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::ranges::sort(values);
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()))];
}

struct Policy {
  unsigned commit_floor_ms;
  unsigned commit_interval_ms;
  unsigned debounce_ms;
};

void measure(const Run& run, int seconds, const Policy& policy, const fs::path& work) {
  const auto docs = work / "docs";
  const auto index = work / "index";
  fs::remove_all(work);
  fs::create_directories(docs);

  newsdex::Config config;
  config.paths.docs = docs;
  config.paths.index = index;
  config.indexer.commit_floor_ms = policy.commit_floor_ms;
  config.indexer.commit_interval_ms = policy.commit_interval_ms;
  config.indexer.debounce_ms = policy.debounce_ms;
  config.log.level = "warn";
  newsdex::Daemon daemon(config, nullptr);
  std::jthread indexer([&] { daemon.run(); });
  // Measure from a running daemon: wait until a first file has gone all the way through.
  write_article(docs / "warmup.txt", -1);
  for (;;) {
    try {
      if (Xapian::Database(index.string()).term_exists(newsdex::schema::id_term("warmup.txt")))
        break;
    } catch (const Xapian::Error&) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }

  const int total = std::max(1, static_cast<int>(run.files_per_second * seconds));
  std::mutex mutex;
  std::map<std::string, Clock::time_point> written;  // id -> when the write completed
  std::vector<double> latencies;
  std::atomic<bool> writing = true;

  std::jthread reader([&] {
    for (;;) {
      std::vector<std::pair<std::string, Clock::time_point>> waiting;
      {
        std::lock_guard lock(mutex);
        if (!writing && written.empty()) return;
        waiting.assign(written.begin(), written.end());
      }
      try {
        Xapian::Database db(index.string());  // a new reader each time, as a searcher would
        const auto now = Clock::now();
        std::lock_guard lock(mutex);
        for (const auto& [id, at] : waiting) {
          if (db.term_exists(newsdex::schema::id_term(id))) {
            latencies.push_back(std::chrono::duration<double, std::milli>(now - at).count());
            written.erase(id);
          }
        }
      } catch (const Xapian::Error&) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });

  const auto interval = std::chrono::duration<double>(1.0 / run.files_per_second);
  const auto start = Clock::now();
  for (int n = 0; n < total; ++n) {
    std::this_thread::sleep_until(start +
                                  std::chrono::duration_cast<Clock::duration>(interval * n));
    const auto id = fmt::format("f{}.txt", n);
    if (run.rename) {
      write_article(docs / (id + ".tmp"), n);
      fs::rename(docs / (id + ".tmp"), docs / id);
    } else {
      write_article(docs / id, n);
    }
    std::lock_guard lock(mutex);
    written[id] = Clock::now();
  }
  writing = false;
  // Anything not visible 10 s after the last write counts as lost.
  const auto give_up = Clock::now() + std::chrono::seconds(10);
  for (;;) {
    {
      std::lock_guard lock(mutex);
      if (written.empty() || Clock::now() > give_up) {
        if (!written.empty()) fmt::print("  {} files never became visible\n", written.size());
        written.clear();
        break;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  reader.join();
  daemon.stop();
  indexer.join();
  fmt::print("{:>4} files/s  {:<16} {:>5} files  p50 {:6.1f} ms  p99 {:6.1f} ms  max {:6.1f} ms\n",
             run.files_per_second, run.rename ? "temp + rename" : "in-place write", total,
             percentile(latencies, 0.5), percentile(latencies, 0.99),
             latencies.empty() ? 0.0 : *std::ranges::max_element(latencies));
  fs::remove_all(work);
}

}  // namespace

int main(int argc, char** argv) {
  const int seconds = argc > 1 ? std::atoi(argv[1]) : 10;
  const newsdex::IndexerConfig defaults;
  const auto arg = [&](int i, unsigned fallback) {
    return argc > i ? static_cast<unsigned>(std::atoi(argv[i])) : fallback;
  };
  const Policy policy{arg(2, defaults.commit_floor_ms), arg(3, defaults.commit_interval_ms),
                      arg(4, defaults.debounce_ms)};
  spdlog::set_level(spdlog::level::warn);
  const auto work =
      fs::temp_directory_path() / fmt::format("newsdex-freshness-{}", std::random_device{}());
  fmt::print(
      "freshness: write -> visible to a new reader (commit floor {} ms, interval {} ms, debounce "
      "{} "
      "ms)\n",
      policy.commit_floor_ms, policy.commit_interval_ms, policy.debounce_ms);
  for (const Run& run : {Run{1, false}, Run{1, true}, Run{50, false}, Run{50, true},
                         Run{200, false}, Run{200, true}})
    measure(run, seconds, policy, work);
}
