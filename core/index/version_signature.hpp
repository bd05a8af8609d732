// Near-duplicate signatures of document bodies, for wire-story versions: MinHash over shingles of
// kShingleWords folded words (the analyzer's terms, the fold search uses), with a fixed seeded hash
// family so a signature never changes between runs or machines. The signature is cut into LSH bands
// that become boolean terms: two bodies share a band term with a probability that rises steeply
// with their similarity, so a term query finds the candidates and the signatures confirm them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::versions {

inline constexpr std::size_t kShingleWords = 5;
inline constexpr std::size_t kBands = 32;
inline constexpr std::size_t kRowsPerBand = 4;
inline constexpr std::size_t kHashes = kBands * kRowsPerBand;

// The minimum of each of kHashes hash functions over a body's shingles.
struct Signature {
  std::array<std::uint32_t, kHashes> mins{};
  friend bool operator==(const Signature&, const Signature&) = default;
};

// The signature of a body given as its folded words; nullopt when it has fewer than
// kShingleWords words (no shingle to hash).
std::optional<Signature> signature(const std::vector<std::string_view>& words);

// The estimated Jaccard similarity of the two bodies' shingle sets: the fraction of equal minima.
double estimate_similarity(const Signature& a, const Signature& b);

// One boolean term per band (schema::kPrefixVersionBand + band + ':' + hash of its rows).
std::vector<std::string> band_terms(const Signature& sig);

// The value-slot form: kHashes little-endian 32-bit minima.
std::string encode(const Signature& sig);
// nullopt when the bytes are not a signature of this layout.
std::optional<Signature> decode(std::string_view bytes);

}  // namespace newsdex::versions
