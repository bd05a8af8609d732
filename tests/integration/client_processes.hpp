// Helpers for the client's integration tests: run a program and capture its exit code, stdout and
// stderr; start the real newsdex-searchd on a free loopback port and a unix socket, and stop it.
#pragma once

#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_support.hpp"

extern char** environ;

namespace newsdex::testing {

struct ProcessResult {
  int code = -1;
  std::string out;
  std::string err;
};

// The environment of this process with the given variables set (a nullopt value removes one).
inline std::vector<std::string> environment_with(
    const std::map<std::string, std::optional<std::string>>& changes) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string entry = *e;
    if (!changes.contains(entry.substr(0, entry.find('=')))) env.push_back(std::move(entry));
  }
  for (const auto& [name, value] : changes)
    if (value) env.push_back(name + "=" + *value);
  return env;
}

inline std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

inline int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Runs argv[0] (a path) with stdout and stderr captured through files in scratch.
inline ProcessResult run_process(
    std::vector<std::string> argv, const std::filesystem::path& scratch,
    const std::map<std::string, std::optional<std::string>>& env = {}) {
  const auto out_file = scratch / "stdout", err_file = scratch / "stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  auto environment = environment_with(env);
  auto envp = c_strings(environment);
  auto args = c_strings(argv);
  pid_t pid = 0;
  const int failed = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (failed) throw std::runtime_error("cannot start " + argv[0]);
  ProcessResult result;
  result.code = wait_for(pid);
  result.out = read_file(out_file);
  result.err = read_file(err_file);
  return result;
}

// Runs argv[0] on a pseudo-terminal (so isatty(stdout) holds); returns what it wrote there.
inline ProcessResult run_on_terminal(std::vector<std::string> argv,
                                     const std::map<std::string, std::optional<std::string>>& env) {
  auto environment = environment_with(env);
  auto envp = c_strings(environment);
  auto args = c_strings(argv);
  int terminal = -1;
  const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
  if (pid < 0) throw std::runtime_error("forkpty failed");
  if (pid == 0) {
    ::execve(args[0], args.data(), envp.data());
    ::_exit(127);
  }
  ProcessResult result;
  char buffer[4096];
  for (;;) {  // read until the child closes the terminal (EIO on Linux)
    const auto n = ::read(terminal, buffer, sizeof buffer);
    if (n > 0)
      result.out.append(buffer, static_cast<std::size_t>(n));
    else if (n < 0 && errno == EINTR)
      continue;
    else
      break;
  }
  ::close(terminal);
  result.code = wait_for(pid);
  return result;
}

// The real newsdex-searchd over an index, on 127.0.0.1 with a port of its choosing and a unix
// socket; stopped with SIGTERM on destruction.
class SearchServer {
 public:
  // extra: more flags (e.g. --config FILE, whose settings the ones above override).
  SearchServer(const std::filesystem::path& index, const std::filesystem::path& socket,
               const std::filesystem::path& log, const std::vector<std::string>& extra = {})
      : socket_(socket) {
    // stdout goes to a file rather than a pipe: the server keeps logging there after start-up.
    const auto out = log.string() + ".stdout";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<std::string> argv = {(binary_dir() / "searchd/newsdex-searchd").string(),
                                     "--index",
                                     index.string(),
                                     "--listen",
                                     "127.0.0.1:0",
                                     "--socket",
                                     socket.string(),
                                     "--threads",
                                     "2"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    auto args = c_strings(argv);
    const int failed = posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed) throw std::runtime_error("cannot start " + argv[0]);

    // The server prints "listening on http://127.0.0.1:PORT" once it accepts connections.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    std::string output;
    while (std::chrono::steady_clock::now() < deadline) {
      output = read_file(out);
      const auto at = output.find("http://");
      if (at != std::string::npos && output.find('\n', at) != std::string::npos) {
        url_ = output.substr(at, output.find('\n', at) - at);
        return;
      }
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) break;
      ::usleep(20'000);
    }
    ::kill(pid_, SIGKILL);
    wait_for(pid_);
    throw std::runtime_error("newsdex-searchd did not start: " + output + read_file(log));
  }
  ~SearchServer() {
    ::kill(pid_, SIGTERM);
    wait_for(pid_);
  }
  SearchServer(const SearchServer&) = delete;
  SearchServer& operator=(const SearchServer&) = delete;

  const std::string& url() const { return url_; }
  const std::filesystem::path& socket() const { return socket_; }

 private:
  pid_t pid_ = -1;
  std::string url_;
  std::filesystem::path socket_;
};

}  // namespace newsdex::testing
