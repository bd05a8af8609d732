// "More like this": the documents most like one, by Xapian's relevance feedback. The document is
// the relevance set (Xapian::RSet); Enquire::get_eset picks its most telling stemmed words (Z
// terms: rare in the index, frequent in the document), and an OR of them, restricted to the
// document's languages and without the document itself, finds its neighbours, ranked by BM25.
// Everything is plain Xapian, so it runs unchanged over remote shards.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace newsdex::searchd {

// Words taken from the expand set into the query.
inline constexpr unsigned kSimilarTerms = 20;

struct SimilarQuery {
  Xapian::Query query;             // empty when the document has no word another one shares
  std::vector<std::string> words;  // the stems chosen, most telling first (without the Z)
};

// The query for the documents like `docid`, whose id term is `id_term`.
SimilarQuery similar_query(const Xapian::Database& db, Xapian::docid docid,
                           const std::string& id_term);

// The document's languages as its L filter terms ("Len", "Lru").
std::vector<std::string> language_terms(const Xapian::Database& db, Xapian::docid docid);

}  // namespace newsdex::searchd
