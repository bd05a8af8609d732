// Human-readable output of the server's replies for a terminal or a pipe: numbered hits, facets
// as compact lists, totals and timing, the spelling suggestion; documents; stats and health.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace newsdex::client {

struct RenderOptions {
  bool color = false;  // ANSI bold for highlights and dim metadata
};

// A search reply; first_number numbers the first hit (11 on page two of ten).
std::string render_search(const nlohmann::json& reply, unsigned first_number,
                          const RenderOptions& options);

// A GET /documents/{id} reply: title, metadata fields, entities, then the text.
std::string render_document(const nlohmann::json& reply, const RenderOptions& options);

// A GET /documents/{id}/versions reply: each version's title and metadata, newest first, then the
// words it added (+) and removed (-) since the version below it.
std::string render_versions(const nlohmann::json& reply, const RenderOptions& options);

// Any other JSON object (stats, health) as indented "key: value" lines.
std::string render_fields(const nlohmann::json& reply);

}  // namespace newsdex::client
