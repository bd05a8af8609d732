// Which languages Xapian 1.4 can stem: its 24 Snowball stemmers, keyed by ISO 639-1 code.
#pragma once

#include <span>
#include <string_view>

namespace newsdex {

// Xapian's stemmer name for an ISO 639-1 code ("ru" -> "russian"), or "" when it has none.
std::string_view stemmer_name(std::string_view lang);

// The ISO 639-1 codes of every language with a stemmer (24 of them).
std::span<const std::string_view> stemmed_languages();

}  // namespace newsdex
