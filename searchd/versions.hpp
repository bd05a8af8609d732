// Wire-story versions as searchd shows them: the members of a document's version group (the
// indexer groups near-duplicates, core/index/version_groups.hpp), newest first, each with a word
// diff against the next older version, and the number of a hit's other matching versions.
#pragma once

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>

#include "api.hpp"
#include "config.hpp"

namespace newsdex::searchd {

// {"id", "group", "total", "truncated", "versions": [{"id", "path", "title", "date", "byline",
// "lang", "mtime", "current", "diff": [{"op": "="|"+"|"-", "text"}] or null for the oldest,
// "diff_complete"}]}. 404 not_found for an unknown id; a document never grouped (too short, or
// indexed with [versions] enabled = false) is a group of one.
ApiResult<nlohmann::json> list_versions(const Xapian::Database& db, const std::string& id,
                                        const VersionsConfig& config);

// How many other documents of doc's version group also match `match`: the "versions" of a hit
// that search collapsed its group into. Exact (a filtered count over the group's posting list,
// which is short), unlike Xapian's collapse count, which is a lower bound once matching stops
// early.
Xapian::doccount other_matching_versions(const Xapian::Database& db, const Xapian::Query& match,
                                         const Xapian::Document& doc);

}  // namespace newsdex::searchd
