#include "schema.hpp"

#include <gtest/gtest.h>

namespace newsdex::schema {
namespace {

TEST(Schema, DocumentIdAddsThePartOfMultiArticleFiles) {
  EXPECT_EQ(document_id("world/a.json"), "world/a.json");
  EXPECT_EQ(document_id("world/a.json", 3), "world/a.json#3");
}

TEST(Schema, ShortIdsAreKeptReadable) { EXPECT_EQ(id_term("politics/x.txt"), "Qpolitics/x.txt"); }

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
}  // namespace newsdex::schema
