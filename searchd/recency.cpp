#include "recency.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "schema.hpp"

namespace newsdex::searchd {

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

RecencySource::RecencySource(double max_weight, double half_life_days, std::chrono::sys_days today)
    : Xapian::ValuePostingSource(schema::kSlotDate),
      max_weight_(max_weight),
      half_life_days_(half_life_days),
      today_(today) {}

double RecencySource::get_weight() const {
  const auto day = days_of(get_value());
  if (!day) return 0.0;
  const double age = std::max(0.0, static_cast<double>((today_ - *day).count()));
  return max_weight_ * std::exp2(-age / half_life_days_);
}

RecencySource* RecencySource::clone() const {
  return new RecencySource(max_weight_, half_life_days_, today_);
}

std::string RecencySource::name() const {
  return "newsdex::RecencySource";
}

// Text, not bytes: only a remote shard server that registers this source reads it.
std::string RecencySource::serialise() const {
  return std::to_string(max_weight_) + ' ' + std::to_string(half_life_days_) + ' ' +
         std::to_string(today_.time_since_epoch().count());
}

RecencySource* RecencySource::unserialise(const std::string& serialised) const {
  double weight = 0, half_life = 1;
  long long today = 0;
  if (std::sscanf(serialised.c_str(), "%lf %lf %lld", &weight, &half_life, &today) != 3 ||
      !(half_life > 0))
    throw Xapian::NetworkError("bad serialised RecencySource");
  return new RecencySource(weight, half_life, std::chrono::sys_days(std::chrono::days(today)));
}

void RecencySource::init(const Xapian::Database& db) {
  Xapian::ValuePostingSource::init(db);
  set_maxweight(max_weight_);
}

}  // namespace newsdex::searchd
