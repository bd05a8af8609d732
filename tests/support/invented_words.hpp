// Invented words from syllables, seeded: long, varied text that owes nothing to real text, for
// tests that need bodies of a known size (signatures, version groups, diffs).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsdex::testing {

std::vector<std::string> invented_words(unsigned seed, std::size_t length);

}  // namespace newsdex::testing
