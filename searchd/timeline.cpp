#include "timeline.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace newsdex::searchd {
namespace {

constexpr std::array<std::pair<std::string_view, Interval>, 4> kIntervals = {{
    {"day", Interval::day},
    {"week", Interval::week},
    {"month", Interval::month},
    {"year", Interval::year},
}};

std::optional<int> digits(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::chrono::year_month_day> parse_compact(std::string_view text) {
  if (text.size() != 8) return std::nullopt;
  const auto y = digits(text.substr(0, 4));
  const auto m = digits(text.substr(4, 2));
  const auto d = digits(text.substr(6, 2));
  if (!y || !m || !d) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*y),
                                         std::chrono::month(static_cast<unsigned>(*m)),
                                         std::chrono::day(static_cast<unsigned>(*d))};
  if (!date.ok()) return std::nullopt;
  return date;
}

// ISO 8601: weeks start on Monday, and week 1 is the one holding the year's first Thursday, so a
// date belongs to the week-year of the Thursday of its week.
std::pair<int, unsigned> iso_week(std::chrono::year_month_day date) {
  using namespace std::chrono;
  const sys_days day{date};
  const unsigned weekday_iso = weekday(day).iso_encoding();  // Monday 1 .. Sunday 7
  const sys_days thursday = day + days(4 - static_cast<int>(weekday_iso));
  const year week_year = year_month_day(thursday).year();
  const sys_days first = sys_days(week_year / January / 1);
  return {static_cast<int>(week_year), static_cast<unsigned>((thursday - first).count() / 7 + 1)};
}

}  // namespace

std::optional<Interval> parse_interval(std::string_view text) {
  for (const auto& [name, interval] : kIntervals)
    if (name == text) return interval;
  return std::nullopt;
}

std::string_view to_string(Interval interval) {
  for (const auto& [name, value] : kIntervals)
    if (value == interval) return name;
  return "month";
}

std::string date_bucket(std::string_view yyyymmdd, Interval interval) {
  const auto date = parse_compact(yyyymmdd);
  if (!date) return {};
  const int y = static_cast<int>(date->year());
  const unsigned m = static_cast<unsigned>(date->month());
  const unsigned d = static_cast<unsigned>(date->day());
  char out[16];
  switch (interval) {
    case Interval::day:
      std::snprintf(out, sizeof out, "%04d-%02u-%02u", y, m, d);
      break;
    case Interval::week: {
      const auto [week_year, week] = iso_week(*date);
      std::snprintf(out, sizeof out, "%04d-W%02u", week_year, week);
      break;
    }
    case Interval::month:
      std::snprintf(out, sizeof out, "%04d-%02u", y, m);
      break;
    case Interval::year:
      std::snprintf(out, sizeof out, "%04d", y);
      break;
  }
  return out;
}

}  // namespace newsdex::searchd
