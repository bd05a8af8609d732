#include "highlighter.hpp"

#include <algorithm>

#include "schema.hpp"
#include "stemmers.hpp"
#include "word_offsets.hpp"

namespace newsdex::searchd {
namespace {

// Titles longer than this many characters are shortened to a passage of this length.
constexpr std::size_t kMaxTitleChars = 200;

std::size_t code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::ranges::count_if(
      utf8, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

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

// The index's words (not the query's own) whose stem in one of the languages is one of the stems,
// each with the match id of its stem: that of a query word with the stem ("floods" counts as the
// query's "flood", not as another term), else first_id + its index. A stem is nearly always a
// prefix of its words, or is but for its last letter ("citi": "city"), so the term dictionary is
// read from there; a few hundred terms at most per stem.
std::vector<std::pair<std::string, std::uint32_t>> words_with_stems(
    const Xapian::Database& db, const MatchedTerms& terms, const std::vector<std::string>& langs,
    std::uint32_t first_id) {
  constexpr int kMaxTermsPerStem = 512;
  std::vector<Xapian::Stem> stemmers;
  for (const auto& lang : langs)
    if (auto name = stemmer_name(lang); !name.empty()) stemmers.emplace_back(std::string(name));
  std::vector<std::pair<std::string, std::uint32_t>> found;
  for (std::uint32_t i = 0; i < terms.stems.size(); ++i) {
    const std::string& stem = terms.stems[i];
    if (stem.empty()) continue;
    const auto stem_of = [&](const std::string& word) {
      return word == stem ||
             std::ranges::any_of(stemmers, [&](Xapian::Stem& s) { return s(word) == stem; });
    };
    const auto query_word = std::ranges::find_if(terms.words, stem_of);
    const std::uint32_t id = query_word != terms.words.end()
                                 ? static_cast<std::uint32_t>(query_word - terms.words.begin())
                                 : first_id + i;
    const std::string prefix = stem.size() > 3 ? stem.substr(0, stem.size() - 1) : stem;
    int seen = 0;
    for (auto t = db.allterms_begin(prefix);
         t != db.allterms_end(prefix) && seen < kMaxTermsPerStem; ++t, ++seen) {
      const std::string word = *t;
      if (is_prefixed(word) || contains(terms.words, word)) continue;
      if (stem_of(word)) found.emplace_back(word, id);
    }
  }
  return found;
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
    // Stemmed terms carry no positions: the words with those stems carry them.
    std::string key;
    for (const auto& lang : langs) key += lang + ",";
    auto cached = terms.stem_words.find(key);
    if (cached == terms.stem_words.end())
      cached = terms.stem_words.emplace(key, words_with_stems(db, terms, langs, id)).first;
    for (const auto& [word, word_id] : cached->second)
      add_positions(db.positionlist_begin(did, word), db.positionlist_end(did, word), word_id);
  }
  return snippet_from_offsets(body, offsets, matches, length, tags);
}

std::string highlight_title(Analyzer& analyzer, std::string_view title, std::string_view lang,
                            const MatchedTerms& terms, const HighlightTags& tags) {
  if (title.empty()) return {};
  const std::vector<Token> tokens = analyzer.tokenize(title, lang);
  const auto matches = [&](const Token& token) {
    return contains(terms.words, token.term) || contains(terms.title, token.term) ||
           contains(terms.stems, token.stem);
  };
  if (code_points(title) <= kMaxTitleChars) {
    std::vector<TextSpan> spans;
    for (const Token& token : tokens)
      if (matches(token)) spans.push_back({token.offset, token.length});
    return highlight_spans(title, spans, tags);
  }
  // A very long title (a whole first paragraph taken for one) is cut around its matches like a
  // body; matched words of equal terms share an id so that more distinct ones win.
  std::vector<std::uint32_t> offsets;
  std::vector<MatchedWord> matched;
  std::vector<std::string_view> ids;
  for (const Token& token : tokens) {
    offsets.push_back(token.offset);
    if (!matches(token)) continue;
    auto id = std::ranges::find(ids, token.stem);
    if (id == ids.end()) id = ids.insert(ids.end(), token.stem);
    matched.push_back(
        {static_cast<std::uint32_t>(offsets.size()), static_cast<std::uint32_t>(id - ids.begin())});
  }
  return snippet_from_offsets(title, offsets, matched, kMaxTitleChars, tags);
}

}  // namespace newsdex::searchd
