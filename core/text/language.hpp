// Language detection with CLD2, for a whole document and per span of mixed-language text.
// Languages are ISO 639-1 codes ("en", "ru", "az", "ur", "zh", "ja"); "" when unknown.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct LanguageSpan {
  std::size_t offset = 0;  // byte range in the input
  std::size_t length = 0;
  std::string lang;        // "" when CLD2 could not tell
};

struct LanguageInfo {
  std::string lang;                 // the document's main language, "" when unknown
  bool reliable = false;            // CLD2's own verdict
  std::vector<LanguageSpan> spans;  // cover the input in order, adjacent same-language spans merged
};

// Thread-safe. hint: a language the document claims (html lang=), used as a CLD2 hint only.
LanguageInfo detect_languages(std::string_view utf8, std::string_view hint = {});

}  // namespace newsdex
