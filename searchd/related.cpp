#include "related.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "entity_terms.hpp"
#include "schema.hpp"

namespace newsdex::searchd {

RelatedQuery related_query(const Xapian::Database& db, const Xapian::Document& doc,
                           const std::string& id_term) {
  RelatedQuery out;
  // The facet slots hold the canonical names whose terms the document carries.
  for (const auto& [type, slot] : {std::pair{EntityType::person, schema::kSlotPersons},
                                   std::pair{EntityType::org, schema::kSlotOrgs},
                                   std::pair{EntityType::place, schema::kSlotPlaces}}) {
    const std::string joined = doc.get_value(slot);
    for (std::size_t at = 0; at < joined.size();) {
      const std::size_t end = std::min(joined.find('\n', at), joined.size());
      std::string name = joined.substr(at, end - at);
      at = end + 1;
      if (name.empty()) continue;
      std::string term = entity_term(type, name);
      out.names.emplace(std::move(term), std::pair{std::string(to_string(type)), std::move(name)});
    }
  }
  const double documents = db.get_doccount();
  struct Weighted {
    std::string term;
    double idf;
  };
  std::vector<Weighted> shared;
  for (const auto& [term, name] : out.names) {
    const Xapian::doccount df = db.get_termfreq(term);
    // An entity only this document names relates it to nothing; one every document names
    // weighs nothing.
    if (df < 2) continue;
    const double idf = std::log(documents / df);
    if (idf > 0) shared.push_back({term, idf});
  }
  std::ranges::sort(shared, [](const Weighted& a, const Weighted& b) { return a.idf > b.idf; });
  if (shared.size() > kRelatedEntities) shared.resize(kRelatedEntities);
  if (shared.empty()) return out;
  std::vector<Xapian::Query> parts;
  for (const auto& [term, idf] : shared)
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), idf);
  out.query = Xapian::Query(Xapian::Query::OP_AND_NOT,
                            Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
                            Xapian::Query(id_term));
  return out;
}

}  // namespace newsdex::searchd
