#include "fast_json.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include "encoding.hpp"
#include "stored_fields.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 256;

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool document(json& out) {
    if (!value(out, 0)) return false;
    skip_space();
    return at_ == text_.size();
  }

 private:
  void skip_space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t'))
      ++at_;
  }

  bool value(json& out, int depth) {
    skip_space();
    if (at_ == text_.size()) return false;
    switch (text_[at_]) {
      case '{':
        return depth < kMaxDepth && object(out, depth + 1);
      case '[':
        return depth < kMaxDepth && array(out, depth + 1);
      case '"': {
        std::string s;
        if (!string(s)) return false;
        out = std::move(s);
        return true;
      }
      case 't':
        out = true;
        return literal("true");
      case 'f':
        out = false;
        return literal("false");
      case 'n':
        out = nullptr;
        return literal("null");
      default:
        return number(out);
    }
  }

  bool literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  bool object(json& out, int depth) {
    out = json::object();
    ++at_;  // '{'
    skip_space();
    if (at_ < text_.size() && text_[at_] == '}') {
      ++at_;
      return true;
    }
    std::string key;
    while (true) {
      skip_space();
      if (at_ == text_.size() || text_[at_] != '"' || !string(key)) return false;
      skip_space();
      if (at_ == text_.size() || text_[at_] != ':') return false;
      ++at_;
      // A repeated key keeps its last value, as nlohmann::json::parse does.
      if (!value(out[std::move(key)], depth)) return false;
      skip_space();
      if (at_ == text_.size()) return false;
      if (text_[at_++] == '}') return true;
      if (text_[at_ - 1] != ',') return false;
    }
  }

  bool array(json& out, int depth) {
    out = json::array();
    ++at_;  // '['
    skip_space();
    if (at_ < text_.size() && text_[at_] == ']') {
      ++at_;
      return true;
    }
    while (true) {
      out.emplace_back();
      if (!value(out.back(), depth)) return false;
      skip_space();
      if (at_ == text_.size()) return false;
      if (text_[at_++] == ']') return true;
      if (text_[at_ - 1] != ',') return false;
    }
  }

  // At the opening quote; leaves `at_` past the closing one.
  bool string(std::string& out) {
    const std::size_t start = ++at_;
    bool escaped = false, non_ascii = false;
    for (; at_ < text_.size(); ++at_) {
      const auto c = static_cast<unsigned char>(text_[at_]);
      if (c == '"') break;
      if (c < 0x20) return false;  // control characters must be escaped
      if (c >= 0x80) non_ascii = true;
      if (c == '\\') {
        escaped = true;
        ++at_;  // the escaped character is never the end of the string
      }
    }
    if (at_ >= text_.size()) return false;
    const std::string_view raw = text_.substr(start, at_ - start);
    ++at_;
    if (non_ascii && !is_valid_utf8(raw)) return false;
    if (!escaped) {
      out.assign(raw);
      return true;
    }
    return json_unescape(raw, out);
  }

  // JSON's grammar, then nlohmann's types: an integer is unsigned when not negative, signed when
  // negative, and a double when it has a fraction or exponent or does not fit 64 bits.
  bool number(json& out) {
    const std::size_t start = at_;
    bool integral = true;
    if (at_ < text_.size() && text_[at_] == '-') ++at_;
    if (at_ < text_.size() && text_[at_] == '0') {
      ++at_;
    } else if (!digits()) {
      return false;
    }
    if (at_ < text_.size() && text_[at_] == '.') {
      ++at_;
      integral = false;
      if (!digits()) return false;
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
      ++at_;
      integral = false;
      if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
      if (!digits()) return false;
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + at_;
    if (integral) {
      if (*first == '-') {
        std::int64_t v = 0;
        if (std::from_chars(first, last, v).ec == std::errc()) {
          out = v;
          return true;
        }
      } else {
        std::uint64_t v = 0;
        if (std::from_chars(first, last, v).ec == std::errc()) {
          out = v;
          return true;
        }
      }
    }
    double v = 0;
    const auto [end, ec] = std::from_chars(first, last, v);
    if (end != last) return false;
    // Out of range, from_chars leaves v untouched: strtod gives what nlohmann's lexer takes, zero
    // for an underflow and an infinity, which nlohmann rejects, for an overflow.
    if (ec == std::errc::result_out_of_range)
      v = std::strtod(std::string(first, last).c_str(), nullptr);
    out = v;
    return std::isfinite(v);
  }

  bool digits() {
    const std::size_t start = at_;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
    return at_ > start;
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

std::optional<json> read_json(std::string_view text) {
  json out;
  if (!Reader(text).document(out)) return std::nullopt;
  return out;
}

}  // namespace newsdex::searchd
