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

namespace newsdex::searchd {

struct RankingOptions {
  double bm25_k1 = 0.9;       // term-frequency saturation
  double bm25_b = 0.9;        // document-length normalisation
  double title_weight = 0.0;  // titles already count kTitleWeight times in the text
  double byline_weight = 1.0;
  double proximity_weight = 0.3;
  unsigned proximity_window = 4;      // adjacent query words within this many positions
  double entity_weight = 2.0;         // added once for a document with the queried entity
  double recency_weight = 2.0;        // added for a story dated today, halving every half-life
  double recency_half_life_days = 0;  // the default for requests that give none; 0 = off
};

// The boosts, each a query whose weight adds to the score of matching documents; empty when
// there is nothing to boost.
struct RankingParts {
  Xapian::Query title, byline, proximity, entity, recency;
};

// words: the query's positive plain words (folded as in the index), in order. entity_terms: the
// index terms (XPERSON:…) of entities the query names. half_life_days: 0 = no recency prior.
RankingParts ranking_parts(const std::vector<std::string>& words,
                           const std::vector<std::string>& entity_terms,
                           const RankingOptions& options, double half_life_days,
                           std::chrono::sys_days today);

// match AND_MAYBE every non-empty part.
Xapian::Query ranked(const Xapian::Query& match, const RankingParts& parts);

// The weighting scheme of the options (BM25 with k1 and b).
std::unique_ptr<Xapian::Weight> weighting(const RankingOptions& options);

// Each word sequence of 1 to 4 adjacent words, joined by spaces, longest first: the names a query
// may hold ("ilham aliyev baku" -> "ilham aliyev baku", "ilham aliyev", "aliyev baku", ...).
std::vector<std::string> word_sequences(const std::vector<std::string>& words);

}  // namespace newsdex::searchd
