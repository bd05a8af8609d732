// A recency prior for news: a weight over the date slot (kSlotDate, YYYYMMDD) that halves every
// half-life of a story's age, added to a relevance score (Xapian sums the weights of a query's
// parts). Built on Xapian's ValueMapPostingSource, one weight per calendar day, so that remote
// shard servers (xapian-tcpsrv) know it. Stories without a date get nothing; dates after today
// count as today.
#pragma once

#include <xapian.h>

#include <chrono>
#include <optional>
#include <string>

namespace newsdex::searchd {

// max_weight: the weight of a story dated today; half_life_days > 0. Days older than ten
// half-lives (under 0.1% of max_weight) and older than the index's oldest date get nothing.
Xapian::Query recency_prior(const Xapian::Database& db, double max_weight, double half_life_days,
                            std::chrono::sys_days today);

// The days since the epoch of a YYYYMMDD value, or nullopt when it is not one.
std::optional<std::chrono::sys_days> days_of(const std::string& yyyymmdd);

}  // namespace newsdex::searchd
