// Word segmentation with ICU's BreakIterator over UTF-8 (dictionary segmentation for Chinese,
// Japanese, Thai; Arabic, Urdu, Cyrillic, Armenian... by Unicode rules): the one segmentation of
// newsdex, used for indexing, for queries and, through entity_text, for entity extraction. Only
// words are returned: letters, numbers, ideographs and kana, never spaces or punctuation.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace newsdex {

struct WordSpan {
  std::size_t offset = 0;  // byte offset in the UTF-8 input
  std::size_t length = 0;  // in bytes
};

class WordSegmenter {
 public:
  WordSegmenter();
  ~WordSegmenter();
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;

  // The words to index and search: Unicode words, also cut at apostrophes ("l'homme" -> l,
  // homme; "Ankara'da" -> Ankara, da) with an English possessive "'s" dropped ("Pakistan's" ->
  // Pakistan), so the bare word matches. Not thread-safe: one WordSegmenter per thread.
  std::vector<WordSpan> words(std::string_view utf8);

  // The words as the Unicode rules cut them, apostrophes and inner dots kept ("Pakistan's",
  // "O'Brien", "U.S"): for readers that look at the word's shape (entity_text). Not thread-safe.
  std::vector<WordSpan> unicode_words(std::string_view utf8);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
