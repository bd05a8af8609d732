// Related coverage: the documents sharing the most entities (people, organisations, places) with
// one, each shared entity counting by its rarity, idf = log(N / df): two stories naming the same
// minor official are closer than two naming the same country. The query is an OR of the
// document's entity terms, each scaled by its idf (OP_SCALE_WEIGHT) under Xapian::CoordWeight,
// which gives every matching term 1: a hit's score is the sum of the idfs of the entities it
// shares. N and df are the combined statistics of every shard, and both pieces are stock Xapian
// (xapian-tcpsrv knows them), so remote shards rank exactly as a single index would.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <utility>

namespace newsdex::searchd {

// Entities taken into the query, the rarest first, bounding its cost for a document naming
// hundreds.
inline constexpr unsigned kRelatedEntities = 64;

struct RelatedQuery {
  Xapian::Query query;  // empty when no other document shares an entity
  // Entity term -> {"person"|"org"|"place", canonical name}: what a hit's matching terms mean.
  std::map<std::string, std::pair<std::string, std::string>> names;
};

// The query for the documents sharing entities with `doc` (docid `docid`, id term `id_term`).
RelatedQuery related_query(const Xapian::Database& db, const Xapian::Document& doc,
                           const std::string& id_term);

}  // namespace newsdex::searchd
