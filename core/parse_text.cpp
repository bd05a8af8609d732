// Plain text and Markdown. Markdown is reduced to the text a reader sees (no emphasis markers,
// link targets, heading hashes or code fences) and then read like plain copy, except that YAML
// front matter and a leading heading state the title, date and author outright.
#include <algorithm>
#include <cctype>
#include <string>

#include "formats.hpp"
#include "metadata.hpp"
#include "text_lines.hpp"

namespace newsdex {
namespace {

struct FrontMatter {
  std::string title, date, author, lang, url;
};

std::string_view unquote(std::string_view value) {
  value = text::trim(value);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  return value;
}

// "[A, B]" or "A" → "A, B" / "A".
std::string yaml_list(std::string_view value) {
  value = text::trim(value);
  if (value.starts_with('[') && value.ends_with(']')) value = value.substr(1, value.size() - 2);
  std::string out;
  std::size_t start = 0;
  while (start <= value.size()) {
    const auto comma = std::min(value.find(',', start), value.size());
    const auto item = unquote(value.substr(start, comma - start));
    if (!item.empty()) out += (out.empty() ? "" : ", ") + std::string(item);
    start = comma + 1;
  }
  return out;
}

// The simple `key: value` YAML that static-site generators write. Lists of authors may be
// inline ([A, B]) or block ("- A" lines). Returns the lines after the closing marker.
std::string_view read_front_matter(std::string_view text, FrontMatter& front) {
  const auto lines = text::split_lines(text);
  if (lines.empty() || text::trim(lines[0]) != "---") return text;
  std::string* list_target = nullptr;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto line = text::trim(lines[i]);
    if (line == "---" || line == "...") {
      const auto end = static_cast<std::size_t>(lines[i].data() - text.data()) + lines[i].size();
      const auto newline = text.find('\n', end);
      return newline == text.npos ? std::string_view{} : text.substr(newline + 1);
    }
    if (line.starts_with("- ") && list_target) {
      const auto item = unquote(line.substr(2));
      *list_target += (list_target->empty() ? "" : ", ") + std::string(item);
      continue;
    }
    const auto colon = line.find(':');
    if (colon == line.npos) continue;
    const auto key = text::ascii_lower(text::trim(line.substr(0, colon)));
    const auto value = line.substr(colon + 1);
    list_target = nullptr;
    if (key == "title") {
      front.title = unquote(value);
    } else if (key == "date" || key == "published" || key == "pubdate") {
      front.date = unquote(value);
    } else if (key == "author" || key == "authors" || key == "byline") {
      front.author = yaml_list(value);
      list_target = &front.author;
    } else if (key == "lang" || key == "language") {
      front.lang = unquote(value);
    } else if (key == "url" || key == "link") {
      front.url = unquote(value);
    }
  }
  return text;  // no closing marker: it was not front matter
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c & 0x80;
}

// Inline Markdown to text: [text](url) and ![alt](url) keep the text, `code` keeps the code,
// emphasis markers go, backslash escapes resolve.
std::string reduce_inline(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const char next = i + 1 < line.size() ? line[i + 1] : '\0';
    const char previous = i > 0 ? line[i - 1] : ' ';
    if (c == '\\' && next != '\0' && std::ispunct(static_cast<unsigned char>(next))) {
      out += next;
      ++i;
    } else if (c == '!' && next == '[') {
      continue;  // the image's alt text follows as a link text
    } else if (c == '[') {
      const auto close = line.find(']', i + 1);
      if (close == line.npos) {
        out += c;
        continue;
      }
      out += reduce_inline(line.substr(i + 1, close - i - 1));
      i = close;
      // Skip the target: (url "title") or [ref].
      const char opener = close + 1 < line.size() ? line[close + 1] : '\0';
      if (opener == '(' || opener == '[') {
        const auto end = line.find(opener == '(' ? ')' : ']', close + 1);
        if (end != line.npos) i = end;
      }
    } else if (c == '`') {
      continue;
    } else if (c == '<' && (line.substr(i + 1).starts_with("http") ||
                            line.substr(i + 1).starts_with("mailto:"))) {
      // An autolink <https://...>: the address is the text.
      const auto close = line.find('>', i);
      if (close == line.npos) {
        out += c;
        continue;
      }
      out += line.substr(i + 1, close - i - 1);
      i = close;
    } else if (c == '*' || c == '~' ||
               (c == '_' && !(is_word_char(previous) && is_word_char(next)))) {
      // Emphasis markers; a lone "*" between spaces is arithmetic or a footnote and stays.
      if (previous == ' ' && (next == ' ' || next == '\0')) out += c;
    } else {
      out += c;
    }
  }
  return out;
}

bool is_rule(std::string_view line) {
  if (line.size() < 3) return false;
  const char mark = line[0];
  if (mark != '-' && mark != '*' && mark != '_' && mark != '=') return false;
  return std::ranges::all_of(line, [mark](char c) { return c == mark || c == ' '; });
}

// Block syntax: heading hashes, quote and list markers, fences and rules go; code keeps its text.
std::string reduce_markdown(std::string_view text, std::string& leading_heading) {
  std::string out;
  out.reserve(text.size());
  bool in_code = false;
  bool seen_content = false;
  const auto lines = text::split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto line = text::trim(lines[i]);
    if (line.starts_with("```") || line.starts_with("~~~")) {
      in_code = !in_code;
      continue;
    }
    if (in_code) {
      out.append(lines[i]).append("\n");
      continue;
    }
    // A setext heading: the text line followed by === or ---.
    const bool setext = !line.empty() && i + 1 < lines.size() &&
                        is_rule(text::trim(lines[i + 1])) &&
                        (text::trim(lines[i + 1])[0] == '=' || text::trim(lines[i + 1])[0] == '-');
    if (is_rule(line)) {
      out += "\n";
      continue;
    }
    bool heading = setext;
    if (line.starts_with('#')) {
      const auto hashes = line.find_first_not_of('#');
      if (hashes != line.npos && hashes <= 6 && line[hashes] == ' ') {
        line = text::trim(line.substr(hashes));
        while (line.ends_with('#')) line.remove_suffix(1);
        line = text::trim(line);
        heading = true;
      }
    }
    while (line.starts_with('>')) line = text::trim(line.substr(1));
    if (line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ")) {
      line = text::trim(line.substr(2));
    } else if (const auto dot = line.find_first_not_of("0123456789");
               dot > 0 && dot != line.npos && dot < 10 && (line[dot] == '.' || line[dot] == ')') &&
               line.substr(dot + 1).starts_with(' ')) {
      line = text::trim(line.substr(dot + 1));
    }
    // Reference definitions "[id]: http://..." are link targets, not text.
    if (line.starts_with('[') && line.find("]:") != line.npos) continue;
    std::string reduced = reduce_inline(line);
    if (!seen_content && !reduced.empty()) {
      seen_content = true;
      if (heading) {
        leading_heading = std::move(reduced);
        if (setext) ++i;
        continue;
      }
    }
    out += reduced;
    out += heading ? "\n\n" : "\n";
  }
  return out;
}

}  // namespace

Result<std::vector<Article>> parse_plain_text(std::string_view text) {
  return std::vector<Article>{extract_text_metadata(text)};
}

Result<std::vector<Article>> parse_markdown(std::string_view text) {
  FrontMatter front;
  const auto content = read_front_matter(text, front);
  std::string heading;
  const std::string reduced = reduce_markdown(content, heading);
  Article known;
  known.title = !front.title.empty() ? front.title : heading;
  known.byline = front.author;
  known.url = front.url;
  known.date = parse_date(front.date);
  known.lang_hint = text::ascii_lower(front.lang.substr(0, front.lang.find_first_of("-_")));
  if (known.lang_hint.size() != 2) known.lang_hint.clear();
  // A heading that did not become the title (front matter named another) stays in the text.
  const std::string body =
      !front.title.empty() && !heading.empty() ? heading + "\n\n" + reduced : reduced;
  return std::vector<Article>{extract_text_metadata(body, std::move(known))};
}

}  // namespace newsdex
