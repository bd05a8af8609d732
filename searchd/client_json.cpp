#include "client_json.hpp"

#include "encoding.hpp"

namespace newsdex::searchd {

using nlohmann::json;

ApiResult<json> parse_client_json(std::string_view text, unsigned max_depth) {
  if (!is_valid_utf8(text)) return bad_request("invalid_utf8", "the body is not valid UTF-8");
  // nlohmann's parser is iterative; the callback sees each container open at its depth (the
  // outermost at 0) and drops every container past the limit, which keeps the parse linear.
  bool too_deep = false;
  const json::parser_callback_t limit = [&](int depth, json::parse_event_t event, json&) {
    const bool opens =
        event == json::parse_event_t::object_start || event == json::parse_event_t::array_start;
    if (opens && depth >= static_cast<int>(max_depth)) too_deep = true;
    return !too_deep;
  };
  try {
    json value = json::parse(text, limit);
    if (too_deep)
      return bad_request("too_deep", "the JSON nests objects and arrays more than " +
                                         std::to_string(max_depth) + " levels deep");
    return value;
  } catch (const json::parse_error& e) {
    return bad_request("invalid_json", std::string("malformed JSON: ") + e.what());
  } catch (const json::out_of_range& e) {
    // A number too large for a double ("1e999"), which the parser reports as out of range.
    return bad_request("invalid_json", std::string("malformed JSON: ") + e.what());
  }
}

}  // namespace newsdex::searchd
