#include "formats.hpp"

#include <gtest/gtest.h>

#include "minimal_pdf.hpp"

namespace newsdex {
namespace {

TEST(FormatForTest, ChoosesByExtensionIgnoringCase) {
  EXPECT_EQ(format_for("a/b.txt"), Format::text);
  EXPECT_EQ(format_for("b.TEXT"), Format::text);
  EXPECT_EQ(format_for("b.md"), Format::markdown);
  EXPECT_EQ(format_for("b.Markdown"), Format::markdown);
  EXPECT_EQ(format_for("b.HTML"), Format::html);
  EXPECT_EQ(format_for("b.htm"), Format::html);
  EXPECT_EQ(format_for("b.xhtml"), Format::html);
  EXPECT_EQ(format_for("b.json"), Format::json);
  EXPECT_EQ(format_for("b.ndjson"), Format::json);
  EXPECT_EQ(format_for("b.JSONL"), Format::json);
  EXPECT_EQ(format_for("b.pdf"), Format::pdf);
  EXPECT_EQ(format_for("b.docx"), std::nullopt);
  EXPECT_EQ(format_for("README"), std::nullopt);
  EXPECT_EQ(format_for(".txt"), std::nullopt);  // a hidden file named ".txt" has no extension
}

TEST(MimeTypeTest, NamesEachFormat) {
  EXPECT_EQ(mime_type(Format::text), "text/plain");
  EXPECT_EQ(mime_type(Format::markdown), "text/markdown");
  EXPECT_EQ(mime_type(Format::html), "text/html");
  EXPECT_EQ(mime_type(Format::json), "application/json");
  EXPECT_EQ(mime_type(Format::pdf), "application/pdf");
}

TEST(ParseDocumentTest, DecodesTextBeforeParsing) {
  // "Café reopens" in windows-1252, with enough text for the detector.
  const auto result =
      parse_document(Format::text,
                     "Caf\xE9 reopens\n\nThe caf\xE9 on the square reopened on Monday after the "
                     "flood. Its owner said the d\xE9g\xE2ts were repaired \x96 at last.\n");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->front().title, "Caf\u00E9 reopens");
}

TEST(ParseDocumentTest, DispatchesEveryFormat) {
  EXPECT_EQ(parse_document(Format::markdown, "# Title\n\nText.")->front().title, "Title");
  EXPECT_EQ(parse_document(Format::html, "<title>T</title><p>Text</p>")->front().title, "T");
  EXPECT_EQ(parse_document(Format::json, R"({"title":"J","body":"Text"})")->front().title, "J");
  const auto pdf = testing::minimal_pdf({"PDF headline", "", "Body text."});
  EXPECT_EQ(parse_document(Format::pdf, pdf)->front().title, "PDF headline");
}

TEST(ParseDocumentTest, BadBytesGiveTheirReason) {
  EXPECT_EQ(parse_document(Format::text, std::string("\x7F"
                                                     "ELF\0\0\0",
                                                     7))
                .error()
                .code,
            Errc::unsupported);
  EXPECT_EQ(parse_document(Format::markdown, " \n").error().code, Errc::parse_error);
  EXPECT_EQ(parse_document(Format::json, "{\"title\": ").error().code, Errc::parse_error);
  EXPECT_EQ(parse_document(Format::pdf, "not a pdf").error().code, Errc::parse_error);
}

}  // namespace
}  // namespace newsdex
