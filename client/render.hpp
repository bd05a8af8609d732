// Human-readable output of the server's replies for a terminal or a pipe: numbered hits, facets
// as compact lists, totals and timing, the spelling suggestion; documents; stats and health.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace newsdex::client {

struct RenderOptions {
  bool color = false;  // ANSI bold for highlights and dim metadata
};

// A search reply; first_number numbers the first hit (11 on page two of ten).
std::string render_search(const nlohmann::json& reply, unsigned first_number,
                          const RenderOptions& options);

// A /documents/{id}/similar or /related reply: numbered hits with summaries (and the entities a
// related one shares), then "N <kind> documents for ID".
std::string render_neighbours(const nlohmann::json& reply, std::string_view kind,
                              const RenderOptions& options);

// A GET /documents/{id} reply: title, metadata fields, entities, then the text.
std::string render_document(const nlohmann::json& reply, const RenderOptions& options);

// One event of `newsdex watch`: a match ("[new]", "[updated]" with the hit as search shows it,
// "[removed]" with the id), the subscription's start, or the server's notice of a gap or a drop.
std::string render_event(const nlohmann::json& event, const RenderOptions& options);
// A GET /documents/{id}/versions reply: each version's title and metadata, newest first, then the
// words it added (+) and removed (-) since the version below it.
std::string render_versions(const nlohmann::json& reply, const RenderOptions& options);

// Any other JSON object (stats, health) as indented "key: value" lines.
std::string render_fields(const nlohmann::json& reply);

}  // namespace newsdex::client
