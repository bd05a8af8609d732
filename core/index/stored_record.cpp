// Encodes and decodes stored records (layout in stored_record.hpp).
#include "stored_record.hpp"

#include <lz4.h>
#include <lz4hc.h>

#include <algorithm>
#include <array>
#include <span>
#include <vector>

#include "encoding.hpp"
#include "schema.hpp"

namespace newsdex::stored_record {
namespace {

using nlohmann::json;
namespace f = schema::field;

constexpr std::size_t kSections = 3;  // head, entities, file
constexpr std::size_t kHeaderBytes = 1 + 4 * kSections;
// A compressed body: 0xFF, its length (u32), an LZ4 block. LZ4 rather than zstd or zlib: it reads
// back four to six times faster (a search decompresses ten bodies) for a few per cent more bytes;
// HC level 4 compresses English about 2.2:1 at about 70 MB/s.
constexpr std::size_t kBodyHeaderBytes = 1 + 4;
constexpr int kBodyCompressionLevel = 4;
// The deepest record: section > entities > kind > list > entity > forms.
constexpr std::size_t kMaxDepth = 6;

enum class Kind {
  text,
  text_or_null,
  integer_or_null,
  integer,
  count,
  texts,
  counts,
  entities,
  names
};

struct Field {
  std::string_view key;
  Kind kind;
  Part part = kFile;
};

// Where every known field lives and what it holds; any other field is kept in the file section.
constexpr Field kFields[] = {
    {f::kPath, Kind::text, kHead},
    {f::kPart, Kind::integer_or_null, kHead},
    {f::kTitle, Kind::text, kHead},
    {f::kDate, Kind::text_or_null, kHead},
    {f::kByline, Kind::text, kHead},
    {f::kLang, Kind::text, kHead},
    {f::kLangs, Kind::texts, kHead},
    {f::kType, Kind::text, kHead},
    {f::kEntityNames, Kind::names, kHead},
    {f::kEntities, Kind::entities, kEntities},
    {f::kUrl, Kind::text},
    {f::kSize, Kind::count},
    {f::kMtime, Kind::integer},
    {f::kSha256, Kind::text},
    {f::kBody, Kind::text, kBody},
};

// One entity of a document, as entity_terms.hpp stores it.
constexpr Field kEntityFields[] = {
    {"name", Kind::text}, {"local", Kind::text},   {"count", Kind::count},
    {"id", Kind::count},  {"forms", Kind::counts},
};

constexpr Part kSectionParts[kSections] = {kHead, kEntities, kFile};

const Field* find_field(std::span<const Field> fields, std::string_view key) {
  const auto it = std::ranges::find(fields, key, &Field::key);
  return it == fields.end() ? nullptr : &*it;
}

Part part_of(std::string_view key) {
  const Field* field = find_field(kFields, key);
  return field ? field->part : kFile;
}

bool fits(const json& object, std::span<const Field> fields);

bool has_kind(const json& value, Kind kind) {
  switch (kind) {
    case Kind::text:
      return value.is_string();
    case Kind::text_or_null:
      return value.is_string() || value.is_null();
    case Kind::integer_or_null:
      return value.is_number_integer() || value.is_null();
    case Kind::integer:
      return value.is_number_integer();
    case Kind::count:
      return value.is_number_unsigned();
    case Kind::texts:
      return value.is_array() && std::ranges::all_of(value, &json::is_string);
    case Kind::counts:
      return value.is_object() && std::ranges::all_of(value, &json::is_number_unsigned);
    case Kind::names:
      return value.is_object() && std::ranges::all_of(value, [](const json& list) {
               return list.is_array() && std::ranges::all_of(list, &json::is_string);
             });
    case Kind::entities:
      return value.is_object() && std::ranges::all_of(value, [](const json& list) {
               return list.is_array() && std::ranges::all_of(list, [](const json& entity) {
                        return fits(entity, kEntityFields);
                      });
             });
  }
  return false;
}

// An object whose known fields hold what they should (unknown ones may hold anything).
bool fits(const json& object, std::span<const Field> fields) {
  if (!object.is_object()) return false;
  for (const auto& [key, value] : object.items()) {
    const Field* field = find_field(fields, key);
    if (field && !has_kind(value, field->kind)) return false;
  }
  return true;
}

// A text as the JSON records of schema 2 held it: invalid UTF-8 replaced by U+FFFD the way
// nlohmann's dump replaces it.
std::string valid_text(const std::string& text) {
  if (is_valid_utf8(text)) return text;
  return json::parse(json(text).dump(-1, ' ', false, json::error_handler_t::replace))
      .get<std::string>();
}

void replace_invalid_utf8(json& value) {
  if (value.is_string()) {
    auto& text = value.get_ref<std::string&>();
    if (!is_valid_utf8(text)) text = valid_text(text);
  } else if (value.is_array()) {
    for (json& item : value) replace_invalid_utf8(item);
  } else if (value.is_object()) {
    json object = json::object();
    for (auto& [key, item] : value.items()) {
      replace_invalid_utf8(item);
      object[valid_text(key)] = std::move(item);
    }
    value = std::move(object);
  }
}

void put_u32(std::string& out, std::uint32_t n) {
  for (int byte = 0; byte < 4; ++byte) out += static_cast<char>((n >> (8 * byte)) & 0xFF);
}

std::uint32_t get_u32(std::string_view bytes) {
  std::uint32_t n = 0;
  for (int byte = 3; byte >= 0; --byte) n = (n << 8) | static_cast<std::uint8_t>(bytes[byte]);
  return n;
}

// Builds a section's value from nlohmann's CBOR reader (a SAX handler, as json::from_cbor uses
// internally), moving each text into place, and refuses nesting deeper than a record has: the
// reader recurses once per level, so a corrupt section of nested arrays would take the stack.
class SectionBuilder {
 public:
  explicit SectionBuilder(json& root) : root_(root) {}

  bool null() { return put(nullptr); }
  bool boolean(bool value) { return put(value); }
  bool number_integer(json::number_integer_t value) { return put(value); }
  bool number_unsigned(json::number_unsigned_t value) { return put(value); }
  bool number_float(json::number_float_t value, const std::string&) { return put(value); }
  bool string(std::string& value) { return put(std::move(value)); }
  bool binary(json::binary_t& value) { return put(json::binary(std::move(value))); }
  bool key(std::string& key) {
    key_ = std::move(key);
    return true;
  }
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t, const std::string&, const json::exception&) { return false; }

 private:
  // Where the next value goes: the root, the end of the open array, or the open object's key.
  json* place(json&& value) {
    if (open_.empty()) return &(root_ = std::move(value));
    json& parent = *open_.back();
    if (parent.is_array()) return &parent.emplace_back(std::move(value));
    return &parent.get_ref<json::object_t&>()
                .insert_or_assign(std::move(key_), std::move(value))
                .first->second;
  }
  bool put(json&& value) { return place(std::move(value)) != nullptr; }
  bool open(json&& container) {
    if (open_.size() >= kMaxDepth) return false;
    open_.push_back(place(std::move(container)));
    return true;
  }
  bool close() {
    open_.pop_back();
    return true;
  }

  json& root_;
  std::vector<json*> open_;  // the containers being filled, outermost first
  std::string key_;
};

// The names of the entities section's entities per type, in its order (most mentioned first):
// {"person": [...], "org": [...], "place": [...]}.
json names_of(const json* entities) {
  json names = {{"person", json::array()}, {"org", json::array()}, {"place", json::array()}};
  if (entities == nullptr || !entities->is_object()) return names;
  for (auto& [type, list] : names.items()) {
    const auto found = entities->find(type);
    if (found == entities->end() || !found->is_array()) continue;
    for (const json& entity : *found)
      if (const auto name = entity.find("name"); name != entity.end() && name->is_string())
        list.push_back(*name);
  }
  return names;
}

Error corrupt(std::string what) {
  return make_error(Errc::parse_error, "stored record: " + std::move(what));
}

// One section's fields, checked to belong there and to hold what they should.
Result<json> decode_section(std::string_view cbor, Part part) {
  json fields = json::object();
  if (cbor.empty()) return fields;
  try {
    SectionBuilder builder(fields);
    if (!json::sax_parse(cbor.begin(), cbor.end(), &builder, json::input_format_t::cbor))
      return corrupt("a section is not one CBOR value");
  } catch (const std::exception& e) {
    return corrupt(std::string("a section is not one CBOR value: ") + e.what());
  }
  if (!fields.is_object()) return corrupt("a section is not a CBOR map");
  if (!fits(fields, kFields)) return corrupt("a field holds the wrong type");
  for (const auto& item : fields.items())
    if (part_of(item.key()) != part) return corrupt("field '" + item.key() + "' out of place");
  return fields;
}

}  // namespace

std::string encode(const json& fields) {
  std::array<json, kSections> sections;
  sections.fill(json::object());
  for (const auto& [key, value] : fields.items()) {
    const Part part = part_of(key);
    if (part == kBody || key == f::kEntityNames) continue;
    const auto index = std::ranges::find(kSectionParts, part) - std::begin(kSectionParts);
    sections[index][key] = value;
  }
  const auto entities = fields.find(f::kEntities);
  sections[0][f::kEntityNames] = names_of(entities == fields.end() ? nullptr : &*entities);
  std::array<std::vector<std::uint8_t>, kSections> cbor;
  for (std::size_t i = 0; i < kSections; ++i) {
    if (sections[i].empty()) continue;
    replace_invalid_utf8(sections[i]);
    cbor[i] = json::to_cbor(sections[i]);
  }

  std::string out;
  out.reserve(kHeaderBytes + cbor[0].size() + cbor[1].size() + cbor[2].size());
  out += static_cast<char>(kFormat);
  // A section is a few fields or a document's entities: far below 4 GiB.
  for (const auto& bytes : cbor) put_u32(out, static_cast<std::uint32_t>(bytes.size()));
  for (const auto& bytes : cbor) out.append(bytes.begin(), bytes.end());
  return out;
}

void store(Xapian::Document& doc, const json& fields) {
  doc.set_data(encode(fields));
  const auto body = fields.find(f::kBody);
  doc.add_value(schema::kSlotBody,
                body != fields.end() && body->is_string()
                    ? encode_body(valid_text(body->get_ref<const std::string&>()))
                    : std::string());
}

std::string encode_body(std::string_view text) {
  if (text.size() > kMaxBodyBytes) return std::string(text);
  const int size = static_cast<int>(text.size());
  std::string value = "\xFF";
  put_u32(value, static_cast<std::uint32_t>(text.size()));
  value.resize(kBodyHeaderBytes + static_cast<std::size_t>(LZ4_compressBound(size)));
  const int packed =
      LZ4_compress_HC(text.data(), value.data() + kBodyHeaderBytes, size,
                      static_cast<int>(value.size() - kBodyHeaderBytes), kBodyCompressionLevel);
  // Text that starts with 0xFF (not UTF-8, which store() never gives) is kept compressed, so that
  // it cannot be read as a compressed body.
  const bool smaller = kBodyHeaderBytes + static_cast<std::size_t>(packed) < text.size();
  if (packed <= 0 || (!smaller && (text.empty() || text.front() != '\xFF')))
    return std::string(text);
  value.resize(kBodyHeaderBytes + static_cast<std::size_t>(packed));
  return value;
}

Result<std::string> decode_body(std::string_view value) {
  if (value.empty() || value.front() != '\xFF') return std::string(value);
  if (value.size() < kBodyHeaderBytes) return corrupt("the body is truncated");
  const std::uint32_t size = get_u32(value.substr(1));
  if (size > kMaxBodyBytes) return corrupt("the body claims " + std::to_string(size) + " bytes");
  std::string text(size, '\0');
  const std::string_view block = value.substr(kBodyHeaderBytes);
  const int got = LZ4_decompress_safe(block.data(), text.data(), static_cast<int>(block.size()),
                                      static_cast<int>(size));
  if (got < 0 || static_cast<std::uint32_t>(got) != size)
    return corrupt("the body does not decompress");
  return text;
}

Result<std::string> body_of(const Xapian::Document& doc) {
  return decode_body(doc.get_value(schema::kSlotBody));
}

Result<Decoded> decode(std::string_view data, unsigned parts) {
  if (data.empty()) return corrupt("empty");
  if (static_cast<std::uint8_t>(data[0]) != kFormat)
    return make_error(Errc::unsupported, "stored record: not a record of schema version " +
                                             std::to_string(kFormat) +
                                             " (an index of another schema)");
  if (data.size() < kHeaderBytes) return corrupt("truncated header");
  Decoded decoded;
  std::size_t at = kHeaderBytes;
  for (std::size_t i = 0; i < kSections; ++i) {
    const std::size_t length = get_u32(data.substr(1 + 4 * i));
    if (length > data.size() - at) return corrupt("truncated section");
    if (parts & kSectionParts[i]) {
      auto fields = decode_section(data.substr(at, length), kSectionParts[i]);
      if (!fields) return fields.error();
      if (decoded.fields.empty())
        decoded.fields = std::move(*fields);
      else
        for (auto& [key, value] : fields->items()) decoded.fields[key] = std::move(value);
    }
    at += length;
  }
  if (at != data.size()) return corrupt("bytes after the last section");
  return decoded;
}

Result<json> decode_all(std::string_view data) {
  auto decoded = decode(data, kAll);
  if (!decoded) return decoded.error();
  decoded->fields.erase(f::kEntityNames);  // derived from "entities", not given to encode()
  return std::move(decoded->fields);
}

Result<json> decode_all(const Xapian::Document& doc) {
  auto fields = decode_all(doc.get_data());
  if (!fields) return fields;
  auto body = body_of(doc);
  if (!body) return body.error();
  (*fields)[f::kBody] = std::move(*body);
  return fields;
}

std::string id_of(const nlohmann::json& fields) {
  const auto part = fields.find(schema::field::kPart);
  const auto path = fields.find(schema::field::kPath);
  return schema::document_id(
      path != fields.end() && path->is_string() ? path->get<std::string>() : std::string(),
      part != fields.end() && part->is_number_integer() ? part->get<int>() : -1);
}

}  // namespace newsdex::stored_record
