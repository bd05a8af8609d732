// The search page's files (searchd/web/assets) as compiled in by cmake/embed.cmake at build time
// (private to newsdex_web): each function returns the file's exact contents.
#pragma once

#include <string_view>

namespace newsdex::web {

std::string_view index_html();
std::string_view app_css();
std::string_view app_js();

}  // namespace newsdex::web
