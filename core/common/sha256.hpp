// SHA-256 of bytes, as lower-case hex: the content fingerprint stored with every document.
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

std::string sha256_hex(std::string_view bytes);

}  // namespace newsdex
