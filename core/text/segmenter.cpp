#include "segmenter.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <stdexcept>

namespace newsdex {
namespace {

// Characters used as apostrophes inside words. ICU keeps the first three inside a word
// (MidNumLet) and treats U+02BC as a letter.
constexpr std::string_view kApostrophes[] = {"'", "\u2019", "\u2018", "\u02BC"};
// Apostrophe stand-ins ICU breaks at: "Azerbaijan`s" arrives as "Azerbaijan", "s".
constexpr std::string_view kLooseApostrophes[] = {"`", "\u00B4"};

bool is_s(std::string_view word) {
  return word == "s" || word == "S";
}

// The "s" of "Azerbaijan`s": a lone s glued by a loose apostrophe to the word before it.
bool loose_possessive(std::string_view text, WordSpan word, const std::vector<WordSpan>& before) {
  if (!is_s(text.substr(word.offset, word.length)) || before.empty()) return false;
  const std::size_t previous_end = before.back().offset + before.back().length;
  return std::ranges::any_of(kLooseApostrophes, [&](std::string_view a) {
    return previous_end + a.size() == word.offset && text.substr(previous_end, a.size()) == a;
  });
}

// ICU keeps apostrophes inside words (MidNumLet). Cutting there lets `homme` find "l'homme",
// `Ankara` find Turkish "Ankara'da" and `Pakistan` find "Pakistan's"; a trailing possessive "s"
// is no word of its own and is dropped.
void push_parts(std::string_view text, WordSpan word, std::vector<WordSpan>& out) {
  std::size_t start = word.offset;
  const std::size_t end = word.offset + word.length;
  for (std::size_t i = start; i < end;) {
    std::size_t apostrophe = 0;
    for (auto a : kApostrophes)
      if (text.substr(i, a.size()) == a) apostrophe = a.size();
    if (apostrophe == 0) {
      ++i;
      continue;
    }
    if (i > start) out.push_back({start, i - start});
    i += apostrophe;
    start = i;
  }
  const bool possessive =
      end - start == 1 && (text[start] == 's' || text[start] == 'S') && start != word.offset;
  if (end > start && !possessive) out.push_back({start, end - start});
}

}  // namespace

struct WordSegmenter::Impl {
  std::unique_ptr<icu::BreakIterator> iterator;
  UText* text = nullptr;

  ~Impl() { utext_close(text); }
  // Appends the words of utf8; split_apostrophes: cut and drop possessives as words() does.
  void segment(std::string_view utf8, std::vector<WordSpan>& out, bool split_apostrophes);
};

WordSegmenter::WordSegmenter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  // The root rules already segment every script (dictionaries for CJK, Thai, Khmer...).
  impl_->iterator.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status))
    throw std::runtime_error("ICU word break iterator: " + std::string(u_errorName(status)));
}

WordSegmenter::~WordSegmenter() = default;

void WordSegmenter::Impl::segment(std::string_view utf8, std::vector<WordSpan>& out,
                                  bool split_apostrophes) {
  if (utf8.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  // Reusing the UText avoids an allocation per call; UTF-8 indexes are byte offsets.
  text = utext_openUTF8(text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  iterator->setText(text, status);
  if (U_FAILURE(status))
    throw std::runtime_error("ICU word break iterator: " + std::string(u_errorName(status)));
  out.reserve(utf8.size() / 6);
  auto& it = *iterator;
  for (int32_t begin = it.first(), end = it.next(); end != icu::BreakIterator::DONE;
       begin = end, end = it.next()) {
    if (it.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation, symbols
    const WordSpan word{static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin)};
    if (!split_apostrophes) {
      out.push_back(word);
    } else if (loose_possessive(utf8, word, out)) {
      continue;
    } else if (utf8.substr(word.offset, word.length).find_first_of("'\xE2\xCA") ==
               std::string_view::npos) {
      out.push_back(word);
    } else {
      push_parts(utf8, word, out);
    }
  }
}

std::vector<WordSpan> WordSegmenter::words(std::string_view utf8) {
  std::vector<WordSpan> out;
  impl_->segment(utf8, out, true);
  return out;
}

std::vector<WordSpan> WordSegmenter::unicode_words(std::string_view utf8) {
  std::vector<WordSpan> out;
  impl_->segment(utf8, out, false);
  return out;
}

}  // namespace newsdex
