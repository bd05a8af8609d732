#include "render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "terminal_text.hpp"

namespace newsdex::client {
namespace {

using nlohmann::json;

std::string text_of(const json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return {};
}

std::string scalar_text(const json& value) {
  if (value.is_string()) return one_line(value.get<std::string>());
  if (value.is_null()) return "-";
  return value.dump();
}

std::string dim(std::string_view text, bool color) {
  if (!color) return std::string(text);
  return fmt::format("{}{}{}", kDimOn, text, kDimOff);
}

// "2021-02-09 · Amina Rahman · en · politics/budget.txt", skipping what is unknown.
std::string meta_line(const json& hit) {
  std::string line;
  for (const char* key : {"date", "byline", "lang", "path"}) {
    auto value = one_line(text_of(hit, key));
    if (value.empty()) continue;
    if (!line.empty()) line += " · ";
    line += value;
  }
  return line;
}

struct FacetLabel {
  const char* key;
  const char* label;
};
constexpr FacetLabel kFacetLabels[] = {
    {"person", "people"}, {"org", "organisations"}, {"place", "places"},  {"lang", "languages"},
    {"year", "years"},    {"type", "types"},        {"folder", "folders"}};

std::string facet_line(const char* label, const json& buckets) {
  std::string line = fmt::format("  {}:", label);
  for (const auto& bucket : buckets) {
    line += fmt::format(" {} ({}){}", one_line(text_of(bucket, "value")), text_of(bucket, "count"),
                        &bucket == &buckets.back() ? "" : ",");
  }
  return line + "\n";
}

// The date facet as a bar per bucket, scaled to the largest.
std::string render_timeline(const json& buckets) {
  if (!buckets.is_array() || buckets.empty()) return {};
  constexpr double kWidth = 40;
  double largest = 1;
  for (const auto& bucket : buckets)
    if (bucket.is_object() && bucket.value("count", json()).is_number())
      largest = std::max(largest, bucket["count"].get<double>());
  std::string out = "Timeline\n";
  for (const auto& bucket : buckets) {
    const auto count = bucket.is_object() ? bucket.value("count", json()) : json();
    if (!count.is_number()) continue;
    const auto bar = static_cast<std::size_t>(
        std::clamp(std::ceil(count.get<double>() / largest * kWidth), 0.0, kWidth));
    out += fmt::format("  {:<10} {} {}\n", one_line(text_of(bucket, "value")),
                       std::string(bar, '#'), count.dump());
  }
  return out + "\n";
}

std::string render_facets(const json& facets) {
  if (!facets.is_object() || facets.empty()) return {};
  std::string out = facets.size() == 1 && facets.contains("date") ? "" : "Facets\n";
  for (const auto& [key, label] : kFacetLabels) {
    auto it = facets.find(key);
    if (it != facets.end() && it->is_array() && !it->empty()) out += facet_line(label, *it);
  }
  for (const auto& [key, buckets] : facets.items()) {  // facets this client has no label for
    if (key == "date") continue;                       // the timeline has its own lines
    // Captured by name: clang 14 (the fuzz and sanitizer builds) cannot capture a binding.
    bool known =
        std::ranges::any_of(kFacetLabels, [&name = key](const auto& f) { return name == f.key; });
    if (!known && buckets.is_array() && !buckets.empty()) out += facet_line(key.c_str(), buckets);
  }
  return (out.empty() ? out : out + "\n") + render_timeline(facets.value("date", json()));
}

std::string summary_line(const json& reply, std::size_t shown, unsigned first_number) {
  const auto& total = reply.value("total", json::object());
  const auto value = total.is_object() ? total.value("value", 0ull) : 0ull;
  const bool exact = total.is_object() ? total.value("exact", true) : true;
  std::string line =
      fmt::format("{}{} result{}", exact ? "" : "about ", value, value == 1 ? "" : "s");
  if (shown > 0 && (first_number > 1 || shown < value))
    line += fmt::format(", showing {}-{}", first_number, first_number + shown - 1);
  if (auto took = reply.find("took_ms"); took != reply.end() && took->is_number())
    line += fmt::format(" ({:.1f} ms)", took->get<double>());
  return line + "\n";
}

// One numbered hit: title, metadata, snippet, and what a relaxed match lacks or a related story
// shares.
std::string render_hit(const json& hit, unsigned number, const RenderOptions& options) {
  std::string out;
  // "title" is plain text; "title_highlighted" is HTML-escaped with highlight tags.
  auto title = hit.contains("title_highlighted")
                   ? highlighted_text(text_of(hit, "title_highlighted"), options.color)
                   : one_line(text_of(hit, "title"));
  if (title.empty()) title = one_line(text_of(hit, "path"));
  if (const auto versions = hit.find("versions");
      versions != hit.end() && versions->is_number_unsigned() && versions->get<unsigned>() > 0) {
    const unsigned n = versions->get<unsigned>();
    title += dim(fmt::format(" ({} other version{})", n, n == 1 ? "" : "s"), options.color);
  }
  out += fmt::format("{}. {}\n", number, title);
  out += fmt::format("   {}\n", dim(meta_line(hit), options.color));
  auto snippet = highlighted_text(text_of(hit, "snippet"), options.color);
  if (!snippet.empty()) out += fmt::format("   {}\n", snippet);
  if (const auto missing = hit.find("missing");
      missing != hit.end() && missing->is_array() && !missing->empty()) {
    std::string words;
    for (const auto& word : *missing)
      if (word.is_string())
        words += (words.empty() ? "" : ", ") + one_line(word.get<std::string>());
    out += fmt::format("   {}\n", dim("Missing: " + words, options.color));
  }
  if (const auto shared = hit.find("shared"); shared != hit.end() && shared->is_object()) {
    std::string names;
    for (const auto& [type, list] : shared->items())
      if (list.is_array())
        for (const auto& name : list)
          if (name.is_string())
            names += (names.empty() ? "" : ", ") + one_line(name.get<std::string>());
    if (!names.empty()) out += fmt::format("   {}\n", dim("Shared: " + names, options.color));
  }
  return out + "\n";
}

}  // namespace

std::string render_search(const json& reply, unsigned first_number, const RenderOptions& options) {
  std::string out;
  unsigned number = first_number;
  const auto& hits = reply.value("hits", json::array());
  for (const auto& hit : hits) out += render_hit(hit, number++, options);
  out += render_facets(reply.value("facets", json::object()));
  out += summary_line(reply, hits.size(), first_number);
  if (const auto relaxed = reply.find("relaxed"); relaxed != reply.end() && relaxed->is_object())
    out +=
        fmt::format("No document holds every word: showing those with at least {} of {}.\n",
                    relaxed->value("required", 0u), relaxed->value("words", json::array()).size());
  if (auto results_for = one_line(text_of(reply, "results_for")); !results_for.empty())
    out += fmt::format("Showing results for: {} (search instead for what you typed with --exact)\n",
                       results_for);
  else if (auto suggestion = one_line(text_of(reply, "suggestion")); !suggestion.empty())
    out += fmt::format("Did you mean: {}?\n", suggestion);
  return out;
}

std::string render_event(const json& event, const RenderOptions& options) {
  const std::string kind = text_of(event, "event");
  if (kind == "subscribed")
    return fmt::format("Watching from commit {}: new matches appear here (Ctrl-C stops).\n",
                       text_of(event, "revision"));
  if (kind != "match")
    return fmt::format("[{}] {}\n", one_line(kind), one_line(text_of(event, "message")));
  const std::string reason = one_line(text_of(event, "reason"));
  const json& hit = event.contains("hit") && event["hit"].is_object() ? event["hit"] : json();
  if (reason == "removed") return fmt::format("[removed] {}\n\n", one_line(text_of(hit, "id")));
  // The hit as search shows one, with the reason in place of its number.
  const std::string out = render_hit(hit, 1, options);
  return fmt::format("[{}] {}", reason, out.substr(out.find(". ") + 2));
}

std::string render_neighbours(const json& reply, std::string_view kind,
                              const RenderOptions& options) {
  std::string out;
  unsigned number = 1;
  const auto& hits = reply.value("hits", json::array());
  for (const auto& hit : hits) out += render_hit(hit, number++, options);
  out += fmt::format("{} {} document{} for {}\n", hits.size(), kind, hits.size() == 1 ? "" : "s",
                     one_line(text_of(reply, "id")));
  return out;
}

std::string render_document(const json& reply, const RenderOptions& options) {
  std::string out;
  auto title = one_line(text_of(reply, "title"));
  if (!title.empty())
    out += (options.color ? fmt::format("{}{}{}", kBoldOn, title, kBoldOff) : title) + "\n";
  out += dim(meta_line(reply), options.color) + "\n";
  for (const auto& [key, value] : reply.items()) {
    if (key == "title" || key == "body" || key == "text" || key == "entities") continue;
    if (value.is_object() || value.is_array()) continue;
    out += fmt::format("{}: {}\n", key, scalar_text(value));
  }
  if (auto entities = reply.find("entities"); entities != reply.end() && entities->is_object()) {
    for (const auto& [kind, names] : entities->items()) {
      if (!names.is_array() || names.empty()) continue;
      std::string list;
      for (const auto& name : names) {
        auto text = name.is_object() ? text_of(name, "name") : scalar_text(name);
        if (text.empty()) text = name.dump();
        list += (list.empty() ? "" : ", ") + one_line(text);
      }
      out += fmt::format("{}: {}\n", kind, list);
    }
  }
  for (const char* key : {"body", "text"}) {
    if (auto body = text_of(reply, key); !body.empty()) {
      // Keep paragraphs, but neutralise controls inside each line.
      out += "\n";
      std::size_t start = 0;
      while (start <= body.size()) {
        auto end = body.find('\n', start);
        if (end == std::string::npos) end = body.size();
        out += one_line(std::string_view(body).substr(start, end - start)) + "\n";
        start = end + 1;
      }
      break;
    }
  }
  return out;
}

std::string render_versions(const json& reply, const RenderOptions& options) {
  std::string out;
  const auto& versions = reply.value("versions", json::array());
  unsigned number = 1;
  for (const auto& version : versions) {
    auto title = one_line(text_of(version, "title"));
    if (title.empty()) title = one_line(text_of(version, "path"));
    const bool current = version.value("current", false);
    out += fmt::format("{}. {}{}\n", number++,
                       options.color ? fmt::format("{}{}{}", kBoldOn, title, kBoldOff) : title,
                       current ? " (the one asked for)" : "");
    out += fmt::format("   {}\n", dim(meta_line(version), options.color));
    const auto diff = version.find("diff");
    if (diff == version.end() || !diff->is_array()) {
      out += fmt::format("   {}\n\n", dim("the oldest version", options.color));
      continue;
    }
    if (!version.value("diff_complete", true))
      out += fmt::format("   {}\n", dim("too many changes to mark word by word", options.color));
    bool changed = false;
    for (const auto& part : *diff) {
      const auto op = text_of(part, "op");
      if (op != "+" && op != "-") continue;
      out += fmt::format("   {} {}\n", op, one_line(text_of(part, "text")));
      changed = true;
    }
    if (!changed) out += fmt::format("   {}\n", dim("the same words", options.color));
    out += "\n";
  }
  const auto total = reply.value("total", versions.size());
  out += fmt::format("{} version{}", total, total == 1 ? "" : "s");
  if (reply.value("truncated", false)) out += fmt::format(", the newest {} shown", versions.size());
  return out + "\n";
}

namespace {

void append_fields(std::string& out, const json& value, int depth) {
  const std::string indent(2 * depth, ' ');
  for (const auto& [key, item] : value.items()) {
    if (item.is_object()) {
      out += fmt::format("{}{}:\n", indent, one_line(key));
      append_fields(out, item, depth + 1);
    } else if (item.is_array() &&
               std::ranges::all_of(item, [](const json& e) { return !e.is_structured(); })) {
      std::string list;
      for (const auto& element : item) list += (list.empty() ? "" : ", ") + scalar_text(element);
      out += fmt::format("{}{}: {}\n", indent, one_line(key), list);
    } else if (item.is_array()) {
      out += fmt::format("{}{}:\n", indent, one_line(key));
      for (const auto& element : item) {
        out += fmt::format("{}  -\n", indent);
        if (element.is_object()) append_fields(out, element, depth + 2);
      }
    } else {
      out += fmt::format("{}{}: {}\n", indent, one_line(key), scalar_text(item));
    }
  }
}

}  // namespace

std::string render_fields(const json& reply) {
  std::string out;
  if (reply.is_object())
    append_fields(out, reply, 0);
  else
    out = scalar_text(reply) + "\n";
  return out;
}

}  // namespace newsdex::client
