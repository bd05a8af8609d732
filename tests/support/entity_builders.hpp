// Entities built by hand for the tests of the entity table and of its index terms, as the
// extractor would report them: one body mention per name form.
#pragma once

#include <string>
#include <vector>

#include "entities.hpp"

namespace newsdex::testing {

// An entity mentioned once in the body in each of forms (once by its name when forms is empty).
Entity entity(EntityType type, std::string name, std::vector<std::string> forms = {});

// A person mentioned once in the body in each of forms.
inline Entity person(std::string name, std::vector<std::string> forms) {
  return entity(EntityType::person, std::move(name), std::move(forms));
}

}  // namespace newsdex::testing
