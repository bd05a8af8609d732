// Server metrics in the Prometheus text format: requests by endpoint and status, a latency
// histogram, errors by code, index reopens and open connections. Thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace newsdex::searchd {

class Metrics {
 public:
  // One finished request: its endpoint label, HTTP status and wall time.
  void record(std::string_view endpoint, int status, double seconds);
  void record_error(std::string_view code);
  void record_reopen() { reopens_.fetch_add(1, std::memory_order_relaxed); }
  void connection_opened() { connections_.fetch_add(1, std::memory_order_relaxed); }
  void connection_closed() { connections_.fetch_sub(1, std::memory_order_relaxed); }
  void connection_rejected() { rejected_.fetch_add(1, std::memory_order_relaxed); }
  long connections() const { return connections_.load(std::memory_order_relaxed); }

  // The exposition text for GET /metrics.
  std::string render() const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, std::uint64_t> errors_;
  std::array<std::uint64_t, kBuckets.size() + 1> latency_{};  // last = +Inf
  double latency_sum_ = 0;
  std::uint64_t latency_count_ = 0;
  std::atomic<std::uint64_t> reopens_{0};
  std::atomic<long> connections_{0};
  std::atomic<std::uint64_t> rejected_{0};
};

}  // namespace newsdex::searchd
