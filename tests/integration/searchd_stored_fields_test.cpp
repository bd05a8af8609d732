// Stored fields of a hit: read_json against nlohmann::json::parse (same values and number types,
// the same texts rejected), and parse_stored on documents the real indexer stored.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "fast_json.hpp"
#include "searchd_support.hpp"
#include "stored_fields.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

// json's operator== compares numbers by value across their types; this compares the types too.
bool same_types(const json& a, const json& b) {
  if (a.type() != b.type() || a.size() != b.size()) return false;
  if (a.is_object())
    return std::ranges::all_of(a.items(), [&](const auto& item) {
      return b.contains(item.key()) && same_types(item.value(), b.at(item.key()));
    });
  if (a.is_array()) return std::ranges::equal(a, b, same_types);
  return true;
}

// Same value, same types (signed, unsigned or floating point) at every level, same text.
void expect_same_as_nlohmann(std::string_view text) {
  const json expected = json::parse(text);
  const std::optional<json> got = read_json(text);
  ASSERT_TRUE(got.has_value()) << text;
  EXPECT_EQ(*got, expected) << text;
  EXPECT_TRUE(same_types(*got, expected)) << text;
  EXPECT_EQ(got->dump(), expected.dump()) << text;
}

TEST(ReadJson, MatchesNlohmannOnValidTexts) {
  for (std::string_view text : {
           R"({})",
           R"([])",
           R"("")",
           "0",
           "-0",
           "17",
           "-17",
           "1.5",
           "-0.0",
           "1e3",
           "2.5E-3",
           "18446744073709551615",  // the largest unsigned
           "18446744073709551616",  // one more: a double
           "-9223372036854775808",  // the smallest signed
           "-9223372036854775809",  // one less: a double
           "1e-400",
           "true",
           "false",
           "null",
           R"( { "a" : [ 1 , 2 , { } ] , "b" : null } )",
           "\t\r\n[\"x\"]\n",
           R"({"k": 1, "k": 2})",  // a repeated key keeps its last value
           R"("quote \" backslash \\ slash \/ \b\f\n\r\t")",
           R"("\u00e9\u4eba\ud83d\ude00 \u0000 end")",
           "\"caf\xC3\xA9 \xE4\xBA\xBA \xF0\x9F\x98\x80\"",
           R"({"person": [{"count": 3, "forms": {"Aliyev": 2, "Ilham Aliyev": 1}, "id": 7,
               "local": "Ильхам Алиев", "name": "Ilham Aliyev"}], "org": [], "place": []})",
       })
    expect_same_as_nlohmann(text);
}

TEST(ReadJson, RejectsWhatNlohmannRejects) {
  for (std::string_view text : {
           "",
           " ",
           "{",
           "}",
           "[1,]",
           "[1 2]",
           R"({"a" 1})",
           R"({"a":1,})",
           R"({a:1})",
           "01",
           "-",
           "1.",
           ".5",
           "1e400",
           "1e",
           "1e+",
           "+1",
           "tru",
           "nul",
           "[1]x",
           R"("unterminated)",
           "\"tab\tinside\"",
           R"("bad \x escape")",
           R"("\u12")",
           R"("\ud83d alone")",
           R"("\ude00 low alone")",
           "\"\xC3\"",
           "\"\xED\xA0\x80\"",
           "\"\xC0\xAF\"",
           R"("\)",
       }) {
    EXPECT_FALSE(read_json(text).has_value()) << text;
    EXPECT_TRUE(json::parse(text, nullptr, false).is_discarded()) << text;
  }
}

TEST(ReadJson, DeepNestingIsLeftToTheFallback) {
  const std::string deep = std::string(300, '[') + std::string(300, ']');
  EXPECT_FALSE(read_json(deep).has_value());
  EXPECT_FALSE(json::parse(deep, nullptr, false).is_discarded());
  const std::string shallow = std::string(200, '[') + std::string(200, ']');
  expect_same_as_nlohmann(shallow);
}

// Random documents in the shape of stored fields: what nlohmann writes, read_json reads back.
TEST(ReadJson, RoundTripsRandomDocuments) {
  std::mt19937 random(7);
  auto text = [&] {
    static const std::vector<std::string> pieces = {"a",
                                                    "Z",
                                                    " ",
                                                    "\"",
                                                    "\\",
                                                    "/",
                                                    "\n",
                                                    "\x01",
                                                    "\xC3\xA9",
                                                    "\xE4\xBA\xBA",
                                                    "\xF0\x9F\x98\x80",
                                                    "}",
                                                    "[",
                                                    ":",
                                                    ","};
    std::string s;
    for (int n = random() % 12; n > 0; --n) s += pieces[random() % pieces.size()];
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    json doc = {{"title", text()}, {"size", random()}, {"date", nullptr}, {"langs", {text()}}};
    for (const char* kind : {"person", "org", "place"}) {
      json list = json::array();
      for (int n = random() % 6; n > 0; --n) {
        list.push_back({{"name", text()},
                        {"count", random() % 9},
                        {"id", random()},
                        {"local", text()},
                        {"forms", {{text(), 1}, {text(), -static_cast<int>(random() % 3)}}},
                        {"weight", static_cast<double>(random()) / 977.0}});
      }
      doc["entities"][kind] = std::move(list);
    }
    expect_same_as_nlohmann(doc.dump());
    expect_same_as_nlohmann(doc.dump(2));
  }
}

TEST(StoredFields, NeverGiveTheBodyAsAField) {
  // Found by fuzzing: a repeated "body" key came back among the fields.
  std::string body;
  for (std::string* out : {static_cast<std::string*>(nullptr), &body}) {
    const json fields = parse_stored(R"({"body":"a","body":"b","title":"t"})", out);
    EXPECT_FALSE(fields.contains("body")) << fields.dump();
    EXPECT_EQ(fields.value("title", ""), "t");
  }
}

TEST(StoredFields, IndexedDocumentsParseAsNlohmannDoes) {
  NEWSDEX_REQUIRE_CORPUS(seeds, "seeds");
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "docs");
  std::size_t copied = 0;
  for (const auto& e : std::filesystem::directory_iterator(seeds))
    if (e.path().extension() == ".txt" && copied++ < 20)
      std::filesystem::copy_file(e.path(), dir / "docs" / e.path().filename());
  testing::index_documents(dir / "docs", dir / "index");
  Xapian::Database db((dir / "index").string());
  ASSERT_GT(db.get_doccount(), 0u);
  std::size_t with_entities = 0;
  for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
    const std::string data = db.get_document(*id).get_data();
    json expected = json::parse(data);
    const std::string expected_body = expected.value("body", "");
    expected.erase("body");
    std::string body;
    const json fields = parse_stored(data, &body);
    EXPECT_EQ(fields, expected);
    EXPECT_TRUE(same_types(fields, expected));
    EXPECT_EQ(body, expected_body);
    EXPECT_EQ(parse_stored(data, nullptr).dump(), expected.dump());
    if (!expected["entities"]["person"].empty()) ++with_entities;
  }
  EXPECT_GT(with_entities, 0u);  // the entity lists, the costly part, were really compared
}

}  // namespace
}  // namespace newsdex::searchd
