#include "prose.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

namespace newsdex {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// A marker opening a line or sentence counts only this close to the sentence (a reference entry is
// short; a numbered heading at the top of a long flattened text must not taint all of it).
constexpr std::size_t kMaxLineMarkerDistance = 300;

// A line this long that is not followed by a blank line is taken for hard-wrapped running text.
constexpr std::size_t kWrapWidth = 40;

UChar32 code_point_at(std::string_view text, std::size_t i, std::size_t* next = nullptr) {
  UChar32 c = 0;
  auto at = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), at, static_cast<int32_t>(text.size()), c);
  if (next != nullptr) *next = static_cast<std::size_t>(at);
  return c < 0 ? 0xFFFD : c;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Cheap tests before the others: whether the byte at i can begin a terminator or line break, and
// whether the byte before i can end one.
bool may_end_at(char c) {
  return c == '.' || c == '!' || c == '?' || c == '\n' || static_cast<unsigned char>(c) >= 0xE2;
}
bool may_end_before(char c) {
  const auto b = static_cast<unsigned char>(c);
  return c == '.' || c == '!' || c == '?' || c == '\n' || (b >= 0x80 && b <= 0xBF);
}

// The byte length of the sentence terminator at i (0 if none); `always` for the CJK full stops,
// which need no space after them.
std::size_t terminator_at(std::string_view text, std::size_t i, bool& always) {
  always = false;
  const char c = text[i];
  if (c == '.' || c == '!' || c == '?') return 1;
  if (static_cast<unsigned char>(c) < 0xE2 || i + 3 > text.size()) return 0;
  const std::string_view three = text.substr(i, 3);
  if (three == "\xE2\x80\xA6") return 3;  // …
  always = three == "\xE3\x80\x82" || three == "\xEF\xBC\x81" || three == "\xEF\xBC\x9F" ||
           three == "\xEF\xBD\xA1";  // 。！？｡
  return always ? 3 : 0;
}

// The byte length of a closing quote or bracket at i, or 0.
std::size_t closer_at(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  for (std::string_view closer : {"\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\x99", "\xE3\x80\x8D",
                                  "\xE3\x80\x8F", "\xEF\xBC\x89"})  // » ” ’ 」 』 ）
    if (text.substr(i, closer.size()) == closer) return closer.size();
  return 0;
}

// The byte length of a note mark "[12]" at i, or 0.
std::size_t note_mark_at(std::string_view text, std::size_t i) {
  if (i >= text.size() || text[i] != '[') return 0;
  std::size_t j = i + 1;
  while (j < text.size() && j - i <= 4 && is_digit(text[j])) ++j;
  return j > i + 1 && j < text.size() && text[j] == ']' ? j + 1 - i : 0;
}

// Words after which a full stop rarely ends a sentence.
bool is_abbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 18> kWords = {
      "Mr",   "Mrs", "Ms",  "Dr",  "Prof", "Gen", "Col", "Lt", "Sgt",
      "Capt", "Gov", "Sen", "Rep", "St",   "No",  "Jr",  "vs", "Nr"};
  return std::ranges::find(kWords, word) != kWords.end();
}

// Whether the full stop at t follows an initial ("J."), an abbreviation or a list number that
// opens its line ("12."), so that it does not end a sentence.
bool full_stop_continues(std::string_view text, std::size_t t) {
  std::size_t w = t;
  while (w > 0 && (is_ascii_alpha(text[w - 1]) || is_digit(text[w - 1]) ||
                   static_cast<unsigned char>(text[w - 1]) >= 0x80))
    --w;
  const std::string_view word = text.substr(w, t - w);
  if (word.empty()) return false;
  std::size_t after_first = 0;
  const UChar32 first = code_point_at(text, w, &after_first);
  if (after_first == t && u_isalpha(first)) return true;
  if (is_abbreviation(word)) return true;
  if (std::ranges::all_of(word, is_digit)) {
    std::size_t b = w;
    while (b > 0 &&
           (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '(' || text[b - 1] == '['))
      --b;
    return b == 0 || text[b - 1] == '\n';
  }
  return false;
}

// Just past the sentence that the terminator at t (of `length` bytes) closes, closers and note
// marks included, or npos when it closes none.
std::size_t end_after(std::string_view text, std::size_t t, std::size_t length, bool always) {
  std::size_t p = t + length;
  for (std::size_t n; p < text.size() && ((n = closer_at(text, p)) || (n = note_mark_at(text, p)));)
    p += n;
  if (always) return p;
  if (p < text.size() && !is_space(text[p]) && text.substr(p, 2) != "\xC2\xA0") return npos;
  std::size_t q = p;
  while (q < text.size() && (is_space(text[q]) || text.substr(q, 2) == "\xC2\xA0"))
    q += is_space(text[q]) ? 1 : 2;
  if (q < text.size()) {
    const UChar32 next = code_point_at(text, q);
    if (u_islower(next) || u_isdigit(next)) return npos;
  }
  if (text[t] == '.' && full_stop_continues(text, t)) return npos;
  return p;
}

// Where the terminator whose last byte is at i begins, and its length, if there is one.
std::size_t terminator_ending_at(std::string_view text, std::size_t i, std::size_t& length,
                                 bool& always) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) {
    length = terminator_at(text, i, always);
    return length ? i : npos;
  }
  if (i < 2) return npos;
  length = terminator_at(text, i - 2, always);
  return length == 3 ? i - 2 : npos;
}

// Whether the line break at i ends a sentence: it does unless it wraps running text (a line of
// kWrapWidth bytes or more, not followed by a blank line).
bool line_break_ends(std::string_view text, std::size_t i) {
  std::size_t j = i + 1;
  while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
  if (j >= text.size() || text[j] == '\n' || i < kWrapWidth) return true;
  return memrchr(text.data() + i - kWrapWidth, '\n', kWrapWidth) != nullptr;
}

// Letters of scripts written without spaces between words.
bool is_spaceless_letter(UChar32 c) {
  return (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) ||
         (c >= 0x1780 && c <= 0x17FF) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// Whether text at i opens with a note or list marker: "[12]", "12.", "12)", "(12)", "^", "↑", "*".
bool opens_with_marker(std::string_view text, std::size_t i, std::size_t end) {
  const std::string_view s = text.substr(i, end - i);
  if (s.empty()) return false;
  if (s[0] == '^' || s[0] == '*' || s.starts_with("\xE2\x86\x91") || s.starts_with("\xE2\x80\xA0"))
    return true;
  if (note_mark_at(text, i) > 0 || s.starts_with("[^")) return true;
  const bool parenthesised = s[0] == '(';
  const std::size_t first_digit = parenthesised ? 1 : 0;
  std::size_t j = first_digit;
  while (j < s.size() && j - first_digit < 4 && is_digit(s[j])) ++j;
  if (j == first_digit || j + 1 >= s.size()) return false;
  const bool closed = parenthesised ? s[j] == ')' : (s[j] == '.' || s[j] == ')');
  return closed && is_space(s[j + 1]);
}

}  // namespace

Sentence sentence_around(std::string_view text, std::size_t offset, std::size_t max_scan) {
  Sentence sentence;
  offset = std::min(offset, text.size());
  const std::size_t floor = offset > max_scan ? offset - max_scan : 0;
  sentence.start = floor;
  sentence.whole = floor == 0;
  for (std::size_t i = offset; i > floor; --i) {
    if (text[i - 1] == '\n' && line_break_ends(text, i - 1)) {
      sentence.start = i;
      sentence.whole = true;
      break;
    }
    if (!may_end_before(text[i - 1])) continue;
    std::size_t length = 0;
    bool always = false;
    const std::size_t t = terminator_ending_at(text, i - 1, length, always);
    if (t == npos) continue;
    const std::size_t p = end_after(text, t, length, always);
    if (p != npos && p <= offset) {
      sentence.start = p;
      sentence.whole = true;
      break;
    }
  }
  while (sentence.start < text.size() && (text[sentence.start] & 0xC0) == 0x80) ++sentence.start;
  while (sentence.start < offset && is_space(text[sentence.start])) ++sentence.start;

  const std::size_t ceiling = std::min(text.size(), offset + max_scan);
  sentence.end = ceiling;
  for (std::size_t i = offset; i < ceiling; ++i) {
    if (text[i] == '\n' && line_break_ends(text, i)) {
      sentence.end = i;
      break;
    }
    if (!may_end_at(text[i])) continue;
    bool always = false;
    const std::size_t length = terminator_at(text, i, always);
    if (length == 0) continue;
    if (const std::size_t p = end_after(text, i, length, always); p != npos) {
      sentence.end = p;
      sentence.ended = true;
      break;
    }
  }
  if (!sentence.ended)
    while (sentence.end > offset && is_space(text[sentence.end - 1])) --sentence.end;
  return sentence;
}

std::size_t next_sentence_end(std::string_view text, std::size_t from, std::size_t limit) {
  limit = std::min(limit, text.size());
  for (std::size_t i = from; i < limit; ++i) {
    if (text[i] == '\n' && line_break_ends(text, i)) {
      if (i > from) return i;
      continue;
    }
    if (!may_end_at(text[i])) continue;
    bool always = false;
    const std::size_t length = terminator_at(text, i, always);
    if (length == 0) continue;
    const std::size_t p = end_after(text, i, length, always);
    if (p != npos && p <= limit) return p;
  }
  return npos;
}

bool is_prose(std::string_view text, const Sentence& sentence, std::size_t line_start) {
  if (!sentence.ended) return false;
  if (sentence.whole && opens_with_marker(text, sentence.start, sentence.end)) return false;
  if (line_start < sentence.start && sentence.start - line_start <= kMaxLineMarkerDistance &&
      opens_with_marker(text, line_start, sentence.end))
    return false;
  const std::string_view s = text.substr(sentence.start, sentence.end - sentence.start);
  if (s.find("://") != npos || s.find("www.") != npos) return false;
  std::size_t words = 0, numbers = 0, spaceless = 0, separators = 0;
  enum { kNone, kWord, kNumber } run = kNone;
  for (std::size_t i = 0; i < s.size();) {
    const bool ascii = static_cast<unsigned char>(s[i]) < 0x80;
    const UChar32 c = ascii ? s[i++] : code_point_at(s, i, &i);
    if (!ascii && is_spaceless_letter(c)) {
      ++spaceless;
      run = kNone;
    } else if (ascii ? is_ascii_alpha(static_cast<char>(c))
                     : u_isalpha(c) || (run == kWord && (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0)) {
      if (run != kWord) ++words;
      run = kWord;
    } else if (ascii ? is_digit(static_cast<char>(c)) : u_isdigit(c)) {
      if (run != kNumber) ++numbers;
      run = kNumber;
    } else if (run == kNumber && (c == '.' || c == ',' || c == ':' || c == '/') && i < s.size() &&
               is_digit(s[i])) {
      // 3.5, 14,781 and 10:30 are one number each.
    } else if (run == kWord && (c == '\'' || c == 0x2019 || c == '-') && i < s.size() &&
               is_ascii_alpha(s[i])) {
      // don't, long-term: one word each.
    } else {
      if (c == '|' || c == 0x2022) ++separators;
      run = kNone;
    }
  }
  words += spaceless / 2;
  // A short sentence reads as prose among others of its paragraph, not alone on its line.
  std::size_t after = sentence.end;
  while (after < text.size() && (text[after] == ' ' || text[after] == '\t' || text[after] == '\r'))
    ++after;
  const bool alone =
      line_start >= sentence.start &&
      (after >= text.size() || (text[after] == '\n' && line_break_ends(text, after)));
  return words >= (alone ? 6u : 3u) && numbers <= words && separators < 2;
}

bool prose_at(std::string_view text, std::size_t offset) {
  const Sentence sentence = sentence_around(text, offset);
  const std::size_t from = sentence.start - std::min(sentence.start, kMaxLineMarkerDistance);
  const void* nl = memrchr(text.data() + from, '\n', sentence.start - from);
  std::size_t line_start = nl != nullptr ? static_cast<const char*>(nl) - text.data() + 1
                           : from == 0   ? 0
                                         : sentence.start;
  while (line_start < sentence.start && is_space(text[line_start])) ++line_start;
  return is_prose(text, sentence, line_start);
}

const Sentence& SentenceScanner::at(std::size_t offset) {
  if (has_current_ && offset >= current_.start && offset < current_.end) return current_;
  current_ = sentence_around(text_, offset);
  has_current_ = true;
  if (current_.start > scanned_to_) {
    const void* nl = memrchr(text_.data() + scanned_to_, '\n', current_.start - scanned_to_);
    if (nl != nullptr) line_start_ = static_cast<const char*>(nl) - text_.data() + 1;
    scanned_to_ = current_.start;
  }
  while (line_start_ < current_.start && is_space(text_[line_start_])) ++line_start_;
  current_.prose = is_prose(text_, current_, line_start_);
  return current_;
}

}  // namespace newsdex
