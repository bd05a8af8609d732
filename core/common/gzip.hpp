// gzip streams (RFC 1952) with zlib, for HTTP bodies: searchd compresses replies, the CLI reads
// them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

// The gzip stream of `data` at `level` (1 fastest .. 9 smallest); nullopt if zlib fails.
std::optional<std::string> gzip(std::string_view data, int level);

// The data of a gzip stream; nullopt when it is not one, is cut short, or would inflate past
// max_bytes (a small reply may expand to gigabytes).
std::optional<std::string> gunzip(std::string_view data, std::size_t max_bytes);

}  // namespace newsdex
