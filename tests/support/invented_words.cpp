#include "invented_words.hpp"

#include <random>

namespace newsdex::testing {

std::vector<std::string> invented_words(unsigned seed, std::size_t length) {
  static const char* syllables[] = {"ka",  "lo",  "mer", "vin", "ta",  "sol", "dre", "bu",
                                    "nim", "ost", "ra",  "ve",  "hal", "ju",  "pe",  "cor"};
  std::mt19937 rng(seed);
  std::vector<std::string> words;
  for (std::size_t i = 0; i < length; ++i) {
    std::string word;
    const int n = 1 + static_cast<int>(rng() % 3);
    for (int s = 0; s < n; ++s) word += syllables[rng() % 16];
    words.push_back(word);
  }
  return words;
}

}  // namespace newsdex::testing
