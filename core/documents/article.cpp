#include "article.hpp"

#include <fmt/format.h>

namespace newsdex {

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

std::string Date::compact() const { return fmt::format("{:04}{:02}{:02}", year, month, day); }

}  // namespace newsdex
