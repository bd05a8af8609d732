// Timeline buckets: each interval's label for a date, ISO weeks across New Year, and values that
// are not dates (an index written by hand, a damaged slot) giving no bucket.
#include "timeline.hpp"

#include <gtest/gtest.h>

namespace newsdex::searchd {
namespace {

TEST(Timeline, ParsesTheFourIntervalsOnly) {
  for (const char* name : {"day", "week", "month", "year"}) {
    const auto interval = parse_interval(name);
    ASSERT_TRUE(interval) << name;
    EXPECT_EQ(to_string(*interval), name);
  }
  for (const char* bad : {"", "Day", "weeks", "quarter", "month "})
    EXPECT_FALSE(parse_interval(bad)) << bad;
}

TEST(Timeline, BucketsADateByEachInterval) {
  struct Case {
    const char* date;
    Interval interval;
    const char* bucket;
  };
  const Case cases[] = {
      {"20240305", Interval::day, "2024-03-05"},
      {"20240305", Interval::week, "2024-W10"},
      {"20240305", Interval::month, "2024-03"},
      {"20240305", Interval::year, "2024"},
      {"20240229", Interval::day, "2024-02-29"},  // a leap day
      // ISO weeks belong to the year of their Thursday.
      {"20210103", Interval::week, "2020-W53"},  // a Sunday: the last week of 2020
      {"20210104", Interval::week, "2021-W01"},  // the Monday after
      {"20241230", Interval::week, "2025-W01"},  // a Monday whose Thursday is in 2025
      {"20231231", Interval::week, "2023-W52"},  // a Sunday
      {"20260101", Interval::week, "2026-W01"},  // a Thursday
  };
  for (const auto& c : cases)
    EXPECT_EQ(date_bucket(c.date, c.interval), c.bucket)
        << c.date << " by " << to_string(c.interval);
}

TEST(Timeline, ValuesThatAreNotDatesHaveNoBucket) {
  for (const char* bad :
       {"", "2024", "202403", "2024-03-05", "20230229", "20241301", "2024030x", "202403051"})
    EXPECT_EQ(date_bucket(bad, Interval::month), "") << bad;
}

}  // namespace
}  // namespace newsdex::searchd
