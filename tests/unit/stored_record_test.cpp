// Stored records: every field round-trips, each reader decodes only its parts, the body stays out
// of the data, and every kind of corrupt or truncated record is an error, never an exception.
#include "stored_record.hpp"

#include <gtest/gtest.h>

#include "schema.hpp"

namespace newsdex::stored_record {
namespace {

using nlohmann::json;

json full_record() {
  return {
      {"path", "world/baku.txt"},
      {"part", 2},
      {"title", "Caspian \"water\" forum"},
      {"date", "2023-03-14"},
      {"byline", "Sarah Whitfield"},
      {"lang", "en"},
      {"langs", {"en", "ru"}},
      {"type", "text/plain"},
      {"url", "https://example.org/a"},
      {"size", 1234},
      {"mtime", 1700000000123456789},
      {"sha256", std::string(64, 'a')},
      {"body", "Leaders met in Baku.\n\xD0\x91\xD0\xB0\xD0\xBA\xD1\x83 \xF0\x9F\x98\x80 end"},
      {"entities",
       {{"person",
         {{{"name", "Ilham Aliyev"},
           {"count", 3},
           {"id", 7},
           {"local", "Ильхам Алиев"},
           {"forms", {{"Aliyev", 2}, {"Ilham Aliyev", 1}}}}}},
        {"org", json::array()},
        {"place", {{{"name", "Baku"}, {"count", 1}, {"id", 9}, {"local", "Baku"}}}}}},
  };
}

json without(json fields, std::initializer_list<const char*> keys) {
  for (const char* key : keys) fields.erase(key);
  return fields;
}

// What the head derives from full_record()'s entities.
const json kEntityNames = {
    {"person", {"Ilham Aliyev"}}, {"org", json::array()}, {"place", {"Baku"}}};

json with_names(json fields) {
  fields["entity_names"] = kEntityNames;
  return fields;
}

const json kHeadFields =
    with_names(without(full_record(), {"url", "size", "mtime", "sha256", "body", "entities"}));

constexpr std::size_t kHeader = 13;  // the format byte and three lengths

// Replaces the bytes at `at` (an offset in the record) and returns the record.
std::string patched(std::string data, std::size_t at, std::string_view bytes) {
  data.replace(at, bytes.size(), bytes);
  return data;
}

std::string u32(std::uint32_t n) {
  return {static_cast<char>(n), static_cast<char>(n >> 8), static_cast<char>(n >> 16),
          static_cast<char>(n >> 24)};
}

// A record whose head section is the given CBOR bytes (the other sections empty).
std::string with_head(const std::vector<std::uint8_t>& cbor) {
  std::string data(1, static_cast<char>(kFormat));
  data += u32(static_cast<std::uint32_t>(cbor.size())) + u32(0) + u32(0);
  EXPECT_EQ(data.size(), kHeader);
  data.append(cbor.begin(), cbor.end());
  return data;
}

// The fields of a document store() was given.
Result<json> round_trip(const json& fields) {
  Xapian::Document doc;
  store(doc, fields);
  return decode_all(doc);
}

TEST(StoredRecord, RoundTripsEveryField) {
  const json fields = full_record();
  const auto decoded = round_trip(fields);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(*decoded, fields);
  EXPECT_EQ(decoded->dump(), fields.dump());
}

TEST(StoredRecord, KeepsUnknownFieldsAndNulls) {
  json fields = full_record();
  fields["date"] = nullptr;
  fields["part"] = nullptr;
  fields["extra"] = {{"nested", {1, 2}}};
  fields.erase("entities");
  const auto decoded = round_trip(fields);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(*decoded, fields);
}

TEST(StoredRecord, EmptyRecordHasAnEmptyBody) {
  const auto decoded = round_trip(json::object());
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(*decoded, json({{"body", ""}}));
}

TEST(StoredRecord, InvalidUtf8IsStoredAsReplacementCharacters) {
  json fields = full_record();
  fields["title"] = "caf\xC3";
  fields["body"] =
      "a\xFF"
      "b";
  fields["entities"]["person"][0]["forms"] = {{"x\xC0", 1}};
  const auto decoded = round_trip(fields);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  // What nlohmann's dump with error_handler_t::replace wrote into the JSON records of schema 2.
  EXPECT_EQ((*decoded)["title"], "caf\xEF\xBF\xBD");
  EXPECT_EQ((*decoded)["body"],
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_TRUE((*decoded)["entities"]["person"][0]["forms"].contains("x\xEF\xBF\xBD"));
}

TEST(StoredRecord, HitsDecodeTheHeadAndEntitiesOnly) {
  const std::string data = encode(full_record());
  const auto hit = decode(data, kHead | kEntities);
  ASSERT_TRUE(hit.ok()) << hit.error().message;
  EXPECT_EQ(hit->fields,
            with_names(without(full_record(), {"url", "size", "mtime", "sha256", "body"})));

  const auto head = decode(data, kHead);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->fields, kHeadFields);
  const auto entities = decode(data, kEntities);
  ASSERT_TRUE(entities.ok());
  EXPECT_EQ(entities->fields, json({{"entities", full_record()["entities"]}}));
}

TEST(StoredRecord, TheHeadNamesTheEntitiesItWasGivenWhateverElseItIsTold) {
  json fields = full_record();
  fields["entity_names"] = {{"person", {"Someone Else"}}};  // derived, never taken from a caller
  const std::string data = encode(fields);
  EXPECT_EQ(decode(data, kHead)->fields["entity_names"], kEntityNames);
  EXPECT_FALSE(decode_all(data)->contains("entity_names"));

  // Renamed (as re-tagging does): the names follow.
  fields["entities"]["person"][0]["name"] = "Ilham Aliev";
  EXPECT_EQ(decode(encode(fields), kHead)->fields["entity_names"]["person"], json({"Ilham Aliev"}));

  const json none = {{"person", json::array()}, {"org", json::array()}, {"place", json::array()}};
  EXPECT_EQ(decode(encode(without(full_record(), {"entities"})), kHead)->fields["entity_names"],
            none);
}

TEST(StoredRecord, TheBodyIsInItsSlotNotInTheData) {
  // Xapian reads a document's data whole for every hit: the body must not be in it.
  const std::string body = full_record()["body"];
  EXPECT_EQ(encode(full_record()).find(body), std::string::npos);
  Xapian::Document doc;
  store(doc, full_record());
  EXPECT_EQ(doc.get_data(), encode(full_record()));
  EXPECT_EQ(body_of(doc).value(), body);
  const auto all = decode_all(doc.get_data());
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, without(full_record(), {"body"}));
  const auto with_body = decode_all(doc);
  ASSERT_TRUE(with_body.ok()) << with_body.error().message;
  EXPECT_EQ(*with_body, full_record());
}

TEST(StoredRecord, LongBodiesAreStoredCompressed) {
  std::string body;
  for (int i = 0; body.size() < 6000; ++i)
    body += "The Velmora council met on day " + std::to_string(i) + " to discuss the harbour. ";
  const std::string value = encode_body(body);
  EXPECT_EQ(value.front(), '\xFF');
  EXPECT_LT(value.size(), body.size() / 2);
  EXPECT_EQ(decode_body(value).value(), body);
  json fields = full_record();
  fields["body"] = body;
  Xapian::Document doc;
  store(doc, fields);
  EXPECT_EQ(doc.get_value(schema::kSlotBody), value);
  EXPECT_EQ(body_of(doc).value(), body);
}

TEST(StoredRecord, ShortOrIncompressibleBodiesAreStoredAsTheyAre) {
  // Also how an index written before bodies were compressed holds every body: still readable.
  for (const std::string body : {"", "Mara Holt.", "\xC3\xA9t\xC3\xA9 \xE2\x80\x94 ok"}) {
    EXPECT_EQ(encode_body(body), body);
    EXPECT_EQ(decode_body(body).value(), body);
  }
  // Not UTF-8, so never given by store(), yet it must not read as a compressed body.
  const std::string not_text("\xFF\x01\0\0\0x", 6);
  EXPECT_EQ(decode_body(encode_body(not_text)).value(), not_text);
}

TEST(StoredRecord, ABodyThatDoesNotDecompressIsAnError) {
  const std::string body(4000, 'a');
  const std::string value = encode_body(body);
  ASSERT_EQ(value.front(), '\xFF');
  std::string longer_claim = value;
  longer_claim[1] = static_cast<char>(longer_claim[1] + 1);
  const std::vector<std::string> broken = {
      std::string("\xFF"),                       // no length
      std::string("\xFF\x05\0\0\0not lz4", 12),  // not a block
      std::string("\xFF\xFF\xFF\xFF\xFF", 5),    // a length past kMaxBodyBytes
      value.substr(0, value.size() - 3),         // truncated
      value + "trailing",                        // bytes after the block
      longer_claim,                              // decompresses short of its length
  };
  for (const std::string& value : broken) {
    const auto decoded = decode_body(value);
    ASSERT_FALSE(decoded.ok()) << value.size();
    EXPECT_EQ(decoded.error().code, Errc::parse_error);
    EXPECT_NE(decoded.error().message.find("body"), std::string::npos);
  }
}

TEST(StoredRecord, ReadersNeverDecodeSectionsTheyDoNotAsk) {
  // Garbage in the entities and file sections does not stop a head-only read: the head is decoded
  // without looking at anything after it.
  std::string data = encode(full_record());
  const std::size_t head_end =
      kHeader + (static_cast<std::uint8_t>(data[1]) | static_cast<std::uint8_t>(data[2]) << 8);
  for (std::size_t i = head_end; i < data.size(); ++i) data[i] = '\xFF';
  const auto decoded = decode(data, kHead);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded->fields, kHeadFields);
  EXPECT_FALSE(decode(data, kEntities).ok());
  EXPECT_FALSE(decode(data, kFile).ok());
}

TEST(StoredRecord, OlderSchemasAreUnsupported) {
  // Schema 2 stored the fields as JSON text.
  const auto decoded = decode(R"({"body":"text","title":"t"})", kHead);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().code, Errc::unsupported);
  EXPECT_NE(decoded.error().message.find("schema"), std::string::npos);
}

TEST(StoredRecord, EveryTruncationAndExtensionIsAnError) {
  const std::string data = encode(full_record());
  for (std::size_t size = 0; size < data.size(); ++size) {
    const auto decoded = decode(std::string_view(data).substr(0, size), kAll);
    ASSERT_FALSE(decoded.ok()) << size;
    EXPECT_EQ(decoded.error().code, Errc::parse_error) << size;
  }
  EXPECT_FALSE(decode(data + '\0', kAll).ok());
  EXPECT_FALSE(decode(data + "x", kHead).ok());
}

TEST(StoredRecord, WrongLengthsAreErrors) {
  const std::string data = encode(full_record());
  for (std::size_t field = 0; field < 3; ++field) {
    const std::size_t at = 1 + 4 * field;
    for (std::uint32_t length : {0u, 1u, 0xFFFFFFFFu, 0x80000000u}) {
      const std::string bad = patched(data, at, u32(length));
      if (bad == data) continue;
      EXPECT_FALSE(decode(bad, kAll).ok()) << field << " " << length;
    }
  }
}

TEST(StoredRecord, SectionsThatAreNotOneCborMapAreErrors) {
  const std::vector<std::vector<std::uint8_t>> heads = {
      {0xFF},                                                  // a break outside an indefinite item
      {0xA1, 0x61, 'a'},                                       // a map cut before its value
      {0xA0, 0x00},                                            // a map and a trailing byte
      {0xA0, 0x00, 0x00},                                      // ... and a NUL
      {0x80},                                                  // an array
      {0x61, 'x'},                                             // a string
      {0xA1, 0x01, 0x02},                                      // a map with an integer key
      {0xC1, 0xA0},                                            // a tagged map
      {0x9B, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},  // an array of 2^64-1 items
      {0x7A, 0xFF, 0xFF, 0xFF, 0xFF, 'a'},                     // a string longer than the data
  };
  for (std::size_t i = 0; i < heads.size(); ++i) {
    const auto decoded = decode(with_head(heads[i]), kHead);
    ASSERT_FALSE(decoded.ok()) << i;
    EXPECT_EQ(decoded.error().code, Errc::parse_error) << i;
  }
}

TEST(StoredRecord, NestingDeeperThanARecordIsAnError) {
  // The head of {"extra": [[[...]]]}: refused without recursing through all of it.
  std::vector<std::uint8_t> head = {0xA1, 0x65, 'e', 'x', 't', 'r', 'a'};
  head.insert(head.end(), 100000, 0x81);
  head.push_back(0x00);
  EXPECT_FALSE(decode(with_head(head), kHead).ok());
}

TEST(StoredRecord, FieldsOfTheWrongTypeOrPlaceAreErrors) {
  const std::vector<json> heads = {
      {{"title", 5}},
      {{"path", nullptr}},
      {{"part", "2"}},
      {{"part", 1.5}},
      {{"date", 20230314}},
      {{"langs", {"en", 1}}},
      {{"langs", "en"}},
      {{"size", 12}},                  // a file field in the head
      {{"entities", json::object()}},  // the entities' own section's field
      {{"body", "a second body"}},     // the body is never a field of a section
      {{"entity_names", {"Aliyev"}}},
      {{"entity_names", {{"person", "Aliyev"}}}},
      {{"entity_names", {{"person", {"Aliyev", 7}}}}},
  };
  for (const json& head : heads)
    EXPECT_FALSE(decode(with_head(json::to_cbor(head)), kHead).ok()) << head.dump();

  const std::vector<json> entities = {
      {{"entities", {{"person", "Aliyev"}}}},
      {{"entities", {{"person", {{{"name", 7}}}}}}},
      {{"entities", {{"person", {{{"count", -1}}}}}}},
      {{"entities", {{"person", {{{"forms", {{"Aliyev", "two"}}}}}}}}},
      {{"entities", {{"person", {"Aliyev"}}}}},
  };
  for (const json& section : entities) {
    std::string data(1, static_cast<char>(kFormat));
    const auto cbor = json::to_cbor(section);
    data += u32(0) + u32(static_cast<std::uint32_t>(cbor.size())) + u32(0);
    data.append(cbor.begin(), cbor.end());
    EXPECT_FALSE(decode(data, kEntities).ok()) << section.dump();
    EXPECT_TRUE(decode(data, kHead).ok()) << section.dump();  // not asked: not read
  }
}

}  // namespace
}  // namespace newsdex::stored_record
