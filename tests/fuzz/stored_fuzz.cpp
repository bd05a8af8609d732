// Fuzzes the stored-record reader searchd runs on every hit: the fast JSON reader against
// nlohmann::json::parse (it promises the same value for every text parse accepts, up to 256
// levels of nesting, and nullopt for every text parse rejects), parse_stored with and without the
// body against the same reference, and json_unescape against a parsed string literal.
#include <string>

#include "encoding.hpp"
#include "fast_json.hpp"
#include "fuzz_target.hpp"
#include "stored_fields.hpp"

namespace {

// Nesting depth of a JSON text that parses (brackets outside strings).
std::size_t nesting(std::string_view text) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using newsdex::fuzz::check;
  const std::string_view text = newsdex::fuzz::as_text(data, size);
  const auto fast = newsdex::searchd::read_json(text);
  // nlohmann::json::parse stops at a NUL byte as at the end of the input, so it accepts
  // "{}\0junk"; a raw NUL is never valid JSON, so such texts have no reference value.
  const bool has_nul = text.find('\0') != std::string_view::npos;
  const auto reference = has_nul ? nlohmann::json(nlohmann::json::value_t::discarded)
                                 : nlohmann::json::parse(text, nullptr, false);
  if (fast) {
    check(!reference.is_discarded() && *fast == reference,
          "read_json accepts only what json::parse accepts, with the same value", text);
  } else if (!reference.is_discarded() && newsdex::is_valid_utf8(text) && nesting(text) <= 256) {
    check(false, "read_json accepts every JSON text json::parse accepts", text);
  }

  std::string body;
  const nlohmann::json with_body = newsdex::searchd::parse_stored(text, &body);
  const nlohmann::json without_body = newsdex::searchd::parse_stored(text, nullptr);
  check(with_body.is_object() && !with_body.contains("body") && without_body.is_object() &&
            !without_body.contains("body"),
        "parse_stored gives an object without the body", text);
  if (reference.is_object()) {
    // The indexer always stores a valid object; for one, both paths give its fields exactly.
    nlohmann::json fields = reference;
    fields.erase("body");
    check(with_body == fields && without_body == fields, "parse_stored gives the stored fields",
          text);
    const auto stored_body = reference.find("body");
    check(body == (stored_body != reference.end() && stored_body->is_string()
                       ? stored_body->get<std::string>()
                       : std::string()),
          "parse_stored gives the stored body", text);
  }

  std::string unescaped;
  const auto literal = has_nul
                           ? nlohmann::json()
                           : nlohmann::json::parse("\"" + std::string(text) + "\"", nullptr, false);
  if (literal.is_string())
    check(
        newsdex::searchd::json_unescape(text, unescaped) && literal.get<std::string>() == unescaped,
        "json_unescape decodes every JSON string literal's inside", text);
  return 0;
}
