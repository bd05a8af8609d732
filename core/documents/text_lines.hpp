// Small UTF-8 line helpers the document parsers share (internal to newsdex_documents):
// Unicode-aware trimming, splitting into lines, and tidying extracted text into blank-line
// separated paragraphs.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ascii.hpp"

namespace newsdex::text {

// Strips Unicode white space (including NBSP and a stray BOM) from both ends.
std::string_view trim(std::string_view text);

// The pieces between separators, as std::views::split gives them: none for empty text, an empty
// piece between adjacent separators and after a trailing one. (views::split itself does not
// compile with clang 14 over libstdc++ 12, which the fuzz and sanitizer builds use.)
std::vector<std::string_view> split(std::string_view text, char separator);

// Splits on '\n', dropping a trailing '\r' from each line.
std::vector<std::string_view> split_lines(std::string_view text);

// Trims each line, collapses runs of spaces inside lines and runs of blank lines into one blank
// line, and trims the whole: the Article body form.
std::string tidy_paragraphs(std::string_view text);

// The parsers compare against keyword tables with the one ASCII lowering (core/common/ascii.hpp).
using newsdex::ascii_lower;

// Whether `holds` is true of every code point of the UTF-8 text (an ill-formed sequence is passed
// as -1): the one loop behind the parsers' character-class tests.
bool all_code_points(std::string_view text, const std::function<bool(std::int32_t)>& holds);

// The first code point of a UTF-8 string, or -1 when empty or ill-formed.
int first_code_point(std::string_view text);

}  // namespace newsdex::text
