// The stored record of a document: the one encoder (the indexer) and decoder (searchd, the
// indexer's deletions, renames, --status and --check) of the fields Xapian keeps with it.
//
// A record holds the fields of schema::field (one JSON object to its users), laid out for the two
// ways it is read. Every hit needs the small fields and the entities; snippets and /documents also
// need the body, most of the bytes; only /documents and the writer need the file's details. Xapian
// reads a document's data whole, so the body is not in it but in its own value slot
// (schema::kSlotBody), read only by snippets, version diffs and /documents: the byte 0xFF (which
// UTF-8 never holds), the text's length (u32) and an LZ4 block of it, or, when that is not
// smaller, the UTF-8 text as it is. The data is:
//
//   byte 0        kFormat (a record of schema 3; schema 2 stored JSON text, which starts with '{')
//   bytes 1-12    three little-endian u32: the lengths of the head, entities and file sections
//   head          CBOR map: path, part, title, date, byline, lang, langs, type, and entity_names,
//                 which encode() derives from the entities (their names per type, in order), so
//                 that a hit reads its entities' names without the entities section
//   entities      CBOR map: entities (an empty section when the document has none)
//   file          CBOR map: url, size, mtime, sha256 and any field not named above
//
// Decoding is strict: data that does not start with kFormat is Errc::unsupported (an index of an
// older schema); a record whose lengths do not add up to its size, a section that is not one CBOR
// map, nesting deeper than any record has, or a known field of the wrong type or in the wrong
// section is Errc::parse_error; never an exception or a read outside the data.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "result.hpp"

namespace newsdex::stored_record {

inline constexpr std::uint8_t kFormat = 3;

// The sections of the data a reader asks for; decoding skips the others without reading them.
// kBody is the body's value slot, which only store() and decode_all(doc) touch.
enum Part : unsigned {
  kHead = 1,
  kEntities = 2,
  kFile = 4,
  kBody = 8,
  kAll = kHead | kEntities | kFile,
};

// What decode() gives: the fields of the sections asked for.
struct Decoded {
  nlohmann::json fields = nlohmann::json::object();
};

// Stores fields (an object with schema::field keys) in doc: the body (empty unless a string) in
// schema::kSlotBody, the rest as its data. Invalid UTF-8 is stored as U+FFFD.
void store(Xapian::Document& doc, const nlohmann::json& fields);

// The data of a record: every field but the body (which store() puts in its slot).
std::string encode(const nlohmann::json& fields);

// A body's slot value (see above), and back: any text up to kMaxBodyBytes round-trips. Decoding a
// value that is not one (a block that does not decompress to its length, or a length over
// kMaxBodyBytes) is Errc::parse_error.
inline constexpr std::size_t kMaxBodyBytes = std::size_t{1} << 30;
std::string encode_body(std::string_view text);
Result<std::string> decode_body(std::string_view value);
Result<std::string> body_of(const Xapian::Document& doc);

// The sections of `data` asked for (a bitwise or of Part).
Result<Decoded> decode(std::string_view data, unsigned parts);

// Every field of the data (what encode() was given, less the body and invalid UTF-8).
Result<nlohmann::json> decode_all(std::string_view data);

// Every field of a stored document, the body included as "body".
Result<nlohmann::json> decode_all(const Xapian::Document& doc);

// The document id (schema::document_id) of a record's head fields: its path and part.
std::string id_of(const nlohmann::json& fields);

}  // namespace newsdex::stored_record
