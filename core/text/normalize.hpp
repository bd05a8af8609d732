// Folding for matching, applied identically to documents and queries: NFKC + case folding, accents
// removed from Latin, Greek and Cyrillic letters (a query `facade` finds `façade`), and look-alike
// Cyrillic/Greek letters inside a Latin word replaced by the Latin letters they imitate
// ("Аzerbaijan" with a Cyrillic А folds to "azerbaijan"). The one folding of newsdex: the analyzer,
// the query side and entity keys (entity_text, entity terms) all fold through it.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace newsdex {

class Normalizer {
 public:
  Normalizer();
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Folds one word (as cut by WordSegmenter). latin_context: the word stands in Latin-script text,
  // so a word made only of look-alikes (a lone Cyrillic "А" opening an English sentence) folds to
  // Latin too. Not thread-safe: one Normalizer per thread.
  std::string fold(std::string_view word, bool latin_context = false) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Normalizer::fold for code that owns no Normalizer (entity keys, gazetteer phrases, names in
// queries): thread-safe, each thread folding with its own Normalizer. Also folds phrases ("Tamir
// Volyev" -> "tamir volyev"), look-alikes judged over the phrase's letters.
std::string fold(std::string_view text, bool latin_context = false);

}  // namespace newsdex
