// Internal to newsdex_entities: within one document, which person candidates are one person. Full
// names with evidence found the people; short forms ("Volyev", "T. Volyev", "Mr. Khan") join the
// nearest earlier person they fit, or are dropped when they fit none and have no evidence of their
// own. Across documents, EntityTable (entity_table.hpp) merges spellings.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "entities.hpp"
#include "mention_finder.hpp"

namespace newsdex {

// The people among candidates, each as the indexes of its candidates in text order.
std::vector<std::vector<std::size_t>> group_people(std::span<const Candidate> candidates,
                                                   std::span<const entity_text::Token> tokens,
                                                   const Gazetteer& gazetteer);

// A person's canonical name: the most frequent of its most complete written forms (a full name,
// then one with initials, then a bare surname).
std::string canonical_person_name(const Entity& person);

}  // namespace newsdex
