// The newsroom search page served by newsdex-searchd at GET / and GET /assets/*: a self-contained
// HTML page with its CSS and JavaScript compiled into the binary (no files to install, no CDN).
// The page calls the JSON API relative to its own URL (search?…, documents/{id}).
#pragma once

#include <string_view>

namespace newsdex::web {

// The bytes for a request path ("/", "/index.html", "/assets/app.js"; a query string is
// ignored), with content_type set to its MIME type; an empty view (content_type untouched) when
// the page has no such file.
std::string_view asset(std::string_view path, std::string_view& content_type);

// A Content-Security-Policy for the page's responses: everything from the server itself, nothing
// inline, no plugins or framing, so even a highlighting bug could not run injected script.
std::string_view content_security_policy();

}  // namespace newsdex::web
