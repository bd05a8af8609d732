// The `newsdex search` flags as the server's search request object (issue 5: the POST /search
// body, also the NDJSON "search" request). Only fields the user gave are sent, so the server's
// configured defaults apply to the rest.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace newsdex::client {

// Page size assumed for --page when no --limit is given (the server's shipped default).
inline constexpr unsigned kDefaultPageSize = 10;
// Facet values asked for per facet with --facets.
inline constexpr unsigned kFacetSize = 10;

struct SearchOptions {
  std::string query;
  std::vector<std::string> persons, orgs, places;  // every value must match
  std::vector<std::string> langs, folders, types;  // any value may match
  std::string from, to;
  std::string sort;     // "", "relevance", "date" or "-date"
  std::string recency;  // "" or a half-life such as "7d" (the server checks it)
  std::optional<unsigned> limit;
  unsigned page = 1;  // 1-based
  bool facets = false;
  std::string timeline;  // "" or the date facet's interval: day, week, month or year
  bool exact = false;    // never answer for the spelling suggestion instead (server: correct=false)
  bool all_versions = false;  // every version of a wire story as its own hit (collapse=false)
};

nlohmann::json search_params(const SearchOptions& options);

// 1-based number of the first hit on the requested page, for numbering the output.
unsigned first_hit_number(const SearchOptions& options);

}  // namespace newsdex::client
