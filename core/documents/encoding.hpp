// Bytes to UTF-8 text: valid UTF-8 passes through (minus a BOM); anything else is detected with
// ICU's charset detector and converted. Binary content and empty input are refused.
#pragma once

#include <string>
#include <string_view>

#include "result.hpp"

namespace newsdex {

// Errc::unsupported for binary content (NUL bytes, mostly control characters), parse_error for
// empty / whitespace-only input, bad_encoding when no charset can be detected with confidence.
Result<std::string> decode_text(std::string_view bytes);

// True when bytes are well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

// The code points of UTF-8 text, U+FFFD for each broken sequence.
std::u32string code_points(std::string_view utf8);

}  // namespace newsdex
