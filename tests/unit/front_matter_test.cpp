// read_front_matter: what yaml-cpp reads from a Markdown file's front matter, and how a block that
// is not valid YAML is still read.
#include "front_matter.hpp"

#include <gtest/gtest.h>

#include <string>

namespace newsdex {
namespace {

struct Read {
  FrontMatter front;
  std::string rest;  // the text after the front matter
};

Read read(std::string_view text) {
  Read out;
  out.rest = std::string(read_front_matter(text, out.front));
  return out;
}

TEST(FrontMatterTest, QuotedStringsFollowYaml) {
  EXPECT_EQ(read("---\ntitle: \"Breaking: talks end\"\n---\n").front.title, "Breaking: talks end");
  EXPECT_EQ(read("---\ntitle: 'Minister''s reply'\n---\n").front.title, "Minister's reply");
  EXPECT_EQ(read("---\ntitle: \"Caf\\u00e9 \\\"Nord\\\" reopens\"\n---\n").front.title,
            "Caf\u00e9 \"Nord\" reopens");
  EXPECT_EQ(read("---\ntitle: Budget # a comment\n---\n").front.title, "Budget");
}

TEST(FrontMatterTest, ListsOfAuthors) {
  EXPECT_EQ(read("---\nauthors: [\"Lima, Ana\", 'Tom Berg']\n---\n").front.author,
            "Lima, Ana, Tom Berg");
  EXPECT_EQ(read("---\nauthor:\n- Ana Lima\n- Tom Berg\n---\n").front.author, "Ana Lima, Tom Berg");
  EXPECT_EQ(read("---\nauthors:\n  - name: Ana Lima\n    email: a@x.example\n  - name: Tom Berg\n"
                 "---\n")
                .front.author,
            "Ana Lima, Tom Berg");
  EXPECT_EQ(read("---\nbyline: Ana Lima\n---\n").front.author, "Ana Lima");
}

TEST(FrontMatterTest, BlockScalarsBecomeOneLine) {
  EXPECT_EQ(read("---\ntitle: >\n  Floods close\n  the northern roads\ndate: 2021-11-24\n---\n")
                .front.title,
            "Floods close the northern roads");
  EXPECT_EQ(read("---\ntitle: |\n  Two\n  lines\n---\n").front.title, "Two lines");
}

TEST(FrontMatterTest, YamlTimestampsKeepTheWrittenDay) {
  const auto date = [](std::string_view value) {
    const auto front = read("---\ndate: " + std::string(value) + "\n---\n").front;
    return front.date ? front.date->iso() : "none";
  };
  EXPECT_EQ(date("2021-11-24"), "2021-11-24");
  EXPECT_EQ(date("2001-12-14t21:59:43.10-05:00"), "2001-12-14");
  EXPECT_EQ(date("2001-12-14 21:59:43.10 -5"), "2001-12-14");
  EXPECT_EQ(date("2021-11-24T23:30:00Z"), "2021-11-24");
  EXPECT_EQ(date("2002-1-5 9:05:00"), "2002-01-05");
  EXPECT_EQ(date("\"9 February 2021\""), "2021-02-09");
  EXPECT_EQ(date("2021-02-30"), "none");
  EXPECT_EQ(date("soon"), "none");
}

TEST(FrontMatterTest, KeysAreCaseInsensitiveAndHaveSynonyms) {
  const auto front = read(
                         "---\nTitle: Upper\nPublished: 2021-02-09\nLanguage: de-DE\n"
                         "Link: https://x.example/a\n---\n")
                         .front;
  EXPECT_EQ(front.title, "Upper");
  EXPECT_EQ(front.date->iso(), "2021-02-09");
  EXPECT_EQ(front.lang, "de-DE");
  EXPECT_EQ(front.url, "https://x.example/a");
}

TEST(FrontMatterTest, ReturnsTheTextAfterTheClosingLine) {
  EXPECT_EQ(read("---\ntitle: T\n---\nBody.\n").rest, "Body.\n");
  EXPECT_EQ(read("---\r\ntitle: T\r\n...\r\nBody.\r\n").rest, "Body.\r\n");
  EXPECT_EQ(read("---\n---\nBody.").rest, "Body.");
  EXPECT_EQ(read("---\ntitle: T\n---").rest, "");
}

TEST(FrontMatterTest, WithoutAnOpeningOrClosingLineThereIsNone) {
  for (const std::string_view text : {"title: T\n---\nBody.\n", "---\ntitle: T\nBody.\n", ""}) {
    const auto got = read(text);
    EXPECT_EQ(got.rest, text);
    EXPECT_EQ(got.front.title, "");
  }
}

TEST(FrontMatterTest, InvalidYamlIsReadEntryByEntry) {
  // yaml-cpp refuses this block for the unquoted ": " in the title; the other entries still count.
  const auto got = read(
      "---\ntitle: Breaking: talks end\nauthors:\n  - Ana Lima\n  - Tom Berg\n"
      "date: 2021-11-24\n---\nBody.\n");
  EXPECT_EQ(got.front.title, "Breaking: talks end");
  EXPECT_EQ(got.front.author, "Ana Lima, Tom Berg");
  EXPECT_EQ(got.front.date->iso(), "2021-11-24");
  EXPECT_EQ(got.rest, "Body.\n");
  EXPECT_EQ(read("---\ntitle: \"Breaking: \"talks\" end\"\n---\n").front.title,
            "Breaking: \"talks\" end");
}

TEST(FrontMatterTest, NothingYamlRefusesEscapes) {
  const std::string deep = "---\ntitle: " + std::string(100000, '[') + "\n---\nBody.";
  for (const std::string_view text :
       {std::string_view("---\n\tbad: [\n: {\n---\nBody."), std::string_view(deep),
        std::string_view("---\ntitle: \"\\ud800\"\n---\nBody."),
        std::string_view("---\njust a scalar\n---\nBody."),
        std::string_view("---\n- a list\n---\nBody."),
        std::string_view("---\ntitle: &t T\nauthor: *t\n? [complex]\n: key\n---\nBody.")}) {
    Read got;
    EXPECT_NO_THROW(got = read(text)) << text.substr(0, 40);
    EXPECT_EQ(got.rest, "Body.");
  }
}

}  // namespace
}  // namespace newsdex
