#include "entity_builders.hpp"

#include <algorithm>
#include <iterator>

namespace newsdex::testing {

Entity entity(EntityType type, std::string name, std::vector<std::string> forms) {
  if (forms.empty()) forms.push_back(name);
  Entity built{type, std::move(name), {}};
  std::ranges::transform(forms, std::back_inserter(built.mentions), [](const std::string& form) {
    return Mention{form, form, Field::body, 0};
  });
  return built;
}

}  // namespace newsdex::testing
