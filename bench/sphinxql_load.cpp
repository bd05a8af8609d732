// Closed-loop load on a SphinxQL (mysql protocol) server, the counterpart of wrk for
// bench/search_load: CONCURRENCY threads, each with its own connection, send the statements of
// QUERY_FILE (one a line) in turn for SECONDS and read every row of each answer. Prints one line:
// "requests seconds qps p50_ms p99_ms errors". A thread per connection, because the mysql C
// client blocks; wrk multiplexes its connections over two threads instead, so at high concurrency
// this driver spends a little more CPU in context switches, all of it taken from the server.
//
// bench/sphinxql_load HOST PORT QUERY_FILE CONCURRENCY SECONDS
#include <mysql.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Target {
  std::string host;
  unsigned port = 0;
};

struct Tally {
  std::vector<double> latencies_ms;
  unsigned long errors = 0;
};

MYSQL* connect(const Target& target) {
  MYSQL* conn = mysql_init(nullptr);
  if (!conn) return nullptr;
  // A server that stops answering costs errors, not a run without end.
  const unsigned connect_s = 5, io_s = 10;
  mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &connect_s);
  mysql_options(conn, MYSQL_OPT_READ_TIMEOUT, &io_s);
  mysql_options(conn, MYSQL_OPT_WRITE_TIMEOUT, &io_s);
  if (!mysql_real_connect(conn, target.host.c_str(), "", "", nullptr, target.port, nullptr, 0)) {
    mysql_close(conn);
    return nullptr;
  }
  return conn;
}

// Runs one statement and reads its rows; false on any error.
bool run(MYSQL* conn, const std::string& sql) {
  if (mysql_real_query(conn, sql.data(), sql.size()) != 0) return false;
  MYSQL_RES* result = mysql_store_result(conn);
  if (!result) return mysql_field_count(conn) == 0;
  while (mysql_fetch_row(result)) {
  }
  mysql_free_result(result);
  return true;
}

void client(const Target& target, const std::vector<std::string>& queries, std::size_t first,
            Clock::time_point deadline, Tally& tally) {
  mysql_thread_init();
  MYSQL* conn = connect(target);
  for (std::size_t i = first; Clock::now() < deadline; ++i) {
    if (!conn && !(conn = connect(target))) {
      ++tally.errors;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      continue;
    }
    const auto start = Clock::now();
    const bool ok = run(conn, queries[i % queries.size()]);
    const std::chrono::duration<double, std::milli> took = Clock::now() - start;
    if (ok) {
      tally.latencies_ms.push_back(took.count());
    } else {
      ++tally.errors;
      mysql_close(conn);  // the protocol state is unknown after an error: start afresh
      conn = nullptr;
    }
  }
  if (conn) mysql_close(conn);
  mysql_thread_end();
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto at = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(at, sorted.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s HOST PORT QUERY_FILE CONCURRENCY SECONDS\n", argv[0]);
    return 2;
  }
  const Target target{argv[1], static_cast<unsigned>(std::stoul(argv[2]))};
  std::vector<std::string> queries;
  std::ifstream in(argv[3]);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) queries.push_back(line);
  const int concurrency = std::stoi(argv[4]);
  const double seconds = std::stod(argv[5]);
  if (queries.empty() || concurrency < 1 || seconds <= 0) {
    std::fprintf(stderr, "%s: no queries, or concurrency/seconds not positive\n", argv[0]);
    return 2;
  }
  if (mysql_library_init(0, nullptr, nullptr) != 0) return 1;

  std::vector<Tally> tallies(concurrency);
  const auto start = Clock::now();
  const auto deadline =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < concurrency; ++t)
      threads.emplace_back(client, std::cref(target), std::cref(queries),
                           static_cast<std::size_t>(t) % queries.size(), deadline,
                           std::ref(tallies[t]));
  }
  const std::chrono::duration<double> elapsed = Clock::now() - start;
  mysql_library_end();

  std::vector<double> all;
  unsigned long errors = 0;
  for (const Tally& t : tallies) {
    all.insert(all.end(), t.latencies_ms.begin(), t.latencies_ms.end());
    errors += t.errors;
  }
  std::ranges::sort(all);
  std::printf("%zu %.2f %.1f %.2f %.2f %lu\n", all.size(), elapsed.count(),
              static_cast<double>(all.size()) / elapsed.count(), percentile(all, 0.5),
              percentile(all, 0.99), errors);
  return 0;
}
