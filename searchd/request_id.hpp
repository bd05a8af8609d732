// Request ids tie a response to the server's log lines: every response carries one (the
// X-Request-Id header, and "request_id" in error bodies), and internal error details are logged
// under it instead of being sent to the client.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex::searchd {

class RequestIds {
 public:
  RequestIds();

  // The id a client or proxy sent (X-Request-Id) when it is 1-64 characters of [A-Za-z0-9._-],
  // else a new one: this process's random prefix and a counter ("3f2a9c1e-42").
  std::string next(std::string_view given = {});

 private:
  std::string prefix_;
  std::atomic<std::uint64_t> counter_{0};
};

}  // namespace newsdex::searchd
