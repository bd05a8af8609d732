#include "tree_guard.hpp"

namespace newsdex {
namespace fs = std::filesystem;

std::optional<std::string> outside_tree(const fs::path& root, const std::string& relative_path,
                                        bool follow_external_symlinks) {
  if (follow_external_symlinks) return std::nullopt;
  std::error_code ec;
  const auto real_root = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  const auto target = fs::canonical(root / relative_path, ec);
  if (ec) return std::nullopt;
  // Inside means at or below the root once both are resolved: no ".." step back out.
  const auto inside = target.lexically_relative(real_root);
  if (!inside.empty() && *inside.begin() != "..") return std::nullopt;
  return "symlink to " + target.string() +
         ", outside the documents directory (see follow_external_symlinks)";
}

}  // namespace newsdex
