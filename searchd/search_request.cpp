#include "search_request.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "query.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

// The filters that take a list of values, and where each goes in the request.
using ListMember = std::vector<std::string> SearchRequest::*;
using ListField = std::pair<std::string_view, ListMember>;
constexpr ListField kListFields[] = {
    {"person", &SearchRequest::person}, {"org", &SearchRequest::org},
    {"place", &SearchRequest::place},   {"lang", &SearchRequest::lang},
    {"type", &SearchRequest::type},     {"folder", &SearchRequest::folder},
};
constexpr std::array<std::string_view, 8> kFacetNames = {"person", "org",  "place", "lang",
                                                         "year",   "date", "type",  "folder"};

// The request member of a list filter, or null when name is not one.
const ListMember* list_member(std::string_view name) {
  const auto* field = std::ranges::find(kListFields, name, &ListField::first);
  return field == std::end(kListFields) ? nullptr : &field->second;
}

std::optional<unsigned long long> parse_unsigned(std::string_view text) {
  unsigned long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

ApiError bad_value(const std::string& field, const std::string& why) {
  return bad_request("invalid_field", "field '" + field + "' " + why);
}

// "person,place:20" -> {"person": default, "place": 20}
ApiResult<json> facets_from_text(std::string_view text) {
  json facets = json::object();
  std::size_t at = 0;
  while (at <= text.size()) {
    const std::size_t comma = std::min(text.find(',', at), text.size());
    std::string_view item = text.substr(at, comma - at);
    at = comma + 1;
    if (item.empty()) continue;
    const std::size_t colon = item.find(':');
    if (colon == std::string_view::npos) {
      facets[std::string(item)] = nullptr;
    } else {
      auto size = parse_unsigned(item.substr(colon + 1));
      if (!size) return bad_value("facets", "has a size that is not a non-negative integer");
      facets[std::string(item.substr(0, colon))] = *size;
    }
  }
  return facets;
}

ApiResult<std::string> get_string(const json& value, const std::string& field) {
  if (!value.is_string()) return bad_value(field, "must be a string");
  return value.get<std::string>();
}

// `fields`: a comma-separated string or an array of names.
ApiResult<unsigned> get_fields(const json& value) {
  static constexpr std::pair<std::string_view, unsigned> kNames[] = {{"id", 0},
                                                                     {"path", kHitPath},
                                                                     {"title", kHitTitle},
                                                                     {"date", kHitDate},
                                                                     {"byline", kHitByline},
                                                                     {"lang", kHitLang},
                                                                     {"type", kHitType},
                                                                     {"score", kHitScore},
                                                                     {"entities", kHitEntities},
                                                                     {"snippet", kHitSnippet},
                                                                     {"versions", kHitVersions}};
  std::vector<std::string> names;
  if (value.is_string()) {
    const std::string text = value.get<std::string>();
    for (std::size_t at = 0; at <= text.size();) {
      const std::size_t comma = std::min(text.find(',', at), text.size());
      names.push_back(text.substr(at, comma - at));
      at = comma + 1;
    }
  } else if (value.is_array()) {
    for (const json& item : value) {
      if (!item.is_string()) return bad_value("fields", "must be a string or an array of strings");
      names.push_back(item.get<std::string>());
    }
  } else {
    return bad_value("fields", "must be a string or an array of strings");
  }
  unsigned bits = 0;
  for (const auto& name : names) {
    const auto* known =
        std::ranges::find(kNames, name, &std::pair<std::string_view, unsigned>::first);
    if (known == std::end(kNames)) {
      std::string names_known;
      for (const auto& [known_name, _] : kNames)
        names_known += (names_known.empty() ? "" : ", ") + std::string(known_name);
      return bad_value("fields", "has an unknown field '" + name.substr(0, 64) +
                                     "' (known: " + names_known + ")");
    }
    bits |= known->second;
  }
  return bits;
}

ApiResult<std::vector<std::string>> get_list(const json& value, const std::string& field) {
  std::vector<std::string> out;
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
  } else if (value.is_array()) {
    for (const json& item : value) {
      if (!item.is_string()) return bad_value(field, "must be a string or an array of strings");
      out.push_back(item.get<std::string>());
    }
  } else {
    return bad_value(field, "must be a string or an array of strings");
  }
  for (const auto& item : out)
    if (item.empty()) return bad_value(field, "may not hold an empty string");
  return out;
}

ApiResult<unsigned> get_unsigned(const json& value, const std::string& field, unsigned max) {
  if (value.is_number_integer() && value.get<long long>() < 0)
    return bad_value(field, "must not be negative");
  if (!value.is_number_unsigned() && !value.is_number_integer())
    return bad_value(field, "must be a non-negative integer");
  const auto n = value.get<unsigned long long>();
  if (n > max) return bad_value(field, "must be at most " + std::to_string(max));
  return static_cast<unsigned>(n);
}

ApiResult<std::string> get_date(const json& value, const std::string& field, bool end) {
  auto text = get_string(value, field);
  if (!text.ok()) return text;
  std::string compact = compact_date(text.value(), end);
  if (compact.empty())
    return ApiError{400, "invalid_date",
                    "field '" + field + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY): '" +
                        text.value() + "'"};
  return compact;
}

ApiResult<std::map<std::string, unsigned>> get_facets(const json& value, const Limits& limits) {
  json object;
  if (value.is_string()) {
    auto parsed = facets_from_text(value.get<std::string>());
    if (!parsed.ok()) return parsed.error();
    object = parsed.value();
  } else if (value.is_array()) {
    object = json::object();
    for (const json& name : value) {
      if (!name.is_string()) return bad_value("facets", "must name facets with strings");
      object[name.get<std::string>()] = nullptr;
    }
  } else if (value.is_object()) {
    object = value;
  } else {
    return bad_value("facets", "must be an object of sizes, an array of names, or a string");
  }
  std::map<std::string, unsigned> facets;
  for (const auto& [name, size] : object.items()) {
    if (!is_facet_name(name))
      return bad_value("facets", "names an unknown facet '" + name +
                                     "' (person, org, place, lang, year, date, type, folder)");
    if (size.is_null()) {
      facets[name] = 10;
      continue;
    }
    auto n = get_unsigned(size, "facets." + name, limits.max_facet_size);
    if (!n.ok()) return n.error();
    facets[name] = n.value();
  }
  return facets;
}

// Every string in a value is valid UTF-8. Walks with an explicit stack: the value came from a
// client.
bool utf8_everywhere(const json& value) {
  std::vector<const json*> pending = {&value};
  while (!pending.empty()) {
    const json* v = pending.back();
    pending.pop_back();
    if (v->is_string() && !is_valid_utf8(v->get_ref<const std::string&>())) return false;
    if (v->is_structured())
      for (const json& child : *v) pending.push_back(&child);
  }
  return true;
}

}  // namespace

bool SearchRequest::has_filter() const {
  return std::ranges::any_of(
             kListFields,
             [this](const ListField& field) { return !(this->*field.second).empty(); }) ||
         !from.empty() || !to.empty();
}

bool is_facet_name(std::string_view name) {
  return std::ranges::find(kFacetNames, name) != kFacetNames.end();
}

ApiResult<SearchRequest> parse_search_json(const json& body, const Limits& limits,
                                           const std::vector<std::string>& ignore) {
  if (!body.is_object()) return bad_request("invalid_request", "the request must be a JSON object");
  if (!utf8_everywhere(body)) return bad_request("invalid_utf8", "a string is not valid UTF-8");
  SearchRequest request;
  request.limit = limits.default_limit;
  request.snippet = limits.default_snippet;
  bool interval_given = false;
  for (const auto& [name, value] : body.items()) {
    if (std::ranges::find(ignore, name) != ignore.end()) continue;
    ApiError error;
    bool failed = false;
    auto take = [&](auto result, auto& into) {
      if (result.ok()) {
        into = std::move(result.value());
      } else {
        error = result.error();
        failed = true;
      }
    };
    if (name == "q") {
      take(get_string(value, name), request.q);
    } else if (const ListMember* member = list_member(name)) {
      take(get_list(value, name), request.*(*member));
    } else if (name == "from") {
      take(get_date(value, name, false), request.from);
    } else if (name == "to") {
      take(get_date(value, name, true), request.to);
    } else if (name == "facets") {
      take(get_facets(value, limits), request.facets);
    } else if (name == "interval") {
      std::string text;
      take(get_string(value, name), text);
      interval_given = true;
      if (!failed) {
        const auto interval = parse_interval(text);
        if (interval)
          request.interval = *interval;
        else
          error = bad_value(name, "must be " + std::string(kIntervalNames)), failed = true;
      }
    } else if (name == "sort") {
      std::string sort;
      take(get_string(value, name), sort);
      if (!failed) {
        if (sort == "relevance")
          request.sort = Sort::relevance;
        else if (sort == "date")
          request.sort = Sort::date_ascending;
        else if (sort == "-date")
          request.sort = Sort::date_descending;
        else
          error = bad_value(name, "must be relevance, date or -date"), failed = true;
      }
    } else if (name == "recency") {
      std::string text;
      take(get_string(value, name), text);
      if (!failed) {
        request.recency_days = parse_half_life(text);
        if (!request.recency_days)
          error = bad_value(name, "must be a half-life such as 12h, 7d, 2w or 1y, or off"),
          failed = true;
      }
    } else if (name == "explain" || name == "correct" || name == "collapse") {
      bool flag = false;
      if (value.is_boolean())
        flag = value.get<bool>();
      else if (value == "true" || value == "false")
        flag = value == "true";
      else
        error = bad_value(name, "must be true or false"), failed = true;
      if (name == "explain")
        request.explain = flag;
      else if (name == "correct")
        request.correct = flag;
      else
        request.collapse = flag;
    } else if (name == "offset") {
      take(get_unsigned(value, name, limits.max_result_window), request.offset);
    } else if (name == "limit") {
      take(get_unsigned(value, name, limits.max_limit), request.limit);
    } else if (name == "snippet") {
      take(get_unsigned(value, name, limits.max_snippet), request.snippet);
    } else if (name == "fields") {
      take(get_fields(value), request.fields);
    } else if (name == "highlight_pre" || name == "highlight_post") {
      std::string tag;
      take(get_string(value, name), tag);
      if (!failed && tag.size() > 64)
        error = bad_value(name, "is longer than 64 bytes"), failed = true;
      if (!failed) (name == "highlight_pre" ? request.highlight_pre : request.highlight_post) = tag;
    } else {
      return bad_request("unknown_field", "unknown field '" + name + "'");
    }
    if (failed) return error;
  }
  if (interval_given && !request.facets.contains("date"))
    return bad_value("interval",
                     "sets the buckets of the date facet: ask for it too (facets=date)");
  if (request.q.size() > limits.max_query_bytes)
    return bad_request("query_too_long", "the query is longer than " +
                                             std::to_string(limits.max_query_bytes) + " bytes");
  if (static_cast<unsigned long long>(request.offset) + request.limit > limits.max_result_window)
    return bad_request("result_window_too_large",
                       "offset + limit may not exceed " + std::to_string(limits.max_result_window));
  if (!request.from.empty() && !request.to.empty() && request.from > request.to)
    return ApiError{400, "invalid_date", "'from' is after 'to'"};
  return request;
}

ApiResult<SearchRequest> parse_search_params(
    const std::vector<std::pair<std::string, std::string>>& params, const Limits& limits) {
  json body = json::object();
  for (const auto& [name, value] : params) {
    if (!is_valid_utf8(name) || !is_valid_utf8(value))
      return bad_request("invalid_utf8", "parameter '" + name + "' is not valid UTF-8");
    if (list_member(name)) {
      body[name].push_back(value);
      continue;
    }
    if (body.contains(name))
      return bad_request("invalid_field", "parameter '" + name + "' is given more than once");
    if (name == "offset" || name == "limit" || name == "snippet") {
      if (!value.empty() && value.front() == '-') return bad_value(name, "must not be negative");
      auto n = parse_unsigned(value);
      if (!n) return bad_value(name, "must be a non-negative integer");
      body[name] = *n;
    } else {
      body[name] = value;
    }
  }
  return parse_search_json(body, limits);
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      unsigned value = 0;
      if (i + 2 >= text.size()) return std::nullopt;
      auto [end, ec] = std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
      if (ec != std::errc() || end != text.data() + i + 3) return std::nullopt;
      out += static_cast<char>(value);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

ApiResult<std::vector<std::pair<std::string, std::string>>> parse_query_string(
    std::string_view query) {
  std::vector<std::pair<std::string, std::string>> params;
  std::size_t at = 0;
  while (at < query.size()) {
    const std::size_t amp = std::min(query.find('&', at), query.size());
    const std::string_view item = query.substr(at, amp - at);
    at = amp + 1;
    if (item.empty()) continue;
    const std::size_t eq = item.find('=');
    auto name = percent_decode(item.substr(0, eq), true);
    auto value = eq == std::string_view::npos ? std::optional<std::string>("")
                                              : percent_decode(item.substr(eq + 1), true);
    if (!name || !value)
      return bad_request("invalid_escape",
                         "the query string has a broken %-escape (%XX with two hex digits) in '" +
                             std::string(item.substr(0, 64)) + "'");
    params.emplace_back(std::move(*name), std::move(*value));
  }
  return params;
}

}  // namespace newsdex::searchd
