// A parse helper for tests: speaks the real protocol and parses like newsdex-parse-helper, except
// that a document containing one of these markers makes it misbehave the way a poisoned parser
// library would:
//   newsdex-test:crash  dies of SIGSEGV          newsdex-test:hang  sleeps forever
//   newsdex-test:spin   burns CPU forever        newsdex-test:eat   allocates until refused
// The indexer is pointed at it with [indexer] parse_helper; production code knows nothing of it.
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "formats.hpp"
#include "parse_protocol.hpp"

// In a sanitizer build the crash must still reach the indexer as death by SIGSEGV, as it does in
// production, not as AddressSanitizer's report and exit status 1.
extern "C" const char* __asan_default_options() {
  return "handle_segv=0";
}

namespace {

using newsdex::Article;
using newsdex::Format;
using newsdex::Result;

Result<std::vector<Article>> misbehave(Format format, std::string_view bytes) {
  if (bytes.find("newsdex-test:crash") != bytes.npos) std::raise(SIGSEGV);
  if (bytes.find("newsdex-test:hang") != bytes.npos)
    for (;;) ::pause();
  if (bytes.find("newsdex-test:spin") != bytes.npos) {
    volatile unsigned long spins = 0;
    for (;;) spins = spins + 1;
  }
  if (bytes.find("newsdex-test:eat") != bytes.npos) {
    // Touches every page so the memory is really taken. Stops at 8 GiB, answering, so that a
    // missing limit fails the test instead of exhausting the machine.
    std::vector<std::unique_ptr<char[]>> eaten;
    for (int i = 0; i < 128; ++i) {
      eaten.emplace_back(new char[64 << 20]);
      std::memset(eaten.back().get(), 1, 64 << 20);
    }
    return newsdex::make_error(newsdex::Errc::parse_error, "ate 8 GiB: no memory limit");
  }
  return newsdex::parse_document(format, bytes);
}

}  // namespace

int main(int argc, char** argv) {
  const unsigned cpu_seconds =
      argc == 3 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10)) : 0;
  return newsdex::serve_parse_requests(STDIN_FILENO, STDOUT_FILENO, cpu_seconds, misbehave);
}
