// Parsing in a helper process (newsdex-parse-helper) with CPU-time, memory and wall-clock limits,
// for formats whose libraries have a history of crashes (poppler for PDF, libxml2 for HTML). A
// document that crashes, hangs or exhausts the helper fails with a reason; the helper is started
// again for the next one. One IsolatedParser per worker thread: the helper stays alive between
// documents, so throughput stays that of in-process parsing minus a copy through a socket.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "article.hpp"
#include "config.hpp"
#include "formats.hpp"
#include "result.hpp"

namespace newsdex {

// AddressSanitizer and ThreadSanitizer reserve terabytes of address space at start, so an
// RLIMIT_AS would stop every helper of a sanitizer build before its first document: there the
// memory limit is not applied.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kMemoryLimitApplies = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
inline constexpr bool kMemoryLimitApplies = false;
#else
inline constexpr bool kMemoryLimitApplies = true;
#endif
#else
inline constexpr bool kMemoryLimitApplies = true;
#endif

struct ParserIsolation {
  std::vector<Format> formats;  // parsed in the helper; the others in-process
  std::filesystem::path helper;
  std::chrono::milliseconds timeout{30'000};  // wall clock per document
  unsigned cpu_seconds = 20;                  // CPU time per document; 0 = no limit
  std::uint64_t memory_bytes = 1ull << 30;    // the helper's address space; 0 = no limit

  bool isolates(Format format) const;
  // The limits in words, stored with every skip record: a file skipped under other limits is
  // tried again.
  std::string limits() const;
};

// [indexer] as a ParserIsolation: parse_helper "" is newsdex-parse-helper beside the running
// program. Errc::not_found when a format is isolated and the helper is not an executable file.
Result<ParserIsolation> parser_isolation(const IndexerConfig& config);

class IsolatedParser {
 public:
  explicit IsolatedParser(ParserIsolation settings) : settings_(std::move(settings)) {}
  ~IsolatedParser();  // ends the helper
  IsolatedParser(const IsolatedParser&) = delete;
  IsolatedParser& operator=(const IsolatedParser&) = delete;

  // Errc::parse_error with the reason when the document made the helper fail (crash, limit,
  // timeout); Errc::io_error when the helper could not be run at all (not the document's fault).
  Result<std::vector<Article>> parse(Format format, std::string_view bytes);

  bool isolates(Format format) const { return settings_.isolates(format); }
  pid_t helper_pid() const { return pid_; }

 private:
  Status start();
  // Ends the helper (killing it if it still runs) and says why it stopped.
  std::string stop(bool timed_out);

  ParserIsolation settings_;
  pid_t pid_ = -1;
  int fd_ = -1;
};

}  // namespace newsdex
