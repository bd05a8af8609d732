#include "facets.hpp"

#include <algorithm>

#include "schema.hpp"

namespace newsdex::searchd {
namespace {

// Counts, once per document, every term with a prefix (L, T, XFOLDER:): these facets have no slot.
class TermPrefixSpy : public Xapian::MatchSpy {
 public:
  explicit TermPrefixSpy(std::string prefix) : prefix_(std::move(prefix)) {}
  void operator()(const Xapian::Document& doc, double) override {
    for (auto t = doc.termlist_begin(); t != doc.termlist_end();) {
      t.skip_to(prefix_);
      if (t == doc.termlist_end()) break;
      const std::string term = *t;
      if (!term.starts_with(prefix_)) break;
      ++counts_[term.substr(prefix_.size())];
      ++t;
    }
  }
  const std::map<std::string, Xapian::doccount>& counts() const { return counts_; }

 private:
  std::string prefix_;
  std::map<std::string, Xapian::doccount> counts_;
};

enum class Kind { split_value, year, term_prefix };

}  // namespace

struct FacetCounter::Facet {
  std::string name;
  unsigned size = 10;
  Kind kind = Kind::split_value;
  std::unique_ptr<Xapian::ValueCountMatchSpy> values;
  std::unique_ptr<TermPrefixSpy> terms;

  std::map<std::string, Xapian::doccount> counts() const {
    std::map<std::string, Xapian::doccount> out;
    if (terms) return terms->counts();
    for (auto v = values->values_begin(); v != values->values_end(); ++v) {
      const std::string value = *v;
      if (value.empty()) continue;
      if (kind == Kind::year) {
        out[value.substr(0, 4)] += v.get_termfreq();
        continue;
      }
      // Each document stores its names once, so splitting its value counts each name once.
      std::size_t at = 0;
      while (at < value.size()) {
        const std::size_t end = std::min(value.find('\n', at), value.size());
        if (end > at) out[value.substr(at, end - at)] += v.get_termfreq();
        at = end + 1;
      }
    }
    return out;
  }
};

FacetCounter::FacetCounter(const std::map<std::string, unsigned>& wanted) {
  for (const auto& [name, size] : wanted) {
    auto facet = std::make_unique<Facet>();
    facet->name = name;
    facet->size = size;
    if (name == "person" || name == "org" || name == "place") {
      const unsigned slot = name == "person" ? schema::kSlotPersons
                            : name == "org"  ? schema::kSlotOrgs
                                             : schema::kSlotPlaces;
      facet->values = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
    } else if (name == "year") {
      facet->kind = Kind::year;
      facet->values = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSlotDate);
    } else {
      facet->kind = Kind::term_prefix;
      const std::string_view prefix = name == "lang"   ? schema::kPrefixLang
                                      : name == "type" ? schema::kPrefixMime
                                                       : schema::kPrefixFolder;
      facet->terms = std::make_unique<TermPrefixSpy>(std::string(prefix));
    }
    facets_.push_back(std::move(facet));
  }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
  for (auto& facet : facets_) {
    if (facet->values) enquire.add_matchspy(facet->values.get());
    if (facet->terms) enquire.add_matchspy(facet->terms.get());
  }
}

nlohmann::json FacetCounter::result() const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& facet : facets_) {
    std::vector<std::pair<std::string, Xapian::doccount>> counts;
    for (auto& entry : facet->counts()) counts.emplace_back(entry);
    std::ranges::sort(counts, [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (counts.size() > facet->size) counts.resize(facet->size);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [value, count] : counts) list.push_back({{"value", value}, {"count", count}});
    out[facet->name] = std::move(list);
  }
  return out;
}

}  // namespace newsdex::searchd
