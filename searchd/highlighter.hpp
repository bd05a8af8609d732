// Highlighting for one hit: the body snippet cut from the stored text by the word offsets of the
// matched terms' positions (stems matched through the document's own stemmer), and the title with
// matched words marked. Falls back to Xapian's MSet::snippet when a document has no offsets.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer.hpp"
#include "snippet.hpp"

namespace newsdex::searchd {

// Query terms by kind: those of the whole query (candidates for every hit; terms a document lacks
// simply have no positions in it) or those one document matched.
struct MatchedTerms {
  std::vector<std::string> words;  // unprefixed, positional terms
  std::vector<std::string> stems;  // Z terms without the Z
  std::vector<std::string> title;  // S terms without the S
  // The index's words whose stem is one of `stems` (with the stem's index), by the languages of
  // the hits they were looked up for: found once per query in the term dictionary, so that no hit
  // has to read its whole termlist.
  mutable std::map<std::string, std::vector<std::pair<std::string, std::uint32_t>>> stem_words;
};

// Every term of the query, for all hits at once (wildcards are not expanded here).
MatchedTerms query_terms(const Xapian::Query& query);

// The terms one hit matched, wildcard expansions included (slower: walks its termlist).
MatchedTerms matched_terms(const Xapian::Enquire& enquire, const Xapian::MSetIterator& hit);

// The body passage of about `length` characters. langs: the document's languages (for stems).
std::string body_snippet(const Xapian::Database& db, const Xapian::MSet& mset,
                         const Xapian::MSetIterator& hit, const Xapian::Document& doc,
                         std::string_view body, const std::vector<std::string>& langs,
                         const MatchedTerms& terms, std::size_t length, const HighlightTags& tags);

// The title, HTML-escaped, with matched words marked: whole, unless it is over 200 characters long;
// then a 200-character passage cut around its matches as body snippets are.
std::string highlight_title(Analyzer& analyzer, std::string_view title, std::string_view lang,
                            const MatchedTerms& terms, const HighlightTags& tags);

}  // namespace newsdex::searchd
