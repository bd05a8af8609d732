// A recency prior for news: a Xapian posting source over the date slot (kSlotDate, YYYYMMDD)
// whose weight halves every half-life of a story's age, so it can be added to a relevance score
// (Xapian sums the weights of a query's parts). Stories without a date get nothing; dates after
// `today` count as today.
#pragma once

#include <xapian.h>

#include <chrono>
#include <optional>
#include <string>

namespace newsdex::searchd {

class RecencySource : public Xapian::ValuePostingSource {
 public:
  // max_weight: the weight of a story dated today; half_life: in days, > 0.
  RecencySource(double max_weight, double half_life_days, std::chrono::sys_days today);

  double get_weight() const override;
  RecencySource* clone() const override;
  std::string name() const override;
  std::string serialise() const override;
  RecencySource* unserialise(const std::string& serialised) const override;
  void init(const Xapian::Database& db) override;

 private:
  double max_weight_;
  double half_life_days_;
  std::chrono::sys_days today_;
};

// The days since the epoch of a YYYYMMDD value, or nullopt when it is not one.
std::optional<std::chrono::sys_days> days_of(const std::string& yyyymmdd);

}  // namespace newsdex::searchd
