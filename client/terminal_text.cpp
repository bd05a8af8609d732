#include "terminal_text.hpp"

#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <optional>

namespace newsdex::client {
namespace {

void append_utf8(std::string& out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The character a reference names ("amp", "#39", "#xE9"), or nothing.
std::optional<char32_t> decode_reference(std::string_view name) {
  static constexpr std::pair<std::string_view, char32_t> kNamed[] = {
      {"amp", U'&'}, {"lt", U'<'}, {"gt", U'>'}, {"quot", U'"'}, {"apos", U'\''}, {"nbsp", 0xA0}};
  for (const auto& [known, c] : kNamed)
    if (name == known) return c;
  if (name.size() < 2 || name[0] != '#') return std::nullopt;
  const bool hex = name[1] == 'x' || name[1] == 'X';
  auto digits = name.substr(hex ? 2 : 1);
  std::uint32_t value = 0;
  auto [end, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size())
    return std::nullopt;
  return static_cast<char32_t>(value);
}

}  // namespace

std::string unescape_html(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '&') {
      auto semicolon = html.find(';', i + 1);
      if (semicolon != std::string_view::npos && semicolon - i <= 10) {
        if (auto c = decode_reference(html.substr(i + 1, semicolon - i - 1))) {
          append_utf8(out, *c);
          i = semicolon;
          continue;
        }
      }
    }
    out += html[i];
  }
  return out;
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    // C1 controls are U+0080..U+009F, encoded as C2 80..C2 9F.
    const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (c < 0x20 || c == 0x7F || c == ' ' || c1) {
      if (c1) ++i;
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  if (space) out += ' ';
  return out;
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(' ') - first + 1));
}

std::string highlighted_text(std::string_view html, bool color, std::string_view open_tag,
                             std::string_view close_tag) {
  // Neutralise first, so the only escape sequences in the result are the ones added here.
  std::string out;
  std::size_t pos = 0;
  while (pos < html.size()) {
    auto open = html.find(open_tag, pos);
    auto close = html.find(close_tag, pos);
    auto next = std::min(open, close);
    out += one_line(unescape_html(html.substr(pos, next - pos)));
    if (next == std::string_view::npos) break;
    const bool opening = next == open;
    if (color) out += opening ? kBoldOn : kBoldOff;
    pos = next + (opening ? open_tag.size() : close_tag.size());
  }
  return trim(out);
}

bool stdout_wants_color() {
  if (std::getenv("NO_COLOR")) return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

}  // namespace newsdex::client
