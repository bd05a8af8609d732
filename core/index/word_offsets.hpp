// The encoding of value slot kSlotWordOffsets: the byte offset in the stored body of every body
// word (word i has position i + 1), so a snippet is cut straight out of the body from the positions
// of the matched terms. Offsets are non-decreasing; each is stored as the difference from the
// previous one as an unsigned LEB128 varint (one byte for gaps under 128, ~1 KB for a typical
// article).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

// Encodes offsets that never decrease (a decrease is stored as a zero gap, keeping the order).
std::string encode_word_offsets(std::span<const std::uint32_t> offsets);

// Decodes what encode_word_offsets() produced; a truncated trailing varint is ignored.
std::vector<std::uint32_t> decode_word_offsets(std::string_view encoded);

}  // namespace newsdex
