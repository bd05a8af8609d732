#include "isolated_parser.hpp"

#include <fmt/format.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include "parse_protocol.hpp"

namespace newsdex {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kExecFailed = 127;

struct FormatName {
  std::string_view name;
  Format format;
};
constexpr std::array<FormatName, 5> kFormatNames = {{{"text", Format::text},
                                                     {"markdown", Format::markdown},
                                                     {"html", Format::html},
                                                     {"json", Format::json},
                                                     {"pdf", Format::pdf}}};

enum class Io { done, closed, timed_out };

// Moves size bytes through a socket before the deadline, never blocking past it.
Io transfer(int fd, bool sending, char* data, std::size_t size, Clock::time_point deadline) {
  while (size > 0) {
    const auto n = sending ? ::send(fd, data, size, MSG_NOSIGNAL | MSG_DONTWAIT)
                           : ::recv(fd, data, size, MSG_DONTWAIT);
    if (n > 0) {
      data += n;
      size -= static_cast<std::size_t>(n);
      continue;
    }
    if (n == 0) return Io::closed;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return Io::closed;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return Io::timed_out;
    pollfd wait{fd, static_cast<short>(sending ? POLLOUT : POLLIN), 0};
    if (::poll(&wait, 1, static_cast<int>(std::min<long long>(left, 1'000'000))) == 0)
      return Io::timed_out;
  }
  return Io::done;
}

std::string signal_name(int signal) {
  const char* abbrev = sigabbrev_np(signal);
  return abbrev ? fmt::format("SIG{}", abbrev) : fmt::format("signal {}", signal);
}

}  // namespace

bool ParserIsolation::isolates(Format format) const {
  return std::ranges::find(formats, format) != formats.end();
}

std::string ParserIsolation::limits() const {
  std::string isolated;
  for (const auto& [name, format] : kFormatNames)
    if (isolates(format)) isolated += (isolated.empty() ? "" : ",") + std::string(name);
  return fmt::format("isolate={} timeout_ms={} cpu_seconds={} memory_bytes={}", isolated,
                     timeout.count(), cpu_seconds, memory_bytes);
}

Result<ParserIsolation> parser_isolation(const IndexerConfig& config) {
  ParserIsolation settings;
  for (const auto& name : config.isolate_formats) {
    const auto known = std::ranges::find(kFormatNames, name, &FormatName::name);
    if (known == kFormatNames.end())
      return make_error(Errc::invalid_argument, "isolate_formats: unknown format '" + name + "'");
    settings.formats.push_back(known->format);
  }
  settings.timeout = std::chrono::milliseconds(config.parse_timeout_ms);
  settings.cpu_seconds = config.parse_cpu_seconds;
  settings.memory_bytes = kMemoryLimitApplies ? std::uint64_t{config.parse_memory_mb} << 20 : 0;
  settings.helper = std::filesystem::path(config.parse_helper);
  if (settings.helper.empty()) {
    std::error_code ec;
    settings.helper =
        std::filesystem::read_symlink("/proc/self/exe", ec).parent_path() / "newsdex-parse-helper";
  }
  if (!settings.formats.empty() && ::access(settings.helper.c_str(), X_OK) != 0)
    return make_error(Errc::not_found,
                      "the parse helper " + settings.helper.string() + " cannot be run (" +
                          std::strerror(errno) +
                          "): install newsdex-parse-helper beside newsdex-indexer, set [indexer] "
                          "parse_helper, or set isolate_formats = [] to parse in-process");
  return settings;
}

IsolatedParser::~IsolatedParser() {
  if (pid_ > 0) stop(false);
}

Status IsolatedParser::start() {
  const auto helper = settings_.helper.string();
  if (::access(helper.c_str(), X_OK) != 0)
    return make_error(Errc::io_error,
                      "cannot run the parse helper " + helper + ": " + std::strerror(errno));
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    return make_error(Errc::io_error,
                      std::string("cannot connect to a parse helper: ") + std::strerror(errno));
  // Everything the child needs is prepared here: after fork it may only make system calls.
  const std::string cpu = std::to_string(settings_.cpu_seconds);
  std::array<char*, 4> argv = {const_cast<char*>(helper.c_str()),
                               const_cast<char*>("--cpu-seconds"), const_cast<char*>(cpu.c_str()),
                               nullptr};
  const rlim_t memory = settings_.memory_bytes;
  const pid_t parent = ::getpid();

  const pid_t pid = ::fork();
  if (pid < 0) {
    const int error = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    return make_error(Errc::io_error,
                      std::string("cannot start a parse helper: ") + std::strerror(error));
  }
  if (pid == 0) {
    ::dup2(fds[1], STDIN_FILENO);
    ::dup2(fds[1], STDOUT_FILENO);
    // No descriptor of the indexer (the index, its lock, other helpers' sockets) outlives exec.
    if (::close_range(3, ~0U, 0) != 0)
      for (int fd = 3; fd < 65536; ++fd) ::close(fd);
    // The helper dies with the indexer, and no limit kill leaves a core file behind.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(kExecFailed);
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    if (memory) {
      const rlimit address_space{memory, memory};
      ::setrlimit(RLIMIT_AS, &address_space);
    }
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::signal(SIGPIPE, SIG_DFL);
    ::execv(argv[0], argv.data());
    ::_exit(kExecFailed);
  }
  ::close(fds[1]);
  fd_ = fds[0];
  pid_ = pid;
  return Ok{};
}

std::string IsolatedParser::stop(bool timed_out) {
  if (fd_ >= 0) ::close(fd_);  // a healthy helper sees its input end and exits
  fd_ = -1;
  const pid_t pid = std::exchange(pid_, -1);
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  // A helper whose socket broke is on its way out: give it a moment to say how before killing.
  bool reaped = false;
  for (int i = 0; i < 1000 && !reaped; ++i) {
    reaped = ::waitpid(pid, &status, WNOHANG) == pid;
    if (!reaped) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!reaped) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  if (timed_out)
    return fmt::format("parsing took longer than {} ms (parse_timeout_ms); the parser was stopped",
                       settings_.timeout.count());
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    if (signal == SIGXCPU)
      return fmt::format("parsing used more than {} s of CPU time (parse_cpu_seconds)",
                         settings_.cpu_seconds);
    if (signal == SIGKILL && !reaped) return "the parser stopped answering and was killed";
    return "the parser crashed (" + signal_name(signal) + ")";
  }
  switch (const int code = WEXITSTATUS(status)) {
    case kHelperOutOfMemory:
      return fmt::format("parsing needed more than {} MiB of memory (parse_memory_mb)",
                         settings_.memory_bytes >> 20);
    case kHelperBadRequest:
      return "the parse helper could not read its request";
    case kExecFailed:
      return "the parse helper " + settings_.helper.string() + " could not be started";
    case 0:
      return "the parser ended without answering";
    default:
      return fmt::format("the parser exited with status {}", code);
  }
}

Result<std::vector<Article>> IsolatedParser::parse(Format format, std::string_view bytes) {
  if (pid_ < 0)
    if (auto started = start(); !started) return started.error();
  const auto deadline = Clock::now() + settings_.timeout;
  auto failed = [&](Io io) -> Error {
    auto reason = stop(io == Io::timed_out);
    // A helper that never ran says nothing about the document.
    const bool not_started = reason.ends_with("could not be started");
    return Error{not_started ? Errc::io_error : Errc::parse_error, std::move(reason)};
  };

  // The request (format byte, then the file) goes out in pieces: the file is not copied.
  auto header = frame_header(bytes.size() + 1) + encode_request(format, {});
  auto io = transfer(fd_, true, header.data(), header.size(), deadline);
  if (io == Io::done)
    io = transfer(fd_, true, const_cast<char*>(bytes.data()), bytes.size(), deadline);
  if (io == Io::done) io = transfer(fd_, false, header.data(), 8, deadline);
  if (io != Io::done) return failed(io);

  // Parsed text is rarely more than a few times the file; a flood of it is the parser gone wrong.
  const std::uint64_t limit = std::max<std::uint64_t>(64ull << 20, 8 * bytes.size());
  const auto size = frame_size(std::string_view(header).substr(0, 8));
  if (size > limit) {
    stop(false);
    return make_error(Errc::parse_error,
                      fmt::format("the parser's output is larger than {} MiB", limit >> 20));
  }
  std::string reply(size, '\0');
  io = transfer(fd_, false, reply.data(), reply.size(), deadline);
  if (io != Io::done) return failed(io);
  auto decoded = decode_reply(reply);
  if (!decoded) {
    stop(false);
    return make_error(Errc::parse_error, decoded.error().message);
  }
  return std::move(*decoded);
}

}  // namespace newsdex
