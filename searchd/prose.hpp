// Sentences and prose in stored text, by cheap rules a reader can check: where the sentence around
// a byte offset begins and ends (. ! ? … 。！？, but not after initials, a few abbreviations or
// list numbers, nor before a lower-case word or digit; and line breaks, but not those that wrap
// running text), and whether it is running prose rather than a reference or footnote line, a
// table of figures, a URL or navigation leftovers. Snippets prefer passages in prose. Only the
// text near the offsets asked about is read.
#pragma once

#include <cstddef>
#include <string_view>

namespace newsdex {

// A sentence's byte range, from its first non-space byte to just past its closing punctuation
// (with closing quotes, brackets and a "[12]" note mark) or to its line break.
struct Sentence {
  std::size_t start = 0;
  std::size_t end = 0;
  bool ended = false;  // closed by sentence punctuation, not by a line break or the scan limit
  bool whole = true;   // its start was found within the scan limit
  bool prose = false;  // see is_prose
};

// The sentence holding the byte at offset, looked for at most max_scan bytes either side.
Sentence sentence_around(std::string_view text, std::size_t offset, std::size_t max_scan = 1000);

// Just past the first sentence end or at the first line break after `from`, not past `limit`; npos
// when there is none.
std::size_t next_sentence_end(std::string_view text, std::size_t from, std::size_t limit);

// Running prose: closed by sentence punctuation; at least six words of letters, or three in a
// sentence that shares its line with others (two letters of a script written without spaces, such
// as Chinese, count as one word); no more numbers than words
// (not a table of figures); no URL; not a list of items split by | or •; and neither the sentence
// nor its line, when that starts shortly before, opens with a note or list marker ("[12]", "12.",
// "(12)", "^", "↑", "*"). line_start: where the sentence's line begins.
bool is_prose(std::string_view text, const Sentence& sentence, std::size_t line_start);

// Whether the sentence holding offset is prose (SentenceScanner answers many such questions
// faster).
bool prose_at(std::string_view text, std::size_t offset);

// Classifies the sentences around the non-decreasing offsets of one text, reading each sentence
// once, so that every match of a long body can be asked about cheaply.
class SentenceScanner {
 public:
  explicit SentenceScanner(std::string_view text) : text_(text) {}

  // The sentence holding offset, with `prose` set.
  const Sentence& at(std::size_t offset);

 private:
  std::string_view text_;
  Sentence current_;
  bool has_current_ = false;
  std::size_t line_start_ = 0;  // the start of the line holding everything read up to scanned_to_
  std::size_t scanned_to_ = 0;
};

}  // namespace newsdex
