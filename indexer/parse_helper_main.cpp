// newsdex-parse-helper: parses documents for newsdex-indexer in a process of its own, so that a
// file which crashes, hangs or exhausts a parser library costs that file only. Speaks the framed
// protocol of parse_protocol.hpp on stdin/stdout; started and limited by the indexer.
//   newsdex-parse-helper [--cpu-seconds N]
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "formats.hpp"
#include "parse_protocol.hpp"

int main(int argc, char** argv) {
  unsigned cpu_seconds = 0;
  if (argc == 3 && std::string_view(argv[1]) == "--cpu-seconds") {
    cpu_seconds = static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10));
  } else if (argc != 1) {
    std::fprintf(stderr,
                 "usage: newsdex-parse-helper [--cpu-seconds N] (run by newsdex-indexer)\n");
    return 2;
  }
  // The protocol gets private descriptors; whatever a library prints lands on stderr instead.
  const int in = ::dup(STDIN_FILENO);
  const int out = ::dup(STDOUT_FILENO);
  const int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (in < 0 || out < 0 || null < 0 || ::dup2(null, STDIN_FILENO) < 0 ||
      ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    std::perror("newsdex-parse-helper");
    return 2;
  }
  return newsdex::serve_parse_requests(in, out, cpu_seconds, newsdex::parse_document);
}
