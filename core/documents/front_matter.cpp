// read_front_matter: the block between the `---` lines is parsed by yaml-cpp, and the fields
// newsdex keeps are picked from the top-level map under the keys site generators give them.
#include "front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <regex>

#include "encoding.hpp"
#include "metadata.hpp"
#include "text_lines.hpp"

namespace newsdex {
namespace {

// A scalar as one line: a folded or literal block scalar spans lines, a title never does.
std::string one_line(const YAML::Node& node) {
  if (!node.IsDefined() || !node.IsScalar()) return {};
  std::string out;
  for (const char c : node.Scalar()) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  if (out.ends_with(' ')) out.pop_back();
  return is_valid_utf8(out) ? out : std::string{};
}

// "Ana Lima", [Ana Lima, Tom Berg] (inline or block), or the {name: ...} maps some themes use
// for authors.
std::string joined(const YAML::Node& node) {
  if (!node.IsSequence()) return one_line(node);
  std::string out;
  for (const auto& item : node) {
    const auto name = one_line(item.IsMap() ? item["name"] : item);
    if (!name.empty()) out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

// YAML's timestamps (yaml.org/type/timestamp.html: 2001-12-14, 2001-12-14t21:59:43.10-05:00,
// 2001-12-14 21:59:43.10 -5) keep the day as written, whatever the zone; any other value is read
// as a written date ("9 February 2021").
std::optional<Date> yaml_date(const std::string& value) {
  static const std::regex kTimestamp(
      R"(([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?)"
      R"(([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?)");
  constexpr std::size_t kLongestTimestamp = 48;  // std::regex recurses per character
  std::smatch match;
  if (value.size() > kLongestTimestamp || !std::regex_match(value, match, kTimestamp))
    return parse_date(value);
  const auto two_digits = [](const std::string& part) {
    return part.size() < 2 ? "0" + part : part;
  };
  return parse_date(match[1].str() + "-" + two_digits(match[2].str()) + "-" +
                    two_digits(match[3].str()));
}

void take(FrontMatter& front, std::string_view key, const YAML::Node& value) {
  if (key == "title") {
    front.title = joined(value);
  } else if (key == "date" || key == "published" || key == "pubdate") {
    front.date = yaml_date(one_line(value));
  } else if (key == "author" || key == "authors" || key == "byline") {
    front.author = joined(value);
  } else if (key == "lang" || key == "language") {
    front.lang = one_line(value);
  } else if (key == "url" || key == "link") {
    front.url = one_line(value);
  }
}

// False when yaml-cpp refuses the text.
bool read_yaml(std::string_view yaml, FrontMatter& front) {
  try {
    const YAML::Node root = YAML::Load(std::string(yaml));
    if (!root.IsMap()) return true;
    for (const auto& entry : root) {
      if (entry.first.IsScalar())
        take(front, text::ascii_lower(entry.first.Scalar()), entry.second);
    }
    return true;
  } catch (const YAML::Exception&) {
    return false;
  }
}

// yaml-cpp refuses a whole block for one bad entry, most often a title holding an unquoted ": ",
// which newsdex has always read as written. So a refused block is read one top-level entry (a
// line at the margin with the indented or "- " lines under it) at a time, and an entry YAML still
// refuses gives the text after its key as a plain string.
void read_entry_by_entry(std::string_view block, FrontMatter& front) {
  const auto lines = text::split_lines(block);
  const auto continues = [](std::string_view line) {
    return line.empty() || line.front() == ' ' || line.front() == '\t' || line.starts_with("- ");
  };
  for (std::size_t first = 0, end = 1; first < lines.size(); first = end++) {
    while (end < lines.size() && continues(lines[end])) ++end;
    const auto* last = &lines[end - 1];
    if (read_yaml({lines[first].data(), last->data() + last->size()}, front)) continue;
    const auto colon = lines[first].find(':');
    if (colon == std::string_view::npos) continue;
    auto value = text::trim(lines[first].substr(colon + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    take(front, text::ascii_lower(text::trim(lines[first].substr(0, colon))),
         YAML::Node(std::string(value)));
  }
}

}  // namespace

std::string_view read_front_matter(std::string_view text, FrontMatter& front) {
  const auto lines = text::split_lines(text);
  if (lines.empty() || text::trim(lines[0]) != "---") return text;
  const auto offset = [text](std::string_view line) {
    return static_cast<std::size_t>(line.data() - text.data());
  };
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto line = text::trim(lines[i]);
    if (line != "---" && line != "...") continue;
    const auto block = text.substr(offset(lines[1]), offset(lines[i]) - offset(lines[1]));
    if (!read_yaml(block, front)) read_entry_by_entry(block, front);
    const auto newline = text.find('\n', offset(lines[i]) + lines[i].size());
    return newline == text.npos ? std::string_view{} : text.substr(newline + 1);
  }
  return text;  // no closing marker: it was not front matter
}

}  // namespace newsdex
