#include "word_offsets.hpp"

namespace newsdex {

std::string encode_word_offsets(std::span<const std::uint32_t> offsets) {
  std::string out;
  out.reserve(offsets.size() + offsets.size() / 4);
  std::uint32_t previous = 0;
  for (std::uint32_t offset : offsets) {
    std::uint32_t gap = offset >= previous ? offset - previous : 0;
    previous += gap;
    while (gap >= 0x80) {
      out.push_back(static_cast<char>((gap & 0x7f) | 0x80));
      gap >>= 7;
    }
    out.push_back(static_cast<char>(gap));
  }
  return out;
}

std::vector<std::uint32_t> decode_word_offsets(std::string_view encoded) {
  std::vector<std::uint32_t> offsets;
  offsets.reserve(encoded.size());
  std::uint32_t previous = 0;
  std::uint32_t gap = 0;
  unsigned shift = 0;
  for (char c : encoded) {
    const auto byte = static_cast<unsigned char>(c);
    if (shift < 32) gap |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
    if (byte & 0x80) {
      shift += 7;
      continue;
    }
    previous += gap;
    offsets.push_back(previous);
    gap = 0;
    shift = 0;
  }
  return offsets;
}

}  // namespace newsdex
