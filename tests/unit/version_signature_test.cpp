// MinHash signatures: the estimate tracks the true Jaccard similarity of 5-word shingle sets, and
// the LSH band terms are shared by near-duplicates and not by unrelated bodies.
#include "version_signature.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "invented_words.hpp"

namespace newsdex::versions {
namespace {

std::vector<std::string> body(unsigned seed, std::size_t length) {
  return testing::invented_words(seed, length);
}

std::vector<std::string_view> views(const std::vector<std::string>& words) {
  return {words.begin(), words.end()};
}

double true_jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  auto shingles = [](const std::vector<std::string>& w) {
    std::set<std::string> set;
    for (std::size_t i = 0; i + kShingleWords <= w.size(); ++i) {
      std::string s;
      for (std::size_t j = 0; j < kShingleWords; ++j) s += w[i + j] + ' ';
      set.insert(s);
    }
    return set;
  };
  const auto sa = shingles(a), sb = shingles(b);
  std::vector<std::string> common;
  std::ranges::set_intersection(sa, sb, std::back_inserter(common));
  return static_cast<double>(common.size()) / (sa.size() + sb.size() - common.size());
}

TEST(VersionSignature, IdenticalBodiesEstimateOne) {
  const auto words = body(1, 300);
  const auto a = signature(views(words)), b = signature(views(words));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
  EXPECT_DOUBLE_EQ(estimate_similarity(*a, *b), 1.0);
  EXPECT_EQ(band_terms(*a), band_terms(*b));
}

TEST(VersionSignature, UnrelatedBodiesEstimateNearZeroAndShareNoBand) {
  const auto a = signature(views(body(1, 300))), b = signature(views(body(2, 300)));
  ASSERT_TRUE(a && b);
  EXPECT_LT(estimate_similarity(*a, *b), 0.05);
  const auto ta = band_terms(*a), tb = band_terms(*b);
  for (const auto& term : ta) EXPECT_EQ(std::ranges::count(tb, term), 0) << term;
}

// A block of `changed` consecutive words replaced by others, as a writethru rewrites a passage.
TEST(VersionSignature, EstimateTracksKnownEditSizes) {
  const auto original = body(3, 400);
  for (std::size_t changed : {0u, 20u, 60u, 120u, 200u}) {
    auto edited = original;
    const auto replacement = body(100 + changed, changed);
    std::ranges::copy(replacement, edited.begin() + 100);
    const double expected = true_jaccard(original, edited);
    const auto a = signature(views(original)), b = signature(views(edited));
    ASSERT_TRUE(a && b);
    // 128 hashes: the estimate's standard deviation is at most 0.045; 3.5 of them.
    EXPECT_NEAR(estimate_similarity(*a, *b), expected, 0.16) << changed << " words changed";
  }
}

TEST(VersionSignature, CaseAndOrderOfWordsMatter) {
  auto words = body(4, 100);
  auto reversed = words;
  std::ranges::reverse(reversed);
  EXPECT_LT(estimate_similarity(*signature(views(words)), *signature(views(reversed))), 0.1);
}

TEST(VersionSignature, TooShortForAShingleHasNoSignature) {
  EXPECT_FALSE(signature(views(body(5, kShingleWords - 1))));
  EXPECT_TRUE(signature(views(body(5, kShingleWords))));
}

TEST(VersionSignature, EncodeDecodeRoundTrip) {
  const auto sig = signature(views(body(6, 50)));
  ASSERT_TRUE(sig);
  const std::string bytes = encode(*sig);
  EXPECT_EQ(bytes.size(), kHashes * 4);
  EXPECT_EQ(decode(bytes), sig);
  EXPECT_FALSE(decode(bytes.substr(1)));
  EXPECT_FALSE(decode(""));
}

TEST(VersionSignature, BandTermsAreShortAndPrefixed) {
  const auto terms = band_terms(*signature(views(body(7, 50))));
  ASSERT_EQ(terms.size(), kBands);
  EXPECT_EQ(terms[0].rfind("XMH:00:", 0), 0u) << terms[0];
  EXPECT_EQ(terms[0].size(), 4 + 2 + 1 + 8u);
}

}  // namespace
}  // namespace newsdex::versions
