// JSON articles: one object, an array of objects (or an object wrapping one under "articles",
// "items"...), or NDJSON with one object per line. Field names follow what news APIs and CMS
// exports use; a field's absence is filled from the text like plain copy.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "formats.hpp"
#include "metadata.hpp"
#include "text_lines.hpp"

namespace newsdex {
namespace {

using nlohmann::json;

// The first of the keys holding a non-empty string.
std::string first_string(const json& object, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const auto it = object.find(key);
    if (it != object.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) {
      return it->get<std::string>();
    }
  }
  return {};
}

// "Name" or {"name": "Name"}; anything else names nobody.
std::string author_name(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (!value.is_object()) return {};
  const auto name = value.find("name");
  return name != value.end() && name->is_string() ? name->get<std::string>() : std::string{};
}

// One name, or a list of them → "Name, Name". Lists inside lists are not names.
std::string author_names(const json& value) {
  if (!value.is_array()) return author_name(value);
  std::string names;
  for (const auto& item : value) {
    const auto name = author_name(item);
    if (!name.empty()) names += (names.empty() ? "" : ", ") + name;
  }
  return names;
}

// Strings go through parse_date; numbers are Unix times (seconds, or milliseconds when huge).
std::optional<Date> json_date(const json& value) {
  if (value.is_string()) return parse_date(value.get_ref<const std::string&>());
  if (!value.is_number()) return std::nullopt;
  auto seconds = value.get<std::int64_t>();
  if (seconds > 100'000'000'000) seconds /= 1000;
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds{std::chrono::seconds{seconds}})};
  return Date{static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
              static_cast<int>(static_cast<unsigned>(day.day()))};
}

// One article object, or nullopt when it holds no text at all.
std::optional<Article> to_article(const json& object) {
  if (!object.is_object()) return std::nullopt;
  Article known;
  known.title = first_string(object, {"title", "headline", "name"});
  const std::string body =
      first_string(object, {"body", "text", "content", "articleBody", "description"});
  if (known.title.empty() && text::trim(body).empty()) return std::nullopt;
  for (const char* key : {"author", "byline", "authors", "creator"}) {
    if (const auto it = object.find(key); it != object.end()) known.byline = author_names(*it);
    if (!known.byline.empty()) break;
  }
  for (const char* key :
       {"date", "published", "published_at", "publishedAt", "datePublished", "pubDate"}) {
    if (const auto it = object.find(key); it != object.end()) known.date = json_date(*it);
    if (known.date) break;
  }
  known.url = first_string(object, {"url", "link"});
  const auto lang = text::ascii_lower(first_string(object, {"lang", "language", "inLanguage"}));
  if (const auto primary = lang.substr(0, lang.find_first_of("-_")); primary.size() == 2) {
    known.lang_hint = primary;
  }
  return extract_text_metadata(body, std::move(known));
}

// Real article exports nest a few levels; a file nested deeper is hostile or broken. The limit is
// enforced while parsing, so nothing deeper is ever built or walked.
constexpr int kMaxDepth = 64;

struct TooDeep {};

const std::string kTooDeepMessage =
    "arrays and objects nested deeper than " + std::to_string(kMaxDepth) + " levels";

// Throws json::parse_error for malformed text and TooDeep past kMaxDepth.
json parse_bounded(std::string_view text) {
  return json::parse(text, [](int depth, json::parse_event_t event, json&) {
    const bool opens =
        event == json::parse_event_t::object_start || event == json::parse_event_t::array_start;
    if (opens && depth >= kMaxDepth) throw TooDeep{};
    return true;
  });
}

// Wrappers that exports put around the list: {"articles": [...]}, {"items": [...]}.
const json* article_list(const json& value) {
  if (value.is_array()) return &value;
  if (!value.is_object()) return nullptr;
  for (const char* key : {"articles", "items", "documents", "data", "results", "entries"}) {
    if (const auto it = value.find(key); it != value.end() && it->is_array()) return &*it;
  }
  return nullptr;
}

Result<std::vector<Article>> articles_of(const json& value) {
  std::vector<Article> articles;
  if (const auto* list = article_list(value); list && !to_article(value)) {
    for (const auto& item : *list) {
      if (auto article = to_article(item)) articles.push_back(std::move(*article));
    }
  } else if (auto article = to_article(value)) {
    articles.push_back(std::move(*article));
  }
  if (articles.empty()) return make_error(Errc::parse_error, "no article with text in the JSON");
  return articles;
}

// NDJSON: one object per line. A broken line is skipped so it cannot take the others with it.
Result<std::vector<Article>> parse_lines(std::string_view text, const std::string& whole_error) {
  std::vector<Article> articles;
  std::size_t parsed = 0;
  for (const auto line : text::split_lines(text)) {
    if (text::trim(line).empty()) continue;
    json value;
    try {
      value = parse_bounded(line);
    } catch (const json::exception&) {  // parse_error, or out_of_range for a number like 1e999
      continue;
    } catch (const TooDeep&) {
      continue;
    }
    ++parsed;
    if (auto article = to_article(value)) articles.push_back(std::move(*article));
  }
  if (parsed == 0) return make_error(Errc::parse_error, whole_error);
  if (articles.empty())
    return make_error(Errc::parse_error, "no article with text in the JSON lines");
  return articles;
}

}  // namespace

Result<std::vector<Article>> parse_json(std::string_view text) {
  try {
    return articles_of(parse_bounded(text));
  } catch (const TooDeep&) {
    if (text::trim(text).find('\n') == std::string_view::npos)
      return make_error(Errc::parse_error, kTooDeepMessage);
    return parse_lines(text, kTooDeepMessage);
  } catch (const json::exception& error) {  // parse_error, or out_of_range for 1e999
    // what() is "[json.exception.parse_error.101] parse error at line 3, column 12: ...".
    const std::string_view what = error.what();
    const std::string message(what.substr(std::min(what.find("] ") + 2, what.size())));
    // More than one line that failed as a whole: NDJSON, read line by line.
    if (text::trim(text).find('\n') == std::string_view::npos) {
      return make_error(Errc::parse_error, message);
    }
    return parse_lines(text, message);
  }
}

}  // namespace newsdex
