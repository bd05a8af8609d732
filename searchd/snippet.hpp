// Snippets and highlighting: the best passage of a stored body, preferably in running prose, cut at
// sentence or word boundaries straight from the text using the word offsets the index stores
// (kSlotWordOffsets) and the positions of the matched terms, HTML-escaped, with only the highlight
// tags added and an ellipsis where cut inside a sentence.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace newsdex {

struct HighlightTags {
  std::string open = "<mark>";
  std::string close = "</mark>";
  std::string ellipsis = "\xE2\x80\xA6";  // …
};

// One occurrence of a matched query term: its word position (1-based, as in the index) and which
// term it was (any number that is equal for equal terms), so passages with more distinct terms win.
struct MatchedWord {
  std::uint32_t position = 0;
  std::uint32_t term = 0;
};

// A byte range of a text to highlight.
struct TextSpan {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

// Escapes & < > " ' for HTML text and attribute content.
std::string html_escape(std::string_view text);

// The byte length of the word starting at offset (letters, digits, marks and inner apostrophes or
// dots), never past limit.
std::size_t word_length(std::string_view text, std::size_t offset, std::size_t limit);

// The passage of about `length` characters of body holding the most distinct matched terms (then
// the most matches) among matches in prose (prose.hpp; all matches when none is), from the start
// of its first match's sentence when that fits, else from a word boundary a little before it, to a
// sentence end near the limit, else a word boundary; or, when two passages of half the length hold
// more distinct terms than any one, both joined by the ellipsis. word_offsets[i] is the byte offset
// of the word at position i + 1; matches whose position falls outside the body are ignored.
// Without matches it is the beginning of the body.
std::string snippet_from_offsets(std::string_view body, std::span<const std::uint32_t> word_offsets,
                                 std::span<const MatchedWord> matches, std::size_t length,
                                 const HighlightTags& tags);

// The whole text, HTML-escaped, with the (sorted, non-overlapping) spans wrapped in the tags.
std::string highlight_spans(std::string_view text, std::span<const TextSpan> spans,
                            const HighlightTags& tags);

}  // namespace newsdex
