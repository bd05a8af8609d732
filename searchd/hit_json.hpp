// A hit as /search, /documents/{id}/similar and /documents/{id}/related return it: the stored
// fields a request selects (HitField bits), read from a document's head record and facet slots;
// its entities section and body are never decoded for a hit.
#pragma once

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "result.hpp"
#include "snippet.hpp"

namespace newsdex::searchd {

// The document's languages: its main one first, then every other its spans were detected in.
std::vector<std::string> hit_langs(const nlohmann::json& data);

// The entities as names per type ({"person": ["Mara Holt"], "org": [...], "place": [...]}), most
// mentioned first: the head's entity_names (stored_record.hpp), or for a record without them (a
// remote shard of an older newsdex) the facet slots.
nlohmann::json hit_entity_names(const Xapian::Document& doc, const nlohmann::json& data);

// {"id", and of path, title, date, byline, lang, type, score, entities those `fields` selects}.
nlohmann::json hit_fields(const Xapian::Document& doc, const nlohmann::json& data, unsigned fields,
                          double score);

// The opening of the body, about `length` characters cut at a sentence or word boundary and
// HTML-escaped: a hit's summary when no query words pick its passage.
// An unreadable body (Errc::parse_error) is the caller's to report.
Result<std::string> hit_summary(const Xapian::Document& doc, std::size_t length,
                                const HighlightTags& tags);

}  // namespace newsdex::searchd
