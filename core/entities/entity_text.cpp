#include "entity_text.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>
#include <numeric>
#include <string_view>
#include <unordered_set>

#include "normalize.hpp"
#include "segmenter.hpp"

namespace newsdex::entity_text {
namespace {

bool is_word_char(UChar32 c) {
  if (u_isalnum(c)) return true;
  const auto cat = u_charType(c);
  return cat == U_NON_SPACING_MARK || cat == U_COMBINING_SPACING_MARK;
}

bool is_apostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}
bool is_hyphen(UChar32 c) {
  return c == '-' || c == 0x2010 || c == 0x2011;
}

UChar32 code_point_at(std::string_view text, std::size_t i) {
  UChar32 c = 0;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(s, pos, static_cast<int32_t>(text.size()), c);
  return c;
}

// "St. Louis", "Mt. Vernon", "Ft. Worth": a place's abbreviated first word ends no sentence.
// "St." after a capitalised word inside a sentence is a street ("Main St."), which may. (Titles,
// "Gov.", "Mr.", are the person rules' to read across.)
bool abbreviates_a_place_word(const Token& word, const Token* before) {
  static const std::unordered_set<std::string_view> kPlaceWords = {"st", "ste", "mt", "ft"};
  if (!word.cap || !kPlaceWords.contains(word.key)) return false;
  return word.key != "st" || before == nullptr || !before->cap || word.sentence_start;
}

// Turkish and its Turkic neighbours write a name's case and possessive endings after an apostrophe
// ("Kars'a", "İstanbul'dan", "Bakı'nın"): the name is the part before it. Only whole known endings
// count, so "O'Neill", "Xi'an" and "D'Amato" stay one word.
bool name_ending(std::string_view suffix) {
  static const std::unordered_set<std::string_view> kEndings = {
      "a",     "e",    "ə",    "ı",     "i",     "u",      "ü",      "ya",   "ye",   "yə",
      "yı",    "yi",   "yu",   "yü",    "da",    "de",     "də",     "ta",   "te",   "dan",
      "den",   "dən",  "tan",  "ten",   "ın",    "in",     "un",     "ün",   "nın",  "nin",
      "nun",   "nün",  "la",   "le",    "lə",    "yla",    "yle",    "ylə",  "na",   "ne",
      "nə",    "nı",   "ni",   "nu",    "nü",    "nda",    "nde",    "ndə",  "ndan", "nden",
      "ndən",  "daki", "deki", "ndaki", "ndeki", "taki",   "teki",   "lı",   "li",   "lu",
      "lü",    "dır",  "dir",  "dur",   "dür",   "tır",    "tir",    "tur",  "tür",  "ların",
      "lerin", "lara", "lere", "larda", "lerde", "lardan", "lerden", "dakı", "dəki"};
  return kEndings.contains(suffix);
}

// Sets the flags that describe the gap between two words (punctuation, line breaks).
// place_abbreviation: prev abbreviates the first word of a place's name ("St.").
void read_gap(std::string_view gap, Token* prev, Token& next, bool place_abbreviation = false) {
  bool sentence_end = false;
  bool quote_open = false;
  bool newline = false;
  bool only_dot = true;
  const auto* s = reinterpret_cast<const std::uint8_t*>(gap.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(gap.size());
  bool first = true;
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c == '\n') newline = true;
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026) sentence_end = true;
    if (c != '.' && !u_isspace(c)) only_dot = false;
    if (c == '"' || c == 0x201C || c == 0x00AB || c == 0x2018) quote_open = true;
    if (prev != nullptr && first) {
      if (c == '.') prev->dot_after = true;
      if (c == ',' || c == ';') prev->comma_after = true;
      if (c == ')') prev->paren_after = true;
    }
    if (c == '(' && i == n) next.paren_before = true;
    first = false;
  }
  if (!gap.empty() && gap.back() == '(') next.paren_before = true;
  if (prev != nullptr && only_dot && (prev->initial || place_abbreviation)) sentence_end = false;
  next.line_start = newline || prev == nullptr;
  if (prev != nullptr && newline) prev->line_end = true;
  next.sentence_start = prev == nullptr || sentence_end || quote_open || newline;
}

// A token's key and the flags read from the word itself; the gap flags come from read_gap.
Token make_token(std::string_view text, int32_t begin, int32_t end, bool possessive) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  Token token;
  token.begin = static_cast<std::uint32_t>(begin);
  token.end = static_cast<std::uint32_t>(end);
  token.possessive = possessive;
  const std::string_view word = text.substr(token.begin, token.end - token.begin);
  token.key = fold(word);
  token.script = script_of(token.key);
  const UChar32 first = code_point_at(text, token.begin);
  token.digit = u_isdigit(first);
  token.cap = u_isupper(first) || u_istitle(first);
  std::size_t letters = 0;
  std::size_t upper = 0;
  for (int32_t k = begin; k < end;) {
    UChar32 d = 0;
    U8_NEXT(s, k, end, d);
    if (u_isalpha(d)) ++letters;
    if (u_isupper(d)) ++upper;
  }
  token.all_caps = letters >= 2 && upper == letters;
  token.initial = letters == 1 && token.cap && token.end < text.size() && text[token.end] == '.';
  return token;
}

}  // namespace

Script script_of(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    const UChar32 c = code_point_at(word, i);
    i += static_cast<std::size_t>(U8_LENGTH(c > 0 ? c : 0xFFFD));
    if (!u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
      case USCRIPT_LATIN:
        return Script::latin;
      case USCRIPT_CYRILLIC:
        return Script::cyrillic;
      case USCRIPT_ARABIC:
        return Script::arabic;
      case USCRIPT_HAN:
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA:
      case USCRIPT_HANGUL:
        return Script::cjk;
      default:
        return Script::other;
    }
  }
  return Script::other;
}

std::vector<Token> tokenize(std::string_view text) {
  // One ICU iterator per thread: it is not safe to share, and building one costs more than
  // tokenizing a name (the gazetteer tokenizes some 50,000 of them).
  thread_local WordSegmenter segmenter;
  std::vector<Token> tokens;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  std::size_t gap_begin = 0;
  for (const WordSpan word : segmenter.unicode_words(text)) {
    // The segmenter keeps "U.S", "3.14" and "Chile's" whole; name heuristics want the initials
    // apart and the possessive marked, so its words are cut again at anything but letters,
    // digits, marks and inner apostrophes.
    const auto word_end = static_cast<int32_t>(word.offset + word.length);
    int32_t i = static_cast<int32_t>(word.offset);
    while (i < word_end) {
      const int32_t start = i;
      UChar32 c = 0;
      U8_NEXT(s, i, word_end, c);
      if (!is_word_char(c)) continue;
      int32_t end = i;
      bool possessive = false;
      while (end < word_end || (end < n && is_apostrophe(code_point_at(text, end)))) {
        int32_t j = end;
        UChar32 d = 0;
        U8_NEXT(s, j, n, d);
        if (is_word_char(d) && j <= word_end) {
          end = j;
          continue;
        }
        if (is_apostrophe(d)) {
          int32_t k = j;
          UChar32 e = 0;
          if (k < n) U8_NEXT(s, k, n, e);
          int32_t m = k;
          UChar32 f = 0;
          if (m < n) U8_NEXT(s, m, n, f);
          if ((e == 's' || e == 'S') && !is_word_char(f)) {
            possessive = true;
          } else if (!is_word_char(e)) {
            possessive = true;
          } else if (u_isupper(code_point_at(text, static_cast<std::size_t>(start))) &&
                     name_ending(text.substr(static_cast<std::size_t>(j),
                                             static_cast<std::size_t>(word_end - j)))) {
            // "Kars'a": the ending is left out as a lower-case word of its own.
          } else if (j < word_end) {
            end = j;
            continue;
          }
        }
        break;
      }
      tokens.push_back(make_token(text, start, end, possessive));
      Token& token = tokens.back();
      Token* prev = tokens.size() > 1 ? &tokens[tokens.size() - 2] : nullptr;
      const std::string_view gap = text.substr(gap_begin, token.begin - gap_begin);
      token.hyphen_before =
          prev != nullptr && gap.size() == 1 && is_hyphen(static_cast<unsigned char>(gap[0]));
      const Token* before = tokens.size() > 2 ? &tokens[tokens.size() - 3] : nullptr;
      read_gap(gap, prev, token,
               prev != nullptr && token.cap && abbreviates_a_place_word(*prev, before));
      gap_begin = static_cast<std::size_t>(end);
      i = end;
    }
  }
  if (!tokens.empty()) {
    Token end_marker;
    read_gap(text.substr(gap_begin), &tokens.back(), end_marker);
    tokens.back().line_end = true;
  }
  return tokens;
}

std::string latin_name(std::string_view folded) {
  if (std::all_of(folded.begin(), folded.end(), [](char c) { return (c & 0x80) == 0; }))
    return std::string(folded);
  // Transliterators are costly to build and not safe to share between threads: one per thread.
  thread_local const auto transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower; [:^Letter:] Remove", UTRANS_FORWARD,
        status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  if (!transliterator) return std::string(folded);
  auto text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(folded.data(), static_cast<std::int32_t>(folded.size())));
  transliterator->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out.empty() ? std::string(folded) : out;
}

std::string name_key(std::string_view folded) {
  std::string s = latin_name(folded);
  // Ordered rewrites: each folds one family of spellings onto one form.
  static const std::array<std::pair<std::string_view, std::string_view>, 14> kRules = {
      {{"yev", "ev"},
       {"iy", "i"},
       {"dh", "d"},
       {"kh", "k"},
       {"gh", "g"},
       {"th", "t"},
       {"ph", "f"},
       {"dj", "j"},
       {"ee", "i"},
       {"oo", "u"},
       {"ou", "u"},
       {"w", "v"},
       {"q", "k"},
       {"ck", "k"}}};
  for (const auto& [from, to] : kRules) {
    for (std::size_t pos = s.find(from); pos != std::string::npos;
         pos = s.find(from, pos + to.size())) {
      s.replace(pos, from.size(), to);
    }
  }
  s.erase(std::unique(s.begin(), s.end()), s.end());  // doubled letters
  if (s.size() > 2 && s.back() == 'y') s.back() = 'i';
  return s;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  std::iota(prev.begin(), prev.end(), 0);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    prev2.swap(prev);
    prev.swap(cur);
  }
  return prev[m];
}

bool same_name_token(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const std::size_t shorter = std::min(a.size(), b.size());
  if (shorter < 4) return false;
  const std::size_t limit = shorter >= 8 ? 2 : 1;
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return false;
  // The first letter rarely varies between transliterations; requiring it keeps Ilya/Elya apart.
  return a.front() == b.front() && edit_distance(a, b) <= limit;
}

std::vector<std::string> person_keys(std::string_view name) {
  std::vector<std::string> keys;
  for (const Token& t : tokenize(name)) {
    keys.push_back(t.key.size() == 1 ? t.key : name_key(t.key));
  }
  return keys;
}

bool person_names_compatible(const std::vector<std::string>& a, const std::vector<std::string>& b,
                             bool allow_bare_surname) {
  if (a.empty() || b.empty() || !same_name_token(a.back(), b.back())) return false;
  const auto& shorter = a.size() <= b.size() ? a : b;
  const auto& longer = a.size() <= b.size() ? b : a;
  if (shorter.size() == 1) return allow_bare_surname || longer.size() == 1;
  // Match the shorter name's given names, in order, against the longer name's given names.
  std::size_t j = 0;
  for (std::size_t i = 0; i + 1 < shorter.size(); ++i) {
    const std::string& g = shorter[i];
    bool found = false;
    for (; j + 1 < longer.size() && !found; ++j) {
      const std::string& h = longer[j];
      found = (g.size() == 1 || h.size() == 1) ? g.front() == h.front() : same_name_token(g, h);
    }
    if (!found) return false;
  }
  return true;
}

std::string org_key(std::string_view name) {
  std::string key;
  bool after_initial = false;  // initials run together: "F.B.I." is keyed as "FBI"
  for (const Token& t : tokenize(name)) {
    std::string word = t.key;
    if (word == "the" && key.empty()) continue;
    if (word == "organisation") word = "organization";
    if (word == "defence") word = "defense";
    if (word == "centre") word = "center";
    if (!key.empty() && !(t.initial && after_initial)) key += ' ';
    key += word;
    after_initial = t.initial;
  }
  static const std::array<std::pair<std::string_view, std::string_view>, 2> kSynonyms = {
      {{"ministry of foreign affairs", "foreign ministry"},
       {"ministry of defense", "defense ministry"}}};
  for (const auto& [from, to] : kSynonyms) {
    if (key.starts_with(from)) key = std::string(to) + key.substr(from.size());
  }
  return key;
}

}  // namespace newsdex::entity_text
