// Files outside the documents tree stay outside: a symbolic link (to a file, or a directory on the
// way to one) is followed only when its target resolves inside the documents directory, unless the
// configuration allows every link (follow_external_symlinks).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace newsdex {

// Why root/relative_path must not be read (a link resolving outside root), or nullopt when it may
// be. Paths that do not resolve at all (dangling links, loops, vanished files) are left to the
// reader, which names the reason.
std::optional<std::string> outside_tree(const std::filesystem::path& root,
                                        const std::string& relative_path,
                                        bool follow_external_symlinks);

}  // namespace newsdex
