// parse_date and find_date (declared in metadata.hpp): written dates recognised with ICU's
// SimpleDateFormat, strict (non-lenient), over a table of patterns and locales.
#include "dates.hpp"

#include <unicode/calendar.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "metadata.hpp"
#include "text_lines.hpp"

namespace newsdex {
namespace {

struct Pattern {
  const char* locale;
  const char* pattern;
};

// Order matters where two patterns could read the same text: day-first numeric dates come
// before the US month-first form, so "03/04/2021" is 3 April; "11/24/2021" still parses as
// US because month 24 does not exist. ICU matches month and weekday names case-insensitively,
// and "MMMM" accepts the genitive forms ("9 февраля 2021"). "yyyy", not "y": ICU reads a
// two-digit year against the current century for "y", and "9 Feb 21" is too ambiguous to index.
constexpr Pattern kPatterns[] = {
    {"en", "yyyy-MM-dd"},
    {"en", "MMMM d, yyyy"},
    {"en", "MMMM d yyyy"},
    {"en", "MMM d, yyyy"},
    {"en", "MMM. d, yyyy"},
    {"en", "MMM d yyyy"},
    {"en", "EEEE, MMMM d, yyyy"},
    {"en", "EEE, MMM d, yyyy"},
    {"en", "EEE, d MMM yyyy"},  // RFC 2822 mail and RSS dates
    {"en", "d MMMM yyyy"},
    {"en", "d MMM yyyy"},
    {"en", "d MMM. yyyy"},
    {"en", "d MMMM, yyyy"},
    {"en", "dd.MM.yyyy"},
    {"en", "dd/MM/yyyy"},
    {"en", "MM/dd/yyyy"},
    {"en", "yyyy/MM/dd"},
    {"de", "d. MMMM yyyy"},
    {"fr", "d MMMM yyyy"},
    {"es", "d 'de' MMMM 'de' yyyy"},
    {"pt", "d 'de' MMMM 'de' yyyy"},
    {"it", "d MMMM yyyy"},
    {"ru", "d MMMM yyyy"},
    {"tr", "d MMMM yyyy"},
    {"az", "d MMMM yyyy"},
    {"ar@numbers=latn", "d MMMM yyyy"},  // Arabic month names with the Latin digits news uses
};

struct DateParser {
  std::unique_ptr<icu::SimpleDateFormat> format;
  std::unique_ptr<icu::Calendar> calendar;
  bool starts_with_digit;
};

std::vector<DateParser> make_parsers() {
  std::vector<DateParser> parsers;
  for (const auto& [locale_name, pattern] : kPatterns) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale(locale_name);
    auto format = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(pattern),
                                                          locale, status);
    // GMT keeps the written day: no time-zone shift can move it to the day before.
    std::unique_ptr<icu::Calendar> calendar(
        icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), locale, status));
    if (U_FAILURE(status)) continue;  // a locale missing from this ICU build
    format->setLenient(false);
    calendar->setLenient(false);
    const std::string_view text(pattern);
    const bool digit = text.starts_with('y') || text.starts_with('d') || text.starts_with("MM/");
    parsers.push_back({std::move(format), std::move(calendar), digit});
  }
  return parsers;
}

// SimpleDateFormat and Calendar are not safe to share between threads; each parsing thread
// (the indexer's workers) builds its own table once.
std::vector<DateParser>& parsers() {
  thread_local std::vector<DateParser> table = make_parsers();
  return table;
}

struct Match {
  Date date;
  int32_t end;  // index just past the date in the UTF-16 text
};

bool is_word_char(UChar32 c) {
  return u_isalnum(c);
}

std::optional<Match> parse_at(const icu::UnicodeString& text, int32_t start) {
  const bool digit = u_isdigit(text.char32At(start));
  for (auto& parser : parsers()) {
    if (parser.starts_with_digit != digit) continue;
    parser.calendar->clear();
    icu::ParsePosition position(start);
    parser.format->parse(text, *parser.calendar, position);
    if (position.getErrorIndex() >= 0 || position.getIndex() <= start) continue;
    const int32_t end = position.getIndex();
    // "2021-11-240" is not a date that ends where the pattern did; "2021-11-24T10:00" is.
    if (end < text.length() && u_isdigit(text.char32At(end))) continue;
    UErrorCode status = U_ZERO_ERROR;
    const Date date{parser.calendar->get(UCAL_YEAR, status),
                    parser.calendar->get(UCAL_MONTH, status) + 1,
                    parser.calendar->get(UCAL_DATE, status)};
    // Non-lenient calendars refuse 30 February here; two-digit years parse as year 21 AD.
    if (U_FAILURE(status) || date.year < 1800 || date.year > 2200) continue;
    return Match{date, end};
  }
  return std::nullopt;
}

// What may follow a date and still leave "just a date": a time of day and zone
// ("T10:00:00Z", " 10:00 +0200"), or closing punctuation.
bool is_time_tail(const icu::UnicodeString& text, int32_t from) {
  for (int32_t i = from; i < text.length(); ++i) {
    const char16_t c = text[i];
    if (!(u_isdigit(c) || c == ':' || c == '.' || c == '+' || c == '-' || c == 'T' || c == 'Z' ||
          c == ' ' || c == ',')) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  const auto trimmed = text::trim(text);
  if (trimmed.empty()) return std::nullopt;
  const auto unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(trimmed.data(), static_cast<int32_t>(trimmed.size())));
  const auto match = parse_at(unicode, 0);
  if (!match || !is_time_tail(unicode, match->end)) return std::nullopt;
  return match->date;
}

std::optional<DateSpan> find_date_span(std::string_view line) {
  const auto unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
  // UTF-16 index to UTF-8 byte offset, for the rare caller that gets a match.
  const auto bytes_before = [&unicode](int32_t index) {
    std::string prefix;
    unicode.tempSubString(0, index).toUTF8String(prefix);
    return prefix.size();
  };
  // Every pattern holds a four-digit year, and no written date runs longer than
  // "Wednesday, September 30, " before it: only starts that close to a year are tried, which
  // spares ICU most of a long line.
  constexpr int32_t kLongestLead = 40;
  const auto find_year = [&unicode](int32_t from) {
    for (int32_t i = from, run = 0; i < unicode.length(); ++i) {
      run = u_isdigit(unicode[i]) ? run + 1 : 0;
      if (run == 4) return i - 3;
    }
    return int32_t{-1};
  };
  int32_t next_year = find_year(0);
  for (int32_t i = 0; i < unicode.length() && next_year >= 0; i = unicode.moveIndex32(i, 1)) {
    if (i > next_year) next_year = find_year(i);
    if (next_year < 0) break;
    if (i < next_year - kLongestLead) i = next_year - kLongestLead;
    const UChar32 c = unicode.char32At(i);
    const bool word_start = i == 0 || !is_word_char(unicode.char32At(unicode.moveIndex32(i, -1)));
    // Dates begin with a digit or a capitalised month/weekday name.
    if (!word_start || !(u_isdigit(c) || u_isupper(c))) continue;
    if (const auto match = parse_at(unicode, i)) {
      return DateSpan{match->date, bytes_before(i), bytes_before(match->end)};
    }
  }
  return std::nullopt;
}

std::optional<Date> find_date(std::string_view line) {
  if (const auto span = find_date_span(line)) return span->date;
  return std::nullopt;
}

}  // namespace newsdex
