#include "ignore_rules.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <ranges>

namespace newsdex {

bool IgnoreRules::ignored(std::string_view relative_path) const {
  for (auto part : relative_path | std::views::split('/')) {
    std::string name(part.begin(), part.end());
    if (std::ranges::any_of(globs_, [&](const std::string& glob) {
          return fnmatch(glob.c_str(), name.c_str(), FNM_PERIOD) == 0;
        }))
      return true;
  }
  return false;
}

}  // namespace newsdex
