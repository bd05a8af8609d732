// Snippets over real articles come from running prose: the project's examples and the seed
// articles (whose endnotes list "[31] Pakistan Today (Pakistan), January 24, 2021." lines) are
// indexed, and no snippet of a set of queries may be a run of reference lines, a URL or figures.
#include <gtest/gtest.h>

#include <regex>

#include "searchd_support.hpp"
#include "searcher.hpp"

namespace newsdex::searchd {
namespace {

namespace fs = std::filesystem;

// The snippet's text without the highlight tags.
std::string plain(std::string s) {
  for (const std::string tag : {"<mark>", "</mark>"})
    for (auto p = s.find(tag); p != std::string::npos; p = s.find(tag)) s.erase(p, tag.size());
  return s;
}

// Why the snippet reads as reference lines, a URL or figures rather than prose ("" if it does not).
std::string not_prose(const std::string& snippet) {
  static const std::regex note_mark(R"(\[\d+\])");
  const auto marks = std::distance(std::sregex_iterator(snippet.begin(), snippet.end(), note_mark),
                                   std::sregex_iterator());
  if (marks >= 2) return "two or more [N] note marks";
  if (snippet.find("://") != std::string::npos || snippet.find("www.") != std::string::npos)
    return "a URL";
  std::size_t digits = 0, alnum = 0;
  for (const char c : snippet) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isdigit(u)) ++digits;
    if (std::isalnum(u) || u >= 0x80) ++alnum;
  }
  if (alnum == 0 || digits * 3 > alnum) return "mostly digits";
  return {};
}

TEST(SnippetProse, ExamplesAndSeedArticlesGiveProseSnippets) {
  NEWSDEX_REQUIRE_CORPUS(seeds, "seeds");
  testing::TempDir dir;
  fs::create_directories(dir / "docs" / "seeds");
  fs::copy(testing::source_dir() / "examples", dir / "docs" / "examples",
           fs::copy_options::recursive);
  for (const auto& entry : fs::directory_iterator(seeds))
    if (entry.path().extension() == ".txt")
      fs::copy_file(entry.path(), dir / "docs" / "seeds" / entry.path().filename());
  testing::index_documents(dir / "docs", dir / "index");
  Metrics metrics;
  Searcher searcher({(dir / "index").string()}, metrics);
  std::size_t snippets = 0;
  for (const char* query : {"pakistan", "azerbaijan", "army", "baku", "karabakh", "water",
                            "festival", "flood", "bank", "caspian"}) {
    SearchRequest request;
    request.q = query;
    request.limit = 10;
    auto reply = searcher.search(request);
    ASSERT_TRUE(reply.ok()) << query << ": " << reply.error().message;
    ASSERT_FALSE(reply.value()["hits"].empty()) << query;
    for (const auto& hit : reply.value()["hits"]) {
      const std::string snippet = plain(hit.value("snippet", ""));
      if (snippet.empty()) continue;
      ++snippets;
      EXPECT_EQ(not_prose(snippet), "")
          << query << " in " << hit.value("path", "") << ": " << snippet;
      if (std::getenv("NEWSDEX_SHOW_SNIPPETS") != nullptr)
        std::cout << query << " | " << hit.value("path", "") << " | " << snippet << "\n";
    }
  }
  EXPECT_GT(snippets, 20u);
}

}  // namespace
}  // namespace newsdex::searchd
