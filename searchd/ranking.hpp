// Relevance ranking on top of the matching query: BM25 over the body (parameters configurable),
// plus boosts that never change which documents match, only their order (Xapian's AND_MAYBE):
// the query's words in the title and the byline, the query's adjacent words standing near each
// other in the text, a queried name that is one of the document's entities, and an optional
// recency prior. Each part is kept so that explain=true can show it per hit.
#pragma once

#include <xapian.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "config.hpp"  // RankingConfig: the weights, from [ranking]

namespace newsdex::searchd {

// The boosts, each a query whose weight adds to the score of matching documents; empty when
// there is nothing to boost.
struct RankingParts {
  Xapian::Query title, byline, proximity, entity, recency;
};

// words: the query's positive plain words (folded as in the index), in order. entity_terms: the
// index terms (XPERSON:…) of entities the query names. half_life_days: 0 = no recency prior.
RankingParts ranking_parts(const Xapian::Database& db, const std::vector<std::string>& words,
                           const std::vector<std::string>& entity_terms,
                           const RankingConfig& options, double half_life_days,
                           std::chrono::sys_days today);

// match AND_MAYBE every non-empty part.
Xapian::Query ranked(const Xapian::Query& match, const RankingParts& parts);

// The weighting scheme of the options (BM25 with k1 and b).
std::unique_ptr<Xapian::Weight> weighting(const RankingConfig& options);

// Each word sequence of 1 to 4 adjacent words, joined by spaces, longest first: the names a query
// may hold ("mara holt geneva" -> "mara holt geneva", "mara holt", "holt geneva", ...).
std::vector<std::string> word_sequences(const std::vector<std::string>& words);

}  // namespace newsdex::searchd
