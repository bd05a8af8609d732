// Word segmentation with ICU's BreakIterator over UTF-8 (dictionary segmentation for Chinese,
// Japanese, Thai; Arabic, Urdu, Cyrillic, Armenian... by Unicode rules). Only words are returned:
// letters, numbers, ideographs and kana, never spaces or punctuation. Words are also cut at
// apostrophes ("l'homme" -> l, homme; "Ankara'da" -> Ankara, da) and an English possessive "'s"
// is dropped ("Pakistan's" -> Pakistan), so the bare word matches.
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

  // Not thread-safe: one WordSegmenter per thread.
  std::vector<WordSpan> words(std::string_view utf8);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
