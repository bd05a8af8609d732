#include "version_signature.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "schema.hpp"

namespace newsdex::versions {
namespace {

// splitmix64's finaliser: a cheap, well-mixed 64-bit permutation.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 0xCBF29CE484222325ull) {
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001B3ull;
  return h;
}

// The seeds of the hash family: fixed, so that signatures in an index stay comparable with those
// of documents indexed by any later run.
const std::array<std::uint64_t, kHashes>& seeds() {
  static const auto table = [] {
    std::array<std::uint64_t, kHashes> s{};
    for (std::size_t i = 0; i < kHashes; ++i) s[i] = mix(0x6E657773646578ull + i);  // "newsdex"
    return s;
  }();
  return table;
}

}  // namespace

std::optional<Signature> signature(const std::vector<std::string_view>& words) {
  if (words.size() < kShingleWords) return std::nullopt;
  std::vector<std::uint64_t> word_hashes(words.size());
  std::ranges::transform(words, word_hashes.begin(), [](std::string_view w) { return fnv1a(w); });
  // Shingles as sets: a repeated shingle counts once, as Jaccard similarity wants.
  std::vector<std::uint64_t> shingles;
  shingles.reserve(words.size() - kShingleWords + 1);
  for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t j = 0; j < kShingleWords; ++j) h = mix(h ^ word_hashes[i + j]);
    shingles.push_back(h);
  }
  std::ranges::sort(shingles);
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  Signature sig;
  sig.mins.fill(std::numeric_limits<std::uint32_t>::max());
  const auto& seed = seeds();
  for (std::uint64_t shingle : shingles)
    for (std::size_t i = 0; i < kHashes; ++i)
      sig.mins[i] = std::min(sig.mins[i], static_cast<std::uint32_t>(mix(shingle ^ seed[i]) >> 32));
  return sig;
}

double estimate_similarity(const Signature& a, const Signature& b) {
  std::size_t equal = 0;
  for (std::size_t i = 0; i < kHashes; ++i) equal += a.mins[i] == b.mins[i];
  return static_cast<double>(equal) / kHashes;
}

std::vector<std::string> band_terms(const Signature& sig) {
  std::vector<std::string> terms;
  terms.reserve(kBands);
  for (std::size_t band = 0; band < kBands; ++band) {
    std::uint64_t h = band;
    for (std::size_t row = 0; row < kRowsPerBand; ++row)
      h = mix(h ^ sig.mins[band * kRowsPerBand + row]);
    // 32 bits of the band's hash: a chance collision only costs one signature comparison.
    char text[16];
    std::snprintf(text, sizeof text, "%02zx:%08x", band, static_cast<unsigned>(h >> 32));
    terms.push_back(std::string(schema::kPrefixVersionBand) + text);
  }
  return terms;
}

std::string encode(const Signature& sig) {
  std::string bytes;
  bytes.reserve(kHashes * 4);
  for (std::uint32_t v : sig.mins)
    for (int shift = 0; shift < 32; shift += 8) bytes.push_back(static_cast<char>(v >> shift));
  return bytes;
}

std::optional<Signature> decode(std::string_view bytes) {
  if (bytes.size() != kHashes * 4) return std::nullopt;
  Signature sig;
  for (std::size_t i = 0; i < kHashes; ++i) {
    std::uint32_t v = 0;
    for (int b = 0; b < 4; ++b)
      v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i * 4 + b])) << (8 * b);
    sig.mins[i] = v;
  }
  return sig;
}

}  // namespace newsdex::versions
