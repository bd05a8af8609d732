#include "web.hpp"

#include <algorithm>

#include "embedded_files.hpp"

namespace newsdex::web {
namespace {

std::string_view mime_type(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
  };
  for (const auto& [extension, type] : kTypes)
    if (name.ends_with(extension)) return type;
  return "application/octet-stream";
}

}  // namespace

std::string_view asset(std::string_view path, std::string_view& content_type) {
  path = path.substr(0, path.find_first_of("?#"));
  std::string_view name;
  if (path == "/" || path == "/index.html") {
    name = "index.html";
  } else if (path.starts_with("/assets/")) {
    name = path.substr(8);
    if (name == "index.html") return {};  // the page lives at /, not twice
  } else {
    return {};
  }
  struct File {
    std::string_view name;  // relative to searchd/web/assets
    std::string_view (*bytes)();
  };
  static constexpr File kFiles[] = {
      {"index.html", index_html}, {"app.css", app_css}, {"app.js", app_js}};
  const auto* file = std::ranges::find(kFiles, name, &File::name);
  if (file == std::end(kFiles)) return {};
  content_type = mime_type(name);
  return file->bytes();
}

std::string_view content_security_policy() {
  return "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
         "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
}

}  // namespace newsdex::web
