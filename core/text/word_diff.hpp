// A word-level diff of two texts (Myers' O(ND) algorithm over whitespace-separated words), for
// showing what changed between two versions of a story. Words keep their punctuation, so "said,"
// and "said" differ, as a reader would see them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct DiffPart {
  enum class Op { equal, insert, remove };
  Op op = Op::equal;
  std::string text;  // the part's words joined by single spaces
  friend bool operator==(const DiffPart&, const DiffPart&) = default;
};

struct WordDiff {
  std::vector<DiffPart> parts;  // in text order; neighbours never share an op
  // false when the texts differ by more than max_edits words: the middle that differs is then
  // shown as one removal and one insertion, between the common head and tail.
  bool complete = true;
};

// The words of text: its runs of non-whitespace.
std::vector<std::string_view> split_words(std::string_view text);

// How to turn older into newer with the fewest inserted and removed words. Time O((N+M)·D) and
// memory O(D²) for D edits, bounded by max_edits.
WordDiff diff_words(std::string_view older, std::string_view newer, std::size_t max_edits);

// "=", "+" or "-".
std::string_view op_symbol(DiffPart::Op op);

}  // namespace newsdex
