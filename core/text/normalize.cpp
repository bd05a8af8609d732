#include "normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace newsdex {
namespace {

constexpr UChar32 kFirstLookalike = 0x0370;  // Greek and Coptic .. Cyrillic Supplement
constexpr UChar32 kLastLookalike = 0x052F;
using LookalikeTable = std::array<char, kLastLookalike - kFirstLookalike + 1>;

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + ": " + u_errorName(status));
}

// For each (case-folded) Greek or Cyrillic letter, the ASCII letter it imitates, or 0. Taken from
// ICU's confusables data: two letters look alike when their spoof skeletons are equal.
const LookalikeTable& lookalikes() {
  static const LookalikeTable table = [] {
    LookalikeTable t{};
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* checker = uspoof_open(&status);
    check(status, "uspoof_open");
    auto skeleton = [&](UChar32 c) {
      icu::UnicodeString out;
      UErrorCode s = U_ZERO_ERROR;
      uspoof_getSkeletonUnicodeString(checker, 0, icu::UnicodeString(c), out, &s);
      return U_SUCCESS(s) ? out : icu::UnicodeString();
    };
    std::array<icu::UnicodeString, 26> latin;
    for (char c = 'a'; c <= 'z'; ++c) latin[c - 'a'] = skeleton(c);
    for (UChar32 c = kFirstLookalike; c <= kLastLookalike; ++c) {
      if (!u_islower(c)) continue;
      auto match = std::ranges::find(latin, skeleton(c));
      if (match != latin.end())
        t[c - kFirstLookalike] = static_cast<char>('a' + (match - latin.begin()));
    }
    uspoof_close(checker);
    return t;
  }();
  return table;
}

char lookalike(UChar32 c) {
  return c >= kFirstLookalike && c <= kLastLookalike ? lookalikes()[c - kFirstLookalike] : 0;
}

bool is_ascii(std::string_view s) {
  return std::ranges::all_of(s, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool accents_are_optional(UScriptCode script) {
  return script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC;
}

// "U.S.A" (as cut by the segmenter, final dot dropped) -> "usa", so `US` finds "U.S.".
void join_initials(std::string& word) {
  if (word.find('.') == std::string::npos) return;
  std::size_t run = 0;
  for (char c : word) {
    if (c == '.') {
      if (run != 1) return;
      run = 0;
    } else if (c >= '0' && c <= '9') {
      return;  // "3.5" is a number
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++run;  // counts characters, not UTF-8 continuation bytes
    }
  }
  if (run != 1) return;
  std::erase(word, '.');
}

}  // namespace

struct Normalizer::Impl {
  const icu::Normalizer2* nfkc_casefold = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  const icu::Normalizer2* nfc = nullptr;
  std::unique_ptr<icu::Transliterator> latin_ascii;  // letters with no decomposition: ø ł đ æ

  // Replaces Greek/Cyrillic look-alikes with Latin letters when the word is Latin: it has more
  // Latin letters than others, or only look-alikes and stands in Latin-script text.
  void fold_lookalikes(icu::UnicodeString& s, bool latin_context) const;
  // Drops the combining marks of Latin, Greek and Cyrillic letters (é -> e, ё -> е), keeping
  // Cyrillic breves (й is its own letter) and the marks of every other script.
  void strip_accents(icu::UnicodeString& s) const;
};

void Normalizer::Impl::fold_lookalikes(icu::UnicodeString& s, bool latin_context) const {
  int latin = 0, lookalike_letters = 0, other = 0;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    const UChar32 c = s.char32At(i);
    if (!u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_LATIN)
      ++latin;
    else if (lookalike(c) != 0)
      ++lookalike_letters;
    else
      ++other;
  }
  if (lookalike_letters == 0) return;
  const bool latin_word =
      latin > 0 ? latin > lookalike_letters + other : latin_context && other == 0;
  if (!latin_word) return;
  for (int32_t i = 0; i < s.length(); ++i)
    if (char l = lookalike(s.charAt(i)); l != 0) s.setCharAt(i, static_cast<char16_t>(l));
}

void Normalizer::Impl::strip_accents(icu::UnicodeString& s) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfd->normalize(s, status);
  check(status, "NFD");
  icu::UnicodeString kept;
  UScriptCode base = USCRIPT_COMMON;
  bool dropped = false;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) {
      UErrorCode e = U_ZERO_ERROR;
      base = uscript_getScript(c, &e);
    } else if (accents_are_optional(base) && !(base == USCRIPT_CYRILLIC && c == 0x0306)) {
      dropped = true;
      continue;
    }
    kept.append(c);
  }
  if (!dropped) return;
  s = nfc->normalize(kept, status);
  check(status, "NFC");
}

Normalizer::Normalizer() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  impl_->nfd = icu::Normalizer2::getNFDInstance(status);
  impl_->nfc = icu::Normalizer2::getNFCInstance(status);
  check(status, "ICU normalizers");
  impl_->latin_ascii.reset(
      icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
  check(status, "ICU Latin-ASCII transliterator");
  lookalikes();  // build the shared table now rather than inside the first fold
}

Normalizer::~Normalizer() = default;

std::string Normalizer::fold(std::string_view word, bool latin_context) const {
  std::string out;
  if (is_ascii(word)) {
    out.resize(word.size());
    std::ranges::transform(word, out.begin(),
                           [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
    join_initials(out);
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString s =
      impl_->nfkc_casefold->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                          word.data(), static_cast<int32_t>(word.size()))),
                                      status);
  check(status, "NFKC_Casefold");
  impl_->fold_lookalikes(s, latin_context);
  impl_->strip_accents(s);
  bool latin_left = false;  // a Latin letter that has no ASCII decomposition
  for (int32_t i = 0; i < s.length() && !latin_left; i = s.moveIndex32(i, 1)) {
    const UChar32 c = s.char32At(i);
    UErrorCode e = U_ZERO_ERROR;
    latin_left = c >= 0x80 && u_isalpha(c) && uscript_getScript(c, &e) == USCRIPT_LATIN;
  }
  if (latin_left) impl_->latin_ascii->transliterate(s);
  s.toUTF8String(out);
  join_initials(out);
  return out;
}

std::string fold(std::string_view text, bool latin_context) {
  // ICU's transliterator is not safe to share, and building one costs far more than one fold.
  thread_local const Normalizer normalizer;
  return normalizer.fold(text, latin_context);
}

}  // namespace newsdex
