// A child process for integration tests: started with posix_spawn, its stdout and stderr going
// to a file, signalled and waited for with a bound, and killed if the test forgets it.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace newsdex::testing {

class ChildProcess {
 public:
  // argv[0] is the program path. Output (stdout and stderr) is appended to output_file.
  ChildProcess(std::vector<std::string> argv, std::filesystem::path output_file);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  void signal(int signal_number) const;

  // The exit status (128 + signal when killed by one), or nullopt if still running at `limit`.
  std::optional<int> wait_for(std::chrono::milliseconds limit);

  // What the process has written so far.
  std::string output() const;

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
  std::filesystem::path output_file_;
};

// The path of a program this build produced, e.g. built_program("indexer/newsdex-indexer").
std::string built_program(const std::string& relative);

}  // namespace newsdex::testing
