// When the watching indexer commits. Idle (nothing more waiting): at once, but commits kept
// `floor` apart, so a save is searchable within milliseconds. Under a backlog: in batches that
// grow while the backlog lasts. The first backlog commit comes after `interval`, each following
// one after twice the wait of the one before, up to `longest`, or as soon as `every_docs`
// documents are pending. A short burst stays fresh; a long backlog gets the large batches that
// Xapian writes fastest (a commit costs about as much for 250 documents as for 1,000). An idle
// commit starts over from `interval`.
#pragma once

#include <chrono>
#include <cstdint>

namespace newsdex {

struct CommitTimes {
  std::chrono::milliseconds floor{20};
  std::chrono::milliseconds interval{1000};
  std::chrono::milliseconds longest{8000};  // never below interval
  std::uint64_t every_docs = 2000;
};

class CommitPolicy {
 public:
  using Clock = std::chrono::steady_clock;

  explicit CommitPolicy(CommitTimes times, Clock::time_point now = Clock::now());

  // Takes new settings (a config reload); the current backlog wait is clamped to them.
  void set_times(CommitTimes times);
  // How long the writer may wait for more work before a commit of `pending` documents is due
  // (zero: due now). Nothing pending: no commit is due, and the answer is `idle_wait`.
  std::chrono::milliseconds wait(Clock::time_point now, std::uint64_t pending, bool backlog,
                                 std::chrono::milliseconds idle_wait) const;
  bool due(Clock::time_point now, std::uint64_t pending, bool backlog) const;
  // A commit was made at `now`, with (`backlog`) or without more work waiting.
  void committed(Clock::time_point now, bool backlog);
  // The wait between backlog commits that is in force now.
  std::chrono::milliseconds backlog_wait() const { return backlog_wait_; }

 private:
  std::chrono::milliseconds gap(bool backlog) const;

  CommitTimes times_;
  std::chrono::milliseconds backlog_wait_;
  Clock::time_point last_commit_;
};

}  // namespace newsdex
