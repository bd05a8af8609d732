// Snippets mark the words a query matched through their stems, found in the term dictionary once
// per query: inflections that extend the stem ("talks" for "talk") and those that change its last
// letter ("city" for "cities", stem "citi").
#include <gtest/gtest.h>

#include "searchd_support.hpp"
#include "searcher.hpp"

namespace newsdex::searchd {
namespace {

TEST(StemHighlight, WordsMatchedThroughTheirStemsAreMarked) {
  testing::TempDir dir;
  testing::write_file(dir / "docs" / "city.txt",
                      "Council news\nMarch 3, 2024\n\nThe city council held talks about the "
                      "harbour with the mayor of the neighbouring town.\n");
  testing::index_documents(dir / "docs", dir / "index");
  Metrics metrics;
  Searcher searcher({(dir / "index").string()}, metrics);
  for (const auto& [query, marked] :
       {std::pair{"cities", "<mark>city</mark>"}, std::pair{"talking", "<mark>talks</mark>"},
        std::pair{"harbours", "<mark>harbour</mark>"}}) {
    SearchRequest request;
    request.q = query;
    auto reply = searcher.search(request);
    ASSERT_TRUE(reply.ok()) << reply.error().message;
    ASSERT_EQ(reply.value()["hits"].size(), 1u) << query;
    const std::string snippet = reply.value()["hits"][0]["snippet"];
    EXPECT_NE(snippet.find(marked), std::string::npos) << query << ": " << snippet;
  }
}

}  // namespace
}  // namespace newsdex::searchd
