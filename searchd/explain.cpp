#include "explain.hpp"

namespace newsdex::searchd {
namespace {

double weight_of(const Xapian::Database& db, const Xapian::Query& part,
                 const RankingConfig& options, const std::string& id_term) {
  if (part.empty()) return 0.0;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*weighting(options));
  // A boolean filter adds no weight and leaves the collection statistics as they are.
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, part, Xapian::Query(id_term)));
  const Xapian::MSet mset = enquire.get_mset(0, 1);
  return mset.empty() ? 0.0 : mset.begin().get_weight();
}

}  // namespace

nlohmann::json explain_score(const Xapian::Database& db, const Xapian::Query& match,
                             const RankingParts& parts, const RankingConfig& options,
                             const std::string& id_term) {
  return {
      {"text", weight_of(db, match, options, id_term)},
      {"title", weight_of(db, parts.title, options, id_term)},
      {"byline", weight_of(db, parts.byline, options, id_term)},
      {"proximity", weight_of(db, parts.proximity, options, id_term)},
      {"entity", weight_of(db, parts.entity, options, id_term)},
      {"recency", weight_of(db, parts.recency, options, id_term)},
  };
}

}  // namespace newsdex::searchd
