#include "metrics.hpp"

#include <fmt/format.h>

namespace newsdex::searchd {

void Metrics::record(std::string_view endpoint, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(endpoint), status}];
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  ++latency_[bucket];
  latency_sum_ += seconds;
  ++latency_count_;
}

void Metrics::record_error(std::string_view code) {
  std::lock_guard lock(mutex_);
  ++errors_[std::string(code)];
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP newsdex_requests_total Requests answered, by endpoint and HTTP status.\n";
  out += "# TYPE newsdex_requests_total counter\n";
  for (const auto& [key, count] : requests_)
    out += fmt::format("newsdex_requests_total{{endpoint=\"{}\",status=\"{}\"}} {}\n", key.first,
                       key.second, count);
  out += "# HELP newsdex_request_duration_seconds Time from a request read to its response.\n";
  out += "# TYPE newsdex_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += latency_[i];
    out += fmt::format("newsdex_request_duration_seconds_bucket{{le=\"{}\"}} {}\n", kBuckets[i],
                       cumulative);
  }
  cumulative += latency_.back();
  out += fmt::format("newsdex_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", cumulative);
  out += fmt::format("newsdex_request_duration_seconds_sum {}\n", latency_sum_);
  out += fmt::format("newsdex_request_duration_seconds_count {}\n", latency_count_);
  out += "# HELP newsdex_errors_total Error responses, by error code.\n";
  out += "# TYPE newsdex_errors_total counter\n";
  for (const auto& [code, count] : errors_)
    out += fmt::format("newsdex_errors_total{{code=\"{}\"}} {}\n", code, count);
  out +=
      "# HELP newsdex_index_reopens_total Times a worker reopened the index for a new revision.\n";
  out += "# TYPE newsdex_index_reopens_total counter\n";
  out += fmt::format("newsdex_index_reopens_total {}\n", reopens_.load());
  out += "# HELP newsdex_connections Open client connections.\n";
  out += "# TYPE newsdex_connections gauge\n";
  out += fmt::format("newsdex_connections {}\n", connections_.load());
  out += "# HELP newsdex_connections_rejected_total Connections refused over the limit.\n";
  out += "# TYPE newsdex_connections_rejected_total counter\n";
  out += fmt::format("newsdex_connections_rejected_total {}\n", rejected_.load());
  return out;
}

}  // namespace newsdex::searchd
