// explain=true: a hit's score split into the parts the ranking adds up (ranking.hpp), each
// computed by matching that part alone against the one document, so an editor can see why a
// story ranks where it does.
#pragma once

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>

#include "ranking.hpp"

namespace newsdex::searchd {

// {"text": BM25 of the matching query, "title", "byline", "proximity", "entity", "recency"}: the
// weight each part gives the document with the id term `id_term` (0 when it does not match).
nlohmann::json explain_score(const Xapian::Database& db, const Xapian::Query& match,
                             const RankingParts& parts, const RankingConfig& options,
                             const std::string& id_term);

}  // namespace newsdex::searchd
