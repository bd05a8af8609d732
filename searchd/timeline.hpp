// Timelines: the `date` facet groups the matches' publication dates (value slot kSlotDate,
// "YYYYMMDD") into day, ISO week, month or year buckets. The counting itself is a
// ValueCountMatchSpy over the slot (facets.hpp), so it sees every match and works on remote
// shards; this module only names the intervals and maps a date to its bucket.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdex::searchd {

enum class Interval { day, week, month, year };

// "day", "week", "month" or "year"; nullopt for anything else.
std::optional<Interval> parse_interval(std::string_view text);
std::string_view to_string(Interval interval);

// What a request may say, for error messages.
inline constexpr std::string_view kIntervalNames = "day, week, month or year";

// The bucket of a "YYYYMMDD" date: "2024-03-05", "2024-W10" (ISO 8601 week, whose year may differ
// from the date's near New Year), "2024-03" or "2024". Buckets of one interval sort as the dates
// do. "" for a value that is not a calendar date.
std::string date_bucket(std::string_view yyyymmdd, Interval interval);

}  // namespace newsdex::searchd
