// Text analysis: segmentation, folding, language detection and stemming, as one pipeline used for
// documents at index time and for queries at search time, so both produce the same terms.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct Token {
  std::string term;          // the folded word (the positional, unstemmed term)
  std::string stem;          // term stemmed for its span's language; == term without a stemmer
  std::uint32_t offset = 0;  // byte range of the original word in the input
  std::uint32_t length = 0;
};

struct Analysis {
  std::string lang;                // main language (ISO 639-1), "" when unknown
  std::vector<std::string> langs;  // every language of a span, main language first
  std::vector<Token> tokens;       // in text order; token i has position i + 1. Numbers are
                                   // kept; "words" over 64 characters (base64 junk) are dropped.
};

// Owns ICU iterators and Xapian stemmers, so it is not thread-safe: one Analyzer per thread.
class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Detects languages (per span) and stems each span with its own language's stemmer.
  Analysis analyze(std::string_view utf8, std::string_view lang_hint = {});

  // Segments and folds with one given language's stemmer ("" = unstemmed): for titles (which
  // follow their body's language) and for queries narrowed to one language.
  std::vector<Token> tokenize(std::string_view utf8, std::string_view lang);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
