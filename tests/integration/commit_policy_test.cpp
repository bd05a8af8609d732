// The watching indexer's commit timing: at once when idle, growing batches under a backlog.
#include "commit_policy.hpp"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

using std::chrono::milliseconds;
using Clock = CommitPolicy::Clock;

constexpr CommitTimes kTimes{milliseconds(20), milliseconds(1000), milliseconds(8000), 2000};

TEST(CommitPolicy, IdleCommitsComeAfterTheFloor) {
  const auto t0 = Clock::now();
  CommitPolicy policy(kTimes, t0);
  EXPECT_FALSE(policy.due(t0 + milliseconds(5), 1, false));
  EXPECT_EQ(policy.wait(t0 + milliseconds(5), 1, false, milliseconds(500)), milliseconds(15));
  EXPECT_TRUE(policy.due(t0 + milliseconds(20), 1, false));
  EXPECT_EQ(policy.wait(t0 + milliseconds(20), 1, false, milliseconds(500)), milliseconds(0));
}

TEST(CommitPolicy, NothingPendingIsNeverDue) {
  const auto t0 = Clock::now();
  CommitPolicy policy(kTimes, t0);
  EXPECT_FALSE(policy.due(t0 + milliseconds(60'000), 0, true));
  EXPECT_EQ(policy.wait(t0 + milliseconds(60'000), 0, true, milliseconds(500)), milliseconds(500));
}

TEST(CommitPolicy, BacklogWaitsDoubleUpToTheLongest) {
  auto now = Clock::now();
  CommitPolicy policy(kTimes, now);
  std::vector<long> waits;
  for (int i = 0; i < 6; ++i) {
    const auto wait = policy.wait(now, 10, true, milliseconds(500));
    waits.push_back(wait.count());
    EXPECT_FALSE(policy.due(now + wait - milliseconds(1), 10, true));
    now += wait;
    ASSERT_TRUE(policy.due(now, 10, true));
    policy.committed(now, true);
  }
  EXPECT_EQ(waits, (std::vector<long>{1000, 2000, 4000, 8000, 8000, 8000}));
}

TEST(CommitPolicy, AnIdleCommitStartsTheBacklogOver) {
  auto now = Clock::now();
  CommitPolicy policy(kTimes, now);
  for (int i = 0; i < 3; ++i) policy.committed(now, true);
  EXPECT_EQ(policy.backlog_wait(), milliseconds(8000));
  policy.committed(now, false);
  EXPECT_EQ(policy.backlog_wait(), milliseconds(1000));
}

TEST(CommitPolicy, EnoughPendingDocumentsCommitAtOnce) {
  const auto t0 = Clock::now();
  CommitPolicy policy(kTimes, t0);
  EXPECT_FALSE(policy.due(t0 + milliseconds(1), 1999, true));
  EXPECT_TRUE(policy.due(t0 + milliseconds(1), 2000, true));
  EXPECT_EQ(policy.wait(t0 + milliseconds(1), 2000, true, milliseconds(500)), milliseconds(0));
}

TEST(CommitPolicy, TheLongestWaitIsNeverBelowTheInterval) {
  // A config with a one-minute interval and the default longest wait keeps its minute.
  auto now = Clock::now();
  CommitPolicy policy({milliseconds(0), milliseconds(60'000), milliseconds(8000), 2000}, now);
  EXPECT_EQ(policy.wait(now, 1, true, milliseconds(500)), milliseconds(60'000));
  policy.committed(now, true);
  EXPECT_EQ(policy.backlog_wait(), milliseconds(60'000));
}

TEST(CommitPolicy, NewSettingsClampTheWaitInForce) {
  auto now = Clock::now();
  CommitPolicy policy(kTimes, now);
  for (int i = 0; i < 3; ++i) policy.committed(now, true);
  policy.set_times({milliseconds(20), milliseconds(500), milliseconds(2000), 2000});
  EXPECT_EQ(policy.backlog_wait(), milliseconds(2000));
}

}  // namespace
}  // namespace newsdex
