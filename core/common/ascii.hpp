// ASCII case mapping for keywords, file extensions, language codes and HTTP tokens: text that is
// ASCII by definition, where Unicode folding (core/text/normalize.hpp) would be wasted work and the
// C library's locale-dependent tolower a hazard.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

// A copy with A-Z lowered; every other byte, UTF-8 included, is left as it is.
inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace newsdex
