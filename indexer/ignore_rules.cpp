#include "ignore_rules.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <string>

#include "text_lines.hpp"

namespace newsdex {

bool IgnoreRules::ignored(std::string_view relative_path) const {
  for (const std::string_view part : text::split(relative_path, '/')) {
    const std::string name(part);
    if (std::ranges::any_of(globs_, [&](const std::string& glob) {
          return fnmatch(glob.c_str(), name.c_str(), FNM_PERIOD) == 0;
        }))
      return true;
  }
  return false;
}

}  // namespace newsdex
