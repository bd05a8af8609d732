#include "schema.hpp"

#include <gtest/gtest.h>

namespace newsdex::schema {
namespace {

TEST(Schema, DocumentIdAddsThePartOfMultiArticleFiles) {
  EXPECT_EQ(document_id("world/a.json"), "world/a.json");
  EXPECT_EQ(document_id("world/a.json", 3), "world/a.json#3");
}

TEST(Schema, ShortIdsAreKeptReadable) {
  EXPECT_EQ(id_term("politics/x.txt"), "Qpolitics/x.txt");
}

TEST(Schema, LongIdsAreHashedUnderTheTermLimit) {
  std::string long_path(400, 'a');
  auto a = id_term(long_path);
  auto b = id_term(long_path + "b");
  EXPECT_LE(a.size(), kMaxTermBytes);
  EXPECT_NE(a, b);
  EXPECT_EQ(a, id_term(long_path));  // stable
}

TEST(Schema, TopFolderIsTheFirstPathComponent) {
  EXPECT_EQ(top_folder("politics/2021/a.txt"), "politics");
  EXPECT_EQ(top_folder("a.txt"), "");
}

}  // namespace
TEST(Schema, IndexedAtKeepsItsNanosecondsAndSortsAsSeconds) {
  const std::int64_t ns = 1'764'633'600'000'004'321;
  EXPECT_EQ(indexed_at_value(ns), "1764633600.000004321");
  const IndexedAt at = parse_indexed_at(indexed_at_value(ns));
  EXPECT_EQ(at.ns, ns);
  EXPECT_TRUE(at.exact);
  EXPECT_EQ(indexed_at_value(0), "0.000000000");
}

TEST(Schema, IndexedAtOfWholeSecondsIsReadAsNotExact) {
  const IndexedAt at = parse_indexed_at("1764633600");
  EXPECT_EQ(at.ns, 1'764'633'600'000'000'000);
  EXPECT_FALSE(at.exact);
  for (const char* bad : {"", "x", "-5", "12.5", "12.0000000001", "12.00000000x"}) {
    const IndexedAt read = parse_indexed_at(bad);
    EXPECT_FALSE(read.exact) << bad;
  }
  EXPECT_EQ(parse_indexed_at("").ns, 0);
  EXPECT_EQ(parse_indexed_at("-5").ns, 0);
}

}  // namespace newsdex::schema
