// Debounces filesystem events per path: a burst of saves of one file becomes one job, handed out
// once the file has been quiet for the debounce period. Time is passed in, never read, so the
// logic is tested without sleeping.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace newsdex {

class ChangeQueue {
 public:
  using Clock = std::chrono::steady_clock;

  explicit ChangeQueue(std::chrono::milliseconds debounce) : debounce_(debounce) {}

  void set_debounce(std::chrono::milliseconds debounce) { debounce_ = debounce; }

  // The path changed (written, created, deleted, moved in or out) at `now`.
  void changed(const std::string& relative_path, Clock::time_point now);

  // The file at `from` was renamed to `to` at `now`.
  void moved(const std::string& from, const std::string& to, Clock::time_point now);

  struct Ready {
    std::string relative_path;
    std::optional<std::string> moved_from;  // set for a rename whose source was not changed since
  };

  // Takes every change that has been quiet for the debounce period, oldest first.
  std::vector<Ready> take_ready(Clock::time_point now);

  // When the next change becomes ready, if any is waiting.
  std::optional<Clock::time_point> next_deadline() const;

  std::size_t size() const { return pending_.size(); }

 private:
  struct Pending {
    Clock::time_point last_event;
    std::optional<std::string> moved_from;
  };

  std::chrono::milliseconds debounce_;
  std::map<std::string, Pending> pending_;
};

}  // namespace newsdex
