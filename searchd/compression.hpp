// HTTP response compression: gzip (core/common/gzip) for clients whose Accept-Encoding takes it.
// Small bodies and types that do not shrink are sent as they are.
#pragma once

#include <cstddef>
#include <string_view>

#include "api.hpp"

namespace newsdex::searchd {

// True when an Accept-Encoding value takes gzip ("gzip", "gzip;q=0.5", "*"; not "gzip;q=0").
bool accepts_gzip(std::string_view accept_encoding);

// Compresses `response` in place when the client accepts gzip, level > 0, the type is text-like
// and the body is at least min_bytes; says "Vary: Accept-Encoding" for every such type.
void compress_response(std::string_view accept_encoding, int level, std::size_t min_bytes,
                       Response& response);

}  // namespace newsdex::searchd
