// Facet counts over every matching document (not just the returned page), all from value slots
// with Xapian's ValueCountMatchSpy (no term list is read, and the spies work on remote shards):
// entities and languages (multi-valued, '\n'-separated, each counted once per document), the year
// of the date slot, the date timeline in day/week/month/year buckets (timeline.hpp), the MIME type
// and the top-level folder.
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

  // Registers the spies; they must see every match, so get_mset needs check_at_least >= doccount.
  void attach(Xapian::Enquire& enquire);

  // {"person": [{"value", "count"}...], ...}, most frequent first; "date" in date order.
  nlohmann::json result() const;

 private:
  struct Facet;
  std::vector<std::unique_ptr<Facet>> facets_;
};

}  // namespace newsdex::searchd
