// One connection's outgoing alert events: the alert hub pushes from its thread, the connection's
// session drains them on the I/O thread. Bounded: a consumer that falls max_queued events behind is
// cut off with one last event saying why, instead of the server buffering without bound.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace newsdex::searchd {

struct AlertEvent {
  std::string text;  // one JSON object (an NDJSON line without its newline)
  // Set on the last event of a commit for a subscription: the commit a client resumes after
  // (SSE's event id).
  std::optional<std::uint64_t> resume_after;
};

class EventChannel {
 public:
  explicit EventChannel(std::size_t max_queued) : max_queued_(max_queued) {}

  // Queues events; false (and nothing queued) when they would pass the bound or the channel is
  // closed. `always` queues past the bound (the final "dropped" event).
  bool push(std::vector<AlertEvent> events, bool always = false);

  // Everything queued, oldest first.
  std::vector<AlertEvent> take();
  std::size_t size() const;

  // Called after each push from the pushing thread; the session posts a wake-up to its I/O thread.
  void on_push(std::function<void()> wake);

  // No more events: the connection is gone (the hub then forgets its subscriptions).
  void close();
  bool closed() const;

  // Whether a subscription was ever made on it: such a connection may be silent for long.
  void hold() { held_ = true; }
  bool has_held() const { return held_; }

 private:
  mutable std::mutex mutex_;
  std::deque<AlertEvent> queue_;
  std::function<void()> wake_;
  std::size_t max_queued_;
  bool closed_ = false;
  std::atomic<bool> held_ = false;
};

}  // namespace newsdex::searchd
