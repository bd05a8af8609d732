// Reads a document's stored data (the JSON object of schema::field). The body is most of its bytes,
// so it is cut out by a fast path (memchr over the string, bulk unescaping) and only when a snippet
// needs it; the small remaining fields go through nlohmann::json.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace newsdex::searchd {

// The stored fields without "body"; when body is not null it receives the body text ("" if none).
// Data that is not a JSON object gives an empty object.
nlohmann::json parse_stored(std::string_view data, std::string* body);

// Decodes the inside of a JSON string literal (without its quotes); nullopt when malformed.
bool json_unescape(std::string_view escaped, std::string& out);

}  // namespace newsdex::searchd
