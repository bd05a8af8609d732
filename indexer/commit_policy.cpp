#include "commit_policy.hpp"

#include <algorithm>

namespace newsdex {

using std::chrono::milliseconds;

CommitPolicy::CommitPolicy(CommitTimes times, Clock::time_point now)
    : times_(times), backlog_wait_(times.interval), last_commit_(now) {
  set_times(times);
}

void CommitPolicy::set_times(CommitTimes times) {
  times.longest = std::max(times.longest, times.interval);
  times_ = times;
  backlog_wait_ = std::clamp(backlog_wait_, times_.interval, times_.longest);
}

milliseconds CommitPolicy::gap(bool backlog) const {
  return backlog ? backlog_wait_ : times_.floor;
}

milliseconds CommitPolicy::wait(Clock::time_point now, std::uint64_t pending, bool backlog,
                                milliseconds idle_wait) const {
  if (pending == 0) return idle_wait;
  if (due(now, pending, backlog)) return milliseconds(0);
  return std::chrono::ceil<milliseconds>(last_commit_ + gap(backlog) - now);
}

bool CommitPolicy::due(Clock::time_point now, std::uint64_t pending, bool backlog) const {
  return pending > 0 && (now - last_commit_ >= gap(backlog) || pending >= times_.every_docs);
}

void CommitPolicy::committed(Clock::time_point now, bool backlog) {
  last_commit_ = now;
  backlog_wait_ = backlog ? std::min(backlog_wait_ * 2, times_.longest) : times_.interval;
}

}  // namespace newsdex
