#include "stored_fields.hpp"

#include <charconv>
#include <cstring>
#include <optional>

#include "fast_json.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

// The offset of the quote closing the string literal that starts at `from` (just past its opening
// quote), or npos.
std::size_t closing_quote(std::string_view text, std::size_t from) {
  while (from < text.size()) {
    const void* hit = std::memchr(text.data() + from, '"', text.size() - from);
    if (!hit) return std::string_view::npos;
    const std::size_t at = static_cast<const char*>(hit) - text.data();
    std::size_t backslashes = 0;
    while (at > backslashes && text[at - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return at;
    from = at + 1;
  }
  return std::string_view::npos;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool hex4(std::string_view text, std::size_t at, std::uint32_t& value) {
  if (at + 4 > text.size()) return false;
  auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + 4, value, 16);
  return ec == std::errc() && end == text.data() + at + 4;
}

// Falls back to nlohmann's parser for whatever read_json declines (it gives the same value).
json parse_json(std::string_view text) {
  std::optional<json> fields = read_json(text);
  return fields ? std::move(*fields) : json::parse(text, nullptr, false);
}

json parse_whole(std::string_view data, std::string* body) {
  json fields = parse_json(data);
  if (!fields.is_object()) fields = json::object();
  if (body) {
    auto it = fields.find("body");
    *body = it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
  }
  fields.erase("body");
  return fields;
}

}  // namespace

bool json_unescape(std::string_view escaped, std::string& out) {
  out.clear();
  out.reserve(escaped.size());
  std::size_t at = 0;
  while (at < escaped.size()) {
    const void* hit = std::memchr(escaped.data() + at, '\\', escaped.size() - at);
    const std::size_t slash = hit ? static_cast<const char*>(hit) - escaped.data() : escaped.size();
    out.append(escaped.substr(at, slash - at));
    if (slash + 1 >= escaped.size()) return slash == escaped.size();
    const char c = escaped[slash + 1];
    at = slash + 2;
    switch (c) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        std::uint32_t cp = 0;
        if (!hex4(escaped, at, cp)) return false;
        at += 4;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
        if (cp >= 0xD800 && cp < 0xDC00) {               // a surrogate pair
          std::uint32_t low = 0;
          if (escaped.substr(at, 2) != "\\u" || !hex4(escaped, at + 2, low) || low < 0xDC00 ||
              low > 0xDFFF)
            return false;
          at += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

json parse_stored(std::string_view data, std::string* body) {
  // nlohmann::json keeps keys sorted, so the indexer's data starts with the body.
  constexpr std::string_view kHead = R"({"body":")";
  if (!data.starts_with(kHead)) return parse_whole(data, body);
  const std::size_t end = closing_quote(data, kHead.size());
  if (end == std::string_view::npos) return parse_whole(data, body);
  if (body && !json_unescape(data.substr(kHead.size(), end - kHead.size()), *body))
    return parse_whole(data, body);
  std::string rest = "{";
  std::string_view tail = data.substr(end + 1);
  if (tail.starts_with(",")) tail.remove_prefix(1);
  rest += tail;
  json fields = parse_json(rest);
  if (!fields.is_object()) return parse_whole(data, body);
  fields.erase("body");  // a second "body" key (found by fuzz_stored): still no body in the fields
  return fields;
}

}  // namespace newsdex::searchd
