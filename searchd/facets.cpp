#include "facets.hpp"

#include <algorithm>

#include "schema.hpp"

namespace newsdex::searchd {
namespace {

// year: the first four characters of the date; date: the date's timeline bucket; split:
// '\n'-separated lists (a document naming three people counts once for each); whole: one value per
// document.
enum class Kind { split, year, date, whole };

struct Source {
  unsigned slot;
  Kind kind;
};

Source source_of(const std::string& name) {
  if (name == "person") return {schema::kSlotPersons, Kind::split};
  if (name == "org") return {schema::kSlotOrgs, Kind::split};
  if (name == "place") return {schema::kSlotPlaces, Kind::split};
  if (name == "lang") return {schema::kSlotLangs, Kind::split};
  if (name == "year") return {schema::kSlotDate, Kind::year};
  if (name == "date") return {schema::kSlotDate, Kind::date};
  if (name == "type") return {schema::kSlotType, Kind::whole};
  return {schema::kSlotFolder, Kind::whole};
}

}  // namespace

struct FacetCounter::Facet {
  std::string name;
  unsigned size = 10;
  Kind kind = Kind::split;
  Interval interval = Interval::month;
  std::unique_ptr<Xapian::ValueCountMatchSpy> values;

  std::map<std::string, Xapian::doccount> counts() const {
    std::map<std::string, Xapian::doccount> out;
    for (auto v = values->values_begin(); v != values->values_end(); ++v) {
      const std::string value = *v;
      if (value.empty()) continue;
      if (kind == Kind::year) {
        out[value.substr(0, 4)] += v.get_termfreq();
      } else if (kind == Kind::date) {
        // One spy entry per distinct day: bucketing costs as many steps as there are dates.
        if (std::string bucket = date_bucket(value, interval); !bucket.empty())
          out[std::move(bucket)] += v.get_termfreq();
      } else if (kind == Kind::whole) {
        out[value] += v.get_termfreq();
      } else {
        // Each document stores its names once, so splitting its value counts each name once.
        std::size_t at = 0;
        while (at < value.size()) {
          const std::size_t end = std::min(value.find('\n', at), value.size());
          if (end > at) out[value.substr(at, end - at)] += v.get_termfreq();
          at = end + 1;
        }
      }
    }
    return out;
  }
};

FacetCounter::FacetCounter(const std::map<std::string, unsigned>& wanted, Interval date_interval) {
  for (const auto& [name, size] : wanted) {
    auto facet = std::make_unique<Facet>();
    const Source source = source_of(name);
    facet->name = name;
    facet->size = size;
    facet->kind = source.kind;
    facet->interval = date_interval;
    facet->values = std::make_unique<Xapian::ValueCountMatchSpy>(source.slot);
    facets_.push_back(std::move(facet));
  }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
  for (auto& facet : facets_) enquire.add_matchspy(facet->values.get());
}

nlohmann::json FacetCounter::result() const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& facet : facets_) {
    std::vector<std::pair<std::string, Xapian::doccount>> counts;
    for (auto& entry : facet->counts()) counts.emplace_back(entry);
    nlohmann::json list = nlohmann::json::array();
    if (facet->kind == Kind::date) {
      // A timeline: every bucket, in date order (the map's order), however many there are.
      for (const auto& [value, count] : counts)
        list.push_back({{"value", value}, {"count", count}});
      out[facet->name] = std::move(list);
      continue;
    }
    std::ranges::sort(counts, [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (counts.size() > facet->size) counts.resize(facet->size);
    for (const auto& [value, count] : counts) list.push_back({{"value", value}, {"count", count}});
    out[facet->name] = std::move(list);
  }
  return out;
}

}  // namespace newsdex::searchd
