#include "facets.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

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

// Hashes std::string and std::string_view alike, so a name cut from a value is looked up without
// being copied.
struct NameHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view name) const {
    return std::hash<std::string_view>{}(name);
  }
};

}  // namespace

struct FacetCounter::Facet {
  std::string name;
  unsigned size = 10;
  Kind kind = Kind::split;
  Interval interval = Interval::month;
  unsigned slot = 0;
  std::unique_ptr<Xapian::ValueCountMatchSpy> spy;  // Reading::spies
  // Documents per facet value (a name, a year, a date bucket...).
  std::unordered_map<std::string, Xapian::doccount, NameHash, std::equal_to<>> counts;

  void add(std::string_view key, Xapian::doccount documents) {
    if (key.empty()) return;
    if (auto found = counts.find(key); found != counts.end())
      found->second += documents;
    else
      counts.emplace(key, documents);
  }

  // One slot value, held by `documents` matches.
  void tally(std::string_view value, Xapian::doccount documents) {
    if (value.empty()) return;
    switch (kind) {
      case Kind::year:
        add(value.substr(0, 4), documents);
        return;
      case Kind::date:
        add(date_bucket(value, interval), documents);
        return;
      case Kind::whole:
        add(value, documents);
        return;
      case Kind::split:
        // Each document stores its names once, so splitting its value counts each name once.
        for (std::size_t at = 0; at < value.size();) {
          const std::size_t end = std::min(value.find('\n', at), value.size());
          add(value.substr(at, end - at), documents);
          at = end + 1;
        }
        return;
    }
  }
};

// Notes the id of every document the match considers (what a ValueCountMatchSpy would count).
class FacetCounter::MatchedDocuments : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override { ids.push_back(doc.get_docid()); }
  std::vector<Xapian::docid> ids;
};

FacetCounter::FacetCounter(const std::map<std::string, unsigned>& wanted, Interval date_interval) {
  for (const auto& [name, size] : wanted) {
    auto facet = std::make_unique<Facet>();
    const Source source = source_of(name);
    facet->name = name;
    facet->size = size;
    facet->kind = source.kind;
    facet->interval = date_interval;
    facet->slot = source.slot;
    facets_.push_back(std::move(facet));
  }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire, Reading reading) {
  if (facets_.empty()) return;
  if (reading == Reading::streams) {
    matched_ = std::make_unique<MatchedDocuments>();
    enquire.add_matchspy(matched_.get());
    return;
  }
  for (auto& facet : facets_) {
    facet->spy = std::make_unique<Xapian::ValueCountMatchSpy>(facet->slot);
    enquire.add_matchspy(facet->spy.get());
  }
}

void FacetCounter::count(const Xapian::Database& db) {
  for (auto& facet : facets_) {
    facet->counts.clear();
    if (!facet->spy) continue;
    for (auto v = facet->spy->values_begin(); v != facet->spy->values_end(); ++v)
      facet->tally(*v, v.get_termfreq());
  }
  if (!matched_) return;
  std::vector<Xapian::docid>& ids = matched_->ids;
  std::ranges::sort(ids);
  for (auto& facet : facets_) {
    // One pass along the slot's value stream, skipping to each match in document order.
    Xapian::ValueIterator value = db.valuestream_begin(facet->slot);
    const Xapian::ValueIterator end = db.valuestream_end(facet->slot);
    for (const Xapian::docid id : ids) {
      if (value == end) break;
      if (value.get_docid() < id) value.skip_to(id);
      if (value == end) break;
      if (value.get_docid() == id) facet->tally(*value, 1);
    }
  }
}

nlohmann::json FacetCounter::result() const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& facet : facets_) {
    using Entry = std::pair<std::string_view, Xapian::doccount>;
    std::vector<Entry> counts(facet->counts.begin(), facet->counts.end());
    if (facet->kind == Kind::date) {
      // A timeline: every bucket, in date order, however many there are.
      std::ranges::sort(counts, {}, &Entry::first);
    } else {
      // The most frequent first, ties by value; only the `size` wanted are put in order.
      const auto more = [](const Entry& a, const Entry& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
      };
      const std::size_t kept = std::min<std::size_t>(facet->size, counts.size());
      std::ranges::partial_sort(counts, counts.begin() + static_cast<std::ptrdiff_t>(kept), more);
      counts.resize(kept);
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [value, count] : counts) list.push_back({{"value", value}, {"count", count}});
    out[facet->name] = std::move(list);
  }
  return out;
}

}  // namespace newsdex::searchd
