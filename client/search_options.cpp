#include "search_options.hpp"

namespace newsdex::client {
namespace {

unsigned offset_of(const SearchOptions& options) {
  return (options.page - 1) * options.limit.value_or(kDefaultPageSize);
}

}  // namespace

nlohmann::json search_params(const SearchOptions& options) {
  nlohmann::json params = {{"q", options.query}};
  if (!options.persons.empty()) params["person"] = options.persons;
  if (!options.orgs.empty()) params["org"] = options.orgs;
  if (!options.places.empty()) params["place"] = options.places;
  if (!options.langs.empty()) params["lang"] = options.langs;
  if (!options.folders.empty()) params["folder"] = options.folders;
  if (!options.types.empty()) params["type"] = options.types;
  if (!options.from.empty()) params["from"] = options.from;
  if (!options.to.empty()) params["to"] = options.to;
  if (!options.sort.empty()) params["sort"] = options.sort;
  if (!options.recency.empty()) params["recency"] = options.recency;
  if (options.exact) params["correct"] = false;
  if (options.all_versions) params["collapse"] = false;
  if (options.limit || options.page > 1) params["limit"] = options.limit.value_or(kDefaultPageSize);
  if (options.page > 1) params["offset"] = offset_of(options);
  if (options.facets) {
    params["facets"] = nlohmann::json::object();
    for (const char* facet : {"person", "org", "place", "lang", "year"})
      params["facets"][facet] = kFacetSize;
  }
  if (!options.timeline.empty()) {
    if (!params.contains("facets")) params["facets"] = nlohmann::json::object();
    params["facets"]["date"] = nullptr;  // a timeline has every bucket
    params["interval"] = options.timeline;
  }
  return params;
}

unsigned first_hit_number(const SearchOptions& options) {
  return offset_of(options) + 1;
}

}  // namespace newsdex::client
