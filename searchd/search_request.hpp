// The search request: its fields, parsed and validated from a GET query string or a JSON object
// (POST body or NDJSON line) against the configured limits. Every rejection is an ApiError that
// names the field.
#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api.hpp"
#include "config.hpp"    // parse_half_life, shared with [ranking]
#include "encoding.hpp"  // is_valid_utf8, shared with document decoding
#include "timeline.hpp"

namespace newsdex::searchd {

enum class Sort { relevance, date_ascending, date_descending };

struct Limits {
  std::size_t max_query_bytes = 4096;
  unsigned max_result_window = 10000;
  unsigned default_limit = 10;
  unsigned max_limit = 100;
  unsigned default_snippet = 200;
  unsigned max_snippet = 2000;
  unsigned max_facet_size = 1000;
  unsigned max_json_depth = 32;  // nesting of objects and arrays in a body or NDJSON line
  std::chrono::milliseconds queue_timeout{1000};  // longest wait for a worker, then 503
};

// The parts of a hit a request may select with `fields` ("title,snippet"), as Elasticsearch's
// _source filtering does; every part by default, the id always. Entities come as names per type;
// /documents/{id} has their full detail.
enum HitField : unsigned {
  kHitPath = 1u << 0,
  kHitTitle = 1u << 1,
  kHitDate = 1u << 2,
  kHitByline = 1u << 3,
  kHitLang = 1u << 4,
  kHitType = 1u << 5,
  kHitScore = 1u << 6,
  kHitEntities = 1u << 7,
  kHitSnippet = 1u << 8,   // with the highlighted title
  kHitVersions = 1u << 9,  // other matching versions of a wire story, when search collapses
};
constexpr unsigned kAllHitFields = (1u << 10) - 1;

struct SearchRequest {
  std::string q;
  std::vector<std::string> person, org, place;  // every value must match
  std::vector<std::string> lang, type, folder;  // any value may match
  std::string from, to;                         // YYYYMMDD (kSlotDate form), "" = open
  std::map<std::string, unsigned> facets;       // facet name -> how many values
  Interval interval = Interval::month;          // the buckets of the "date" facet
  std::optional<Sort> sort;                     // unset: relevance, or newest first for no query
  unsigned offset = 0;
  unsigned limit = 10;
  unsigned snippet = 200;  // characters; 0 = no snippets
  std::string highlight_pre = "<mark>";
  std::string highlight_post = "</mark>";
  unsigned fields = kAllHitFields;  // HitField bits
  // The recency prior's half-life in days: unset = the server's default, 0 = off.
  std::optional<double> recency_days;
  bool explain = false;  // each hit's score in parts
  // When nothing matches and the spelling suggestion does, answer for the suggestion
  // ("results_for"); false searches exactly what was typed ("search instead for").
  bool correct = true;
  // One hit per wire-story version group (the others counted in the hit's "versions"); unset =
  // the server's [versions] collapse.
  std::optional<bool> collapse;

  // Set by the server, never by a client: saved searches (alerts.hpp) match the documents a commit
  // changed (by id) and take a query's words as they are, never relaxed to some of them.
  std::vector<std::string> only_ids;
  bool relax = true;

  bool has_filter() const;
};

// The facet names a request may ask for.
bool is_facet_name(std::string_view name);

// From a URL query string's decoded name/value pairs (repeated names allowed for list fields).
ApiResult<SearchRequest> parse_search_params(
    const std::vector<std::pair<std::string, std::string>>& params, const Limits& limits);

// From a JSON object; `ignore` lists member names the caller handles itself (NDJSON's id, op).
ApiResult<SearchRequest> parse_search_json(const nlohmann::json& body, const Limits& limits,
                                           const std::vector<std::string>& ignore = {});

// Splits a query string into percent-decoded name/value pairs ('+' is a space); a broken escape
// ("%zz", a truncated "%2") is a 400 invalid_escape naming it.
ApiResult<std::vector<std::pair<std::string, std::string>>> parse_query_string(
    std::string_view query);

// Decodes %XX escapes (and '+' as space when plus_is_space); nullopt for a broken escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

}  // namespace newsdex::searchd
