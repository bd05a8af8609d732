#include "recency.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "schema.hpp"

namespace newsdex::searchd {
namespace {

constexpr double kHalfLives = 10;  // 2^-10: past it a story's prior is under 0.1% of today's
constexpr int kFutureDays = 366;   // scheduled stories dated up to a year ahead count as today

std::string yyyymmdd(std::chrono::sys_days day) {
  const std::chrono::year_month_day date(day);
  char out[16];
  std::snprintf(out, sizeof out, "%04d%02u%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return out;
}

}  // namespace

std::optional<std::chrono::sys_days> days_of(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return std::nullopt;
  unsigned value = 0;
  auto [end, ec] = std::from_chars(yyyymmdd.data(), yyyymmdd.data() + 8, value);
  if (ec != std::errc() || end != yyyymmdd.data() + 8) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(static_cast<int>(value / 10000)),
                                         std::chrono::month(value / 100 % 100),
                                         std::chrono::day(value % 100)};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date);
}

Xapian::Query recency_prior(const Xapian::Database& db, double max_weight, double half_life_days,
                            std::chrono::sys_days today) {
  auto* source = new Xapian::ValueMapPostingSource(schema::kSlotDate);
  source->set_default_weight(0);
  const auto oldest = days_of(db.get_value_lower_bound(schema::kSlotDate));
  const auto newest = days_of(db.get_value_upper_bound(schema::kSlotDate));
  if (oldest && newest) {
    const auto horizon = static_cast<long>(std::ceil(half_life_days * kHalfLives));
    const auto first = std::max(*oldest, today - std::chrono::days(horizon));
    for (auto day = first; day <= today; day += std::chrono::days(1))
      source->add_mapping(yyyymmdd(day),
                          max_weight * std::exp2(-(today - day).count() / half_life_days));
    const auto last = std::min(*newest, today + std::chrono::days(kFutureDays));
    for (auto day = today + std::chrono::days(1); day <= last; day += std::chrono::days(1))
      source->add_mapping(yyyymmdd(day), max_weight);
  }
  return Xapian::Query(source->release());
}

}  // namespace newsdex::searchd
