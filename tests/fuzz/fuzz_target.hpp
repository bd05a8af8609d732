// What every fuzz target shares: the libFuzzer entry point each target defines, and the check that
// turns a broken promise of the code under test into a crash the fuzzer records (libFuzzer only
// notices crashes, so a wrong answer has to become one).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace newsdex::fuzz {

// Aborts with the broken promise and some context (its first 2,000 bytes, control bytes as \xNN)
// when `holds` is false.
inline void check(bool holds, std::string_view promise, std::string_view context = {}) {
  if (holds) return;
  std::fprintf(stderr, "fuzz check failed: %.*s\n", static_cast<int>(promise.size()),
               promise.data());
  for (const char c : context.substr(0, 2000)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\n')
      std::fprintf(stderr, "\\x%02x", byte);
    else
      std::fputc(c, stderr);
  }
  std::fputc('\n', stderr);
  std::abort();
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace newsdex::fuzz
