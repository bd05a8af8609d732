// Fuzzes the stored-record decoder searchd runs on every hit (core/index/stored_record.hpp): any
// bytes give a record or an error, never a crash, an exception or a read outside them; data of
// another schema is refused as such; each part of a readable record decodes alone as it does
// within the whole; a decoded record re-encodes to itself; and records made of the input's text
// (invalid UTF-8 included) round-trip, their heads naming their entities. Any bytes as a body's
// slot value decode to a text or an error, and any text's stored body decodes back to it.
#include <string>

#include "fuzz_target.hpp"
#include "stored_record.hpp"

namespace {

using nlohmann::json;
namespace record = newsdex::stored_record;

// What encode() stores for texts: invalid UTF-8 replaced as nlohmann's dump replaces it.
json as_stored(const json& texts) {
  return json::parse(texts.dump(-1, ' ', false, json::error_handler_t::replace));
}

bool valid_utf8(const json& value) {
  try {
    (void)value.dump();
    return true;
  } catch (const json::type_error&) {
    return false;
  }
}

// Same value, compared as bytes so that NaN (which CBOR can hold) equals itself.
bool same(const json& a, const json& b) {
  return json::to_cbor(a) == json::to_cbor(b);
}

void check_decoded_record(std::string_view bytes) {
  using newsdex::fuzz::check;
  const auto all = record::decode_all(bytes);
  if (!bytes.empty() && static_cast<std::uint8_t>(bytes[0]) != record::kFormat)
    check(!all.ok() && all.error().code == newsdex::Errc::unsupported,
          "data of another schema is unsupported", bytes);
  if (!all.ok()) return;

  json parts = json::object();
  for (const unsigned part : {record::kHead, record::kEntities, record::kFile}) {
    const auto one = record::decode(bytes, part);
    check(one.ok(), "each part of a readable record decodes alone", bytes);
    for (const auto& [key, value] : one->fields.items()) parts[key] = value;
  }
  // The head's entity_names is derived from the entities, and decode_all leaves it out.
  parts.erase("entity_names");
  check(same(parts, *all), "the parts make the whole record", bytes);

  // A corrupt record may hold invalid UTF-8 (decoding checks types, not texts): encode() replaces
  // it, so only a valid one comes back the same.
  const auto again = record::decode_all(record::encode(*all));
  check(again.ok(), "a decoded record re-encodes", bytes);
  if (valid_utf8(*all)) check(same(*again, *all), "a decoded record re-encodes to itself", bytes);
}

void check_round_trip(std::string_view text) {
  const std::size_t third = text.size() / 3;
  const std::string a(text.substr(0, third)), b(text.substr(third, third)),
      c(text.substr(2 * third));
  const json fields = {
      {"path", a},
      {"part", text.size() % 2 ? json(text.size()) : json()},
      {"title", b},
      {"langs", {a, b}},
      {"body", c},
      {"size", text.size()},
      {"extra", c},
      {"entities",
       {{"person",
         {{{"name", b}, {"local", a}, {"count", text.size()}, {"id", 1}, {"forms", {{a, 1}}}}}}}},
  };
  Xapian::Document doc;
  record::store(doc, fields);
  const auto decoded = record::decode_all(doc);
  newsdex::fuzz::check(decoded.ok() && same(*decoded, as_stored(fields)),
                       "a record made of any text round-trips", text);
  const auto head = record::decode(doc.get_data(), record::kHead);
  const json names = {
      {"person", as_stored(json::array({b}))}, {"org", json::array()}, {"place", json::array()}};
  newsdex::fuzz::check(head.ok() && same(head->fields["entity_names"], names),
                       "the head names the record's entities", text);
}

void check_body(std::string_view bytes) {
  const auto any = record::decode_body(bytes);
  newsdex::fuzz::check(any.ok() || any.error().code == newsdex::Errc::parse_error,
                       "any body value decodes or is a parse error", bytes);
  const auto back = record::decode_body(record::encode_body(bytes));
  newsdex::fuzz::check(back.ok() && *back == bytes, "a stored body decodes to itself", bytes);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = newsdex::fuzz::as_text(data, size);
  check_decoded_record(bytes);
  check_round_trip(bytes);
  check_body(bytes);
  return 0;
}
