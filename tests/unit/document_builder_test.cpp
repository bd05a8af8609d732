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

// The writer groups versions with what the builder computed from the analysed body words.
TEST(DocumentBuilder, SignatureOfTheBodyWordsForTheWriter) {
  AnalysedArticle analysed;
  for (const char* word : {"the", "ferry", "to", "skarvik", "resumed", "on", "friday"})
    analysed.body.tokens.push_back({word, word, 0, 0});
  SourceFile source;
  source.relative_path = "wire/ferry.txt";
  const BuiltDocument built = build_document(source, 2, Article{}, analysed, 0);
  EXPECT_EQ(built.id, "wire/ferry.txt#2");
  EXPECT_EQ(built.body_words, 7u);
  std::vector<std::string_view> words;
  for (const auto& token : analysed.body.tokens) words.push_back(token.term);
  EXPECT_EQ(built.signature, versions::signature(words));
  // Grouping is the writer's: the builder adds no band, signature or group yet.
  EXPECT_EQ(built.doc.get_value(schema::kSlotVersionGroup), "");
  EXPECT_EQ(built.doc.get_value(schema::kSlotVersionSignature), "");

  analysed.body.tokens.resize(versions::kShingleWords - 1);
  EXPECT_FALSE(build_document(source, -1, Article{}, analysed, 0).signature);
}

}  // namespace
}  // namespace newsdex
