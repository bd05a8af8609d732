// The document builder writes what searchd counts facets from: value slots, not only terms.
#include "document_builder.hpp"

#include <gtest/gtest.h>

#include "schema.hpp"

namespace newsdex {
namespace {

BuiltDocument build(const std::string& path, std::vector<std::string> langs) {
  SourceFile source;
  source.relative_path = path;
  source.format = Format::html;
  AnalysedArticle analysed;
  analysed.body.lang = langs.empty() ? "" : langs.front();
  analysed.body.langs = std::move(langs);
  return build_document(source, -1, Article{}, analysed, 0);
}

TEST(DocumentBuilder, FacetValuesForLanguageTypeAndFolder) {
  const BuiltDocument built = build("world/caucasus/a.html", {"en", "ru", "en"});
  EXPECT_EQ(built.doc.get_value(schema::kSlotLangs), "en\nru");  // each language once
  EXPECT_EQ(built.doc.get_value(schema::kSlotType), "text/html");
  EXPECT_EQ(built.doc.get_value(schema::kSlotFolder), "world");
}

TEST(DocumentBuilder, NoFolderOrLanguageLeavesTheSlotEmpty) {
  const BuiltDocument built = build("a.html", {});
  EXPECT_EQ(built.doc.get_value(schema::kSlotLangs), "");
  EXPECT_EQ(built.doc.get_value(schema::kSlotFolder), "");
  EXPECT_EQ(built.doc.get_value(schema::kSlotType), "text/html");
}

}  // namespace
}  // namespace newsdex
