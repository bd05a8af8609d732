// Which names under the documents directory are never indexed: editor and tool droppings
// (dotfiles, *~, *.swp, *.tmp, *.part, .#*, 4913 by default; configurable shell globs).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

class IgnoreRules {
 public:
  explicit IgnoreRules(std::vector<std::string> globs) : globs_(std::move(globs)) {}

  // True when any path component of relative_path matches one of the globs.
  bool ignored(std::string_view relative_path) const;

 private:
  std::vector<std::string> globs_;
};

}  // namespace newsdex
