#include "analyzer.hpp"

#include <unicode/uloc.h>
#include <xapian.h>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <vector>

#include "language.hpp"
#include "normalize.hpp"
#include "segmenter.hpp"
#include "stemmers.hpp"

namespace newsdex {
namespace {

// Longer "words" are junk (base64, hashes, URLs run together), not something anyone searches for.
// Counted in characters, since a real Tamil word can take 80 bytes; the byte bound keeps prefixed
// terms under Xapian's 245-byte limit.
constexpr std::size_t kMaxWordChars = 64;
constexpr std::size_t kMaxWordBytes = 200;

std::size_t count_chars(std::string_view utf8) {
  return static_cast<std::size_t>(std::ranges::count_if(
      utf8, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Whether a language is written in Latin script, from ICU's likely-subtags data ("az" -> Latn).
bool writes_latin(const std::string& lang) {
  if (lang.empty()) return false;
  char full[ULOC_FULLNAME_CAPACITY];
  char script[ULOC_SCRIPT_CAPACITY];
  UErrorCode status = U_ZERO_ERROR;
  uloc_addLikelySubtags(lang.c_str(), full, sizeof full, &status);
  uloc_getScript(full, script, sizeof script, &status);
  return U_SUCCESS(status) && std::string_view(script) == "Latn";
}

}  // namespace

struct Analyzer::Impl {
  struct Language {
    std::optional<Xapian::Stem> stemmer;
    bool latin = false;  // words in it fold Cyrillic/Greek look-alikes to Latin letters
    // Snowball stemming was a quarter of the analysis time, and news vocabulary repeats a lot:
    // a direct-mapped table of recent stems (fixed size, no rehashing) saves most of it.
    struct Remembered {
      std::string term, stem;
    };
    static constexpr std::size_t kRememberedSlots = 1 << 14;
    std::vector<Remembered> remembered;

    std::string stem(const std::string& term) {
      if (!stemmer) return term;
      if (remembered.empty()) remembered.resize(kRememberedSlots);
      auto& slot = remembered[std::hash<std::string>{}(term) & (kRememberedSlots - 1)];
      if (slot.term != term || slot.stem.empty()) slot = {term, (*stemmer)(term)};
      return slot.stem;
    }
  };

  WordSegmenter segmenter;
  Normalizer normalizer;
  std::unordered_map<std::string, Language> languages;

  Language& language(const std::string& lang) {
    auto [it, added] = languages.try_emplace(lang);
    if (added) {
      if (auto name = stemmer_name(lang); !name.empty())
        it->second.stemmer.emplace(std::string(name));
      it->second.latin = writes_latin(lang);
    }
    return it->second;
  }

  void add_token(std::string_view text, WordSpan word, Language& lang, std::vector<Token>& out) {
    if (word.length > kMaxWordBytes) return;
    std::string term = normalizer.fold(text.substr(word.offset, word.length), lang.latin);
    if (term.empty() || term.size() > kMaxWordBytes || count_chars(term) > kMaxWordChars) return;
    std::string stem = lang.stem(term);
    out.push_back({std::move(term), std::move(stem), static_cast<std::uint32_t>(word.offset),
                   static_cast<std::uint32_t>(word.length)});
  }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}

Analyzer::~Analyzer() = default;

Analysis Analyzer::analyze(std::string_view utf8, std::string_view lang_hint) {
  Analysis result;
  LanguageInfo info = detect_languages(utf8, lang_hint);
  // CLD2 cannot tell on tiny spans: those follow the document, and a document it cannot tell
  // follows the hint.
  result.lang = !info.lang.empty()
                    ? info.lang
                    : std::string(lang_hint.substr(0, lang_hint.find_first_of("-_")));
  for (auto& span : info.spans)
    if (span.lang.empty()) span.lang = result.lang;
  if (!result.lang.empty()) result.langs.push_back(result.lang);
  for (const auto& span : info.spans)
    if (!span.lang.empty() && std::ranges::find(result.langs, span.lang) == result.langs.end())
      result.langs.push_back(span.lang);

  const auto words = impl_->segmenter.words(utf8);
  result.tokens.reserve(words.size());
  auto span = info.spans.begin();
  Impl::Language* language = &impl_->language(span != info.spans.end() ? span->lang : result.lang);
  for (const auto& word : words) {
    if (span != info.spans.end() && word.offset >= span->offset + span->length) {
      while (span != info.spans.end() && word.offset >= span->offset + span->length) ++span;
      language = &impl_->language(span != info.spans.end() ? span->lang : result.lang);
    }
    impl_->add_token(utf8, word, *language, result.tokens);
  }
  return result;
}

std::vector<Token> Analyzer::tokenize(std::string_view utf8, std::string_view lang) {
  std::vector<Token> tokens;
  auto& language = impl_->language(std::string(lang));
  const auto words = impl_->segmenter.words(utf8);
  tokens.reserve(words.size());
  for (const auto& word : words) impl_->add_token(utf8, word, language, tokens);
  return tokens;
}

}  // namespace newsdex
