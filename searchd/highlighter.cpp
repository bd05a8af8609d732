#include "highlighter.hpp"

#include <algorithm>

#include "schema.hpp"
#include "stemmers.hpp"
#include "word_offsets.hpp"

namespace newsdex::searchd {
namespace {

bool contains(const std::vector<std::string>& sorted, const std::string& s) {
  return std::ranges::binary_search(sorted, s);
}

bool is_prefixed(std::string_view term) {
  return !term.empty() && term[0] >= 'A' && term[0] <= 'Z';
}

template <class Iterator>
MatchedTerms sort_terms(Iterator begin, Iterator end) {
  MatchedTerms terms;
  for (auto t = begin; t != end; ++t) {
    const std::string term = *t;
    if (!is_prefixed(term)) {
      terms.words.push_back(term);
    } else if (term.starts_with(schema::kPrefixStem)) {
      terms.stems.push_back(term.substr(schema::kPrefixStem.size()));
    } else if (term.starts_with(schema::kPrefixTitle) && !is_prefixed(term.substr(1))) {
      terms.title.push_back(term.substr(schema::kPrefixTitle.size()));
    }
  }
  for (auto* list : {&terms.words, &terms.stems, &terms.title}) {
    std::ranges::sort(*list);
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return terms;
}

}  // namespace

MatchedTerms query_terms(const Xapian::Query& query) {
  return sort_terms(query.get_unique_terms_begin(), query.get_unique_terms_end());
}

MatchedTerms matched_terms(const Xapian::Enquire& enquire, const Xapian::MSetIterator& hit) {
  return sort_terms(enquire.get_matching_terms_begin(hit), enquire.get_matching_terms_end(hit));
}

std::string body_snippet(const Xapian::Database& db, const Xapian::MSet& mset,
                         const Xapian::MSetIterator& hit, const Xapian::Document& doc,
                         std::string_view body, const std::vector<std::string>& langs,
                         const MatchedTerms& terms, std::size_t length, const HighlightTags& tags) {
  const std::string encoded = doc.get_value(schema::kSlotWordOffsets);
  if (encoded.empty() && !body.empty()) {
    const std::string_view stemmer =
        langs.empty() ? std::string_view() : stemmer_name(langs.front());
    return mset.snippet(std::string(body), length, Xapian::Stem(std::string(stemmer)),
                        Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                        tags.open, tags.close, tags.ellipsis);
  }
  const std::vector<std::uint32_t> offsets = decode_word_offsets(encoded);
  const Xapian::docid did = *hit;
  std::vector<MatchedWord> matches;
  const auto body_words = static_cast<Xapian::termpos>(offsets.size());
  auto add_positions = [&](Xapian::PositionIterator p, Xapian::PositionIterator end,
                           std::uint32_t id) {
    for (; p != end && *p <= body_words; ++p) matches.push_back({*p, id});
  };
  std::uint32_t id = 0;
  for (const std::string& word : terms.words) {
    add_positions(db.positionlist_begin(did, word), db.positionlist_end(did, word), id++);
  }
  if (!terms.stems.empty()) {
    // Stemmed terms carry no positions: find the document's words with those stems. Stems nearly
    // always share their word's first byte, which skips stemming most of the termlist.
    std::vector<Xapian::Stem> stemmers;
    for (const auto& lang : langs)
      if (auto name = stemmer_name(lang); !name.empty()) stemmers.emplace_back(std::string(name));
    std::string first_bytes;
    for (const auto& stem : terms.stems)
      if (!stem.empty() && first_bytes.find(stem[0]) == std::string::npos) first_bytes += stem[0];
    const std::uint32_t stem_base = id;
    for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
      const std::string word = *t;
      if (word.empty() || is_prefixed(word) || first_bytes.find(word[0]) == std::string::npos ||
          contains(terms.words, word))
        continue;
      auto found = std::ranges::lower_bound(terms.stems, word);
      bool match = found != terms.stems.end() && *found == word;
      for (auto& stemmer : stemmers) {
        if (match) break;
        const std::string stem = stemmer(word);
        found = std::ranges::lower_bound(terms.stems, stem);
        match = found != terms.stems.end() && *found == stem;
      }
      if (match)
        add_positions(t.positionlist_begin(), t.positionlist_end(),
                      stem_base + static_cast<std::uint32_t>(found - terms.stems.begin()));
    }
  }
  return snippet_from_offsets(body, offsets, matches, length, tags);
}

std::string highlight_title(Analyzer& analyzer, std::string_view title, std::string_view lang,
                            const MatchedTerms& terms, const HighlightTags& tags) {
  if (title.empty()) return {};
  std::vector<TextSpan> spans;
  for (const Token& token : analyzer.tokenize(title, lang)) {
    if (contains(terms.words, token.term) || contains(terms.title, token.term) ||
        contains(terms.stems, token.stem))
      spans.push_back({token.offset, token.length});
  }
  return highlight_spans(title, spans, tags);
}

}  // namespace newsdex::searchd
