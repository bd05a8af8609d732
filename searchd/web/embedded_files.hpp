// The search page's files as compiled in by embed.cmake (private to newsdex_web).
#pragma once

#include <span>
#include <string_view>

namespace newsdex::web {

struct EmbeddedFile {
  std::string_view name;   // relative to searchd/web/assets, e.g. "app.js"
  std::string_view bytes;  // the file's exact contents
};

std::span<const EmbeddedFile> embedded_files();

}  // namespace newsdex::web
