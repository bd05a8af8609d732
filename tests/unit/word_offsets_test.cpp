#include "word_offsets.hpp"

#include <gtest/gtest.h>

#include <random>

namespace newsdex {
namespace {

TEST(WordOffsets, EmptyRoundTrips) {
  EXPECT_TRUE(encode_word_offsets({}).empty());
  EXPECT_TRUE(decode_word_offsets("").empty());
}

TEST(WordOffsets, SmallGapsTakeOneByteEach) {
  const std::vector<std::uint32_t> offsets = {0, 4, 9, 15, 127 + 15};
  const std::string encoded = encode_word_offsets(offsets);
  EXPECT_EQ(encoded.size(), offsets.size());
  EXPECT_EQ(decode_word_offsets(encoded), offsets);
}

TEST(WordOffsets, LargeGapsAndExtremesRoundTrip) {
  const std::vector<std::uint32_t> offsets = {128, 128, 16384, 2'000'000, 0xffffffffu};
  EXPECT_EQ(decode_word_offsets(encode_word_offsets(offsets)), offsets);
}

TEST(WordOffsets, RandomIncreasingSequencesRoundTrip) {
  std::mt19937 rng(42);
  for (int round = 0; round < 50; ++round) {
    std::vector<std::uint32_t> offsets;
    std::uint32_t at = 0;
    const int n = static_cast<int>(rng() % 2000);
    for (int i = 0; i < n; ++i) {
      at += rng() % (round % 2 ? 40 : 70000);
      offsets.push_back(at);
    }
    EXPECT_EQ(decode_word_offsets(encode_word_offsets(offsets)), offsets);
  }
}

TEST(WordOffsets, DecreaseIsClampedNotWrapped) {
  const std::vector<std::uint32_t> offsets = {10, 5, 20};
  EXPECT_EQ(decode_word_offsets(encode_word_offsets(offsets)),
            (std::vector<std::uint32_t>{10, 10, 20}));
}

TEST(WordOffsets, TruncatedTrailingVarintIsIgnored) {
  std::string encoded = encode_word_offsets(std::vector<std::uint32_t>{3, 300});
  encoded.pop_back();
  EXPECT_EQ(decode_word_offsets(encoded), (std::vector<std::uint32_t>{3}));
}

}  // namespace
}  // namespace newsdex
