// Query building: the user's query text goes through the same folding and segmentation as documents
// (normalize_query), then Xapian's QueryParser once per stemmed language present in the index, each
// part filtered to that language's documents, plus an unstemmed part for the other languages, so
// `recognised` finds `recognise`, `армии` finds `армия` and `ordusu` finds `ordu` without the user
// naming a language. Operators, phrases, wildcards, field prefixes and date ranges are kept.
#pragma once

#include <xapian.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer.hpp"

namespace newsdex {

// Rewrites raw query text with every word folded and segmented as Analyzer::tokenize does for
// documents, keeping AND/OR/NOT/XOR/NEAR, leading -/+, "phrases", (groups), word* and the field
// prefixes title: author: person: org: place: lang: type: ext: folder: date:. Words that segment
// into several tokens become a phrase.
std::string normalize_query(std::string_view raw, Analyzer& analyzer);

// The term (or OR of terms) that an entity facet value filters on: prefix + value as given, and as
// folded to lower case, since the canonical name is stored as found.
std::string entity_filter_term(std::string_view prefix, std::string_view value);
Xapian::Query entity_filter(std::string_view prefix, std::string_view value);

// The ISO 639-1 codes the index holds documents in (its L terms).
std::vector<std::string> index_languages(const Xapian::Database& db);

// What one query may cost.
struct QueryLimits {
  unsigned max_terms = 64;                // words, phrase words and field terms
  unsigned max_wildcard_expansion = 256;  // terms per wildcard, the most frequent kept
};

// Thrown by build_query for a query over QueryLimits::max_terms (a client error, like a syntax
// error, but not one the user fixes by quoting).
class QueryTooLarge : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The words a normalised query holds (operators and brackets aside; each phrase word counts).
std::size_t count_query_words(std::string_view normalized);

struct BuiltQuery {
  Xapian::Query query;
  std::string corrected;  // the spelling-corrected query text, "" when nothing was corrected
};

// The words of a normalised query that ask for something: not negated (-word, NOT word), not field
// values or operators; phrase words included, in order. What the ranking boosts look for.
std::vector<std::string> positive_words(std::string_view normalized);

// Whether a normalised query is only bare words: no operators, phrases, groups, fields, +/- or
// wildcards. Only such a query is relaxed when no document holds all its words.
bool is_plain(std::string_view normalized);

// A plain query whose words no document holds all of, rewritten to match the documents holding
// the most of them (at least `required`), ranked by all its words.
struct RelaxedQuery {
  Xapian::Query query;
  std::vector<std::string> words;  // the query's words, in order
  std::size_t required = 0;
  // The index terms of each of `words` (any language's stem, or the word itself), to tell which
  // words a hit lacks.
  std::vector<std::vector<std::string>> word_terms;
};

// nullopt for fewer than two words or more than twelve, or when not even one word has a document.
std::optional<RelaxedQuery> relax(const Xapian::Database& db, const std::vector<std::string>& words,
                                  const QueryLimits& limits = {});

// Parses a normalised query over db as described above. An empty query matches every document.
// Every wildcard (title: and author: ones too) expands to at most limits.max_wildcard_expansion
// terms. Throws QueryTooLarge over limits.max_terms, and Xapian::QueryParserError for syntax
// errors and bad dates, with a message for the user.
// suggest = false leaves `corrected` empty (and saves looking words up in the spelling data).
BuiltQuery build_query(const Xapian::Database& db, std::string_view normalized,
                       const QueryLimits& limits = {}, bool suggest = true);

// The query with every word the index lacks replaced by Xapian's spelling suggestion (from the
// spelling data the indexer adds), or "" when no word was replaced. from_terms: when that gives
// nothing, the closest word of the term dictionary (term_spelling.hpp), for indexes with remote
// shards, whose spelling data Xapian cannot read.
std::string spelling_correction(const Xapian::Database& db, std::string_view normalized,
                                bool from_terms = false);

// Parses "2020-09-27", "20200927", "2020-09" or "2020" into the YYYYMMDD form of kSlotDate; the
// first (or, with end = true, the last) day of a partial date. "" when it is not exactly one of
// those forms or not a real calendar day (2020-02-30, 2020-1-1, 2020-13).
std::string compact_date(std::string_view text, bool end = false);

}  // namespace newsdex
