// The conversation between the indexer and newsdex-parse-helper, the process that parses documents
// whose libraries may crash, hang or eat memory. Both directions are frames: an 8-byte
// little-endian length, then that many bytes.
//   request: 1 byte Format, then the file's bytes
//   reply:   1 byte 0 (articles follow) or 1 (an Errc byte and a message follow)
// A helper answers requests one at a time until its input ends.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "article.hpp"
#include "formats.hpp"
#include "result.hpp"

namespace newsdex {

// Exit statuses by which a helper tells the indexer why it stopped.
inline constexpr int kHelperOutOfMemory = 86;  // an allocation failed (the memory limit)
inline constexpr int kHelperBadRequest = 87;   // a request it could not read

std::string encode_request(Format format, std::string_view bytes);

struct Request {
  Format format;
  std::string_view bytes;
};
// Errc::parse_error when the payload is not a request.
Result<Request> decode_request(std::string_view payload);

std::string encode_reply(const Result<std::vector<Article>>& result);

// The helper's answer, or Errc::io_error naming what is wrong with a malformed reply.
Result<Result<std::vector<Article>>> decode_reply(std::string_view payload);

// The 8-byte frame header for a payload of this size, and the size a header announces.
std::string frame_header(std::uint64_t size);
std::uint64_t frame_size(std::string_view header);

using ParseFunction = std::function<Result<std::vector<Article>>(Format, std::string_view)>;

// The helper's loop: reads requests from in_fd, parses each with at most cpu_seconds more CPU
// time (RLIMIT_CPU, 0 = none), writes replies to out_fd. Returns the exit status: 0 when the
// input ends, kHelperOutOfMemory after a failed allocation, kHelperBadRequest.
int serve_parse_requests(int in_fd, int out_fd, unsigned cpu_seconds, const ParseFunction& parse);

}  // namespace newsdex
