// The report `newsdex-indexer --explain FILE` prints: what an editor needs to see why a document is
// tagged as it is (its metadata, languages, and every entity with the surface forms it was found
// as).
#pragma once

#include <string>
#include <vector>

#include "article.hpp"
#include "entities.hpp"

namespace newsdex {

// lang/langs: the analysis' main language and every language detected in a span.
std::string explain_document(const Article& article, const std::string& lang,
                             const std::vector<std::string>& langs,
                             const std::vector<Entity>& entities);

}  // namespace newsdex
