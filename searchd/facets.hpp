// Facet counts over every matching document (not just the returned page), all from value slots
// (no term list is read): entities and languages (multi-valued, '\n'-separated, each counted once
// per document), the year of the date slot, the date timeline in day/week/month/year buckets
// (timeline.hpp), the MIME type and the top-level folder.
//
// Two ways to read the values, with the same counts. On a local index, one match spy notes the
// matching documents and each facet's slot is then read as one value stream in document order
// (Reading::streams): Xapian's ValueCountMatchSpy looks each value up on its own, a B-tree descent
// per document and facet, which made a query with three facets over 1,400 matches several times
// slower than without. Remote shards run the match themselves, so there each facet is a
// ValueCountMatchSpy that Xapian serialises to the shard (Reading::spies).
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "timeline.hpp"

namespace newsdex::searchd {

class FacetCounter {
 public:
  // wanted: facet name -> how many values to return (the date facet returns every bucket);
  // date_interval: the bucket size of the date facet.
  explicit FacetCounter(const std::map<std::string, unsigned>& wanted,
                        Interval date_interval = Interval::month);
  ~FacetCounter();

  enum class Reading { streams, spies };

  // Registers the spies; they must see every match, so get_mset needs check_at_least >= doccount.
  void attach(Xapian::Enquire& enquire, Reading reading);

  // After get_mset, before result(): counts the values, read from the facets' value streams for
  // the documents matched (Reading::streams) or from the spies.
  void count(const Xapian::Database& db);

  // {"person": [{"value", "count"}...], ...}, most frequent first; "date" in date order.
  nlohmann::json result() const;

 private:
  struct Facet;
  class MatchedDocuments;
  std::vector<std::unique_ptr<Facet>> facets_;
  std::unique_ptr<MatchedDocuments> matched_;
};

}  // namespace newsdex::searchd
