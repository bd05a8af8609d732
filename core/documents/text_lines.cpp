#include "text_lines.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <ranges>

namespace newsdex::text {
namespace {

bool is_space(UChar32 c) {
  return c >= 0 && (u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B);
}

const std::uint8_t* bytes_of(std::string_view text) {
  return reinterpret_cast<const std::uint8_t*>(text.data());
}

}  // namespace

bool all_code_points(std::string_view text, const std::function<bool(std::int32_t)>& holds) {
  const auto* s = bytes_of(text);
  const auto length = static_cast<std::int64_t>(text.size());
  for (std::int64_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (!holds(c)) return false;
  }
  return true;
}

std::string_view trim(std::string_view text) {
  const auto* s = bytes_of(text);
  std::int32_t start = 0;
  auto end = static_cast<std::int32_t>(text.size());
  while (start < end) {
    std::int32_t next = start;
    UChar32 c;
    U8_NEXT(s, next, end, c);
    if (!is_space(c)) break;
    start = next;
  }
  while (end > start) {
    std::int32_t previous = end;
    UChar32 c;
    U8_PREV(s, start, previous, c);
    if (!is_space(c)) break;
    end = previous;
  }
  return text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  if (text.empty()) return pieces;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    pieces.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return pieces;
    start = end + 1;
  }
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::string_view line : split(text, '\n')) {
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
  }
  return lines;
}

std::string tidy_paragraphs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_blank = false;
  for (const auto raw : split_lines(text)) {
    const auto line = trim(raw);
    if (line.empty()) {
      pending_blank = !out.empty();
      continue;
    }
    if (!out.empty()) out += pending_blank ? "\n\n" : "\n";
    pending_blank = false;
    // Runs of ASCII spaces/tabs inside a line come from layout (HTML source, PDF columns).
    bool in_space = false;
    for (const char c : line) {
      const bool space = c == ' ' || c == '\t';
      if (space && in_space) continue;
      out += space ? ' ' : c;
      in_space = space;
    }
  }
  return out;
}

int first_code_point(std::string_view text) {
  std::int32_t i = 0;
  UChar32 c = -1;
  if (!text.empty()) U8_NEXT(bytes_of(text), i, static_cast<std::int32_t>(text.size()), c);
  return c;
}

}  // namespace newsdex::text
