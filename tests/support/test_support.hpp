// Helpers every test shares: a private temporary directory, the shared corpora (with a clean skip
// when ../shared is absent), the project's own files, and writing small files.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex::testing {

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view child) const { return path_ / child; }

 private:
  std::filesystem::path path_;
};

// ../shared/corpus/<sub> beside the project root, or nullopt when it is not there.
std::optional<std::filesystem::path> shared_corpus(std::string_view sub);

// The project's source tree and build tree.
std::filesystem::path source_dir();
std::filesystem::path binary_dir();

// Writes bytes to path, creating parent directories.
void write_file(const std::filesystem::path& path, std::string_view bytes);

// Reads a whole file (throws std::runtime_error when it cannot).
std::string read_file(const std::filesystem::path& path);

}  // namespace newsdex::testing

// Skips the current test with a clear message when ../shared/corpus/<sub> is absent; otherwise
// declares `var` as its path.
#define NEWSDEX_REQUIRE_CORPUS(var, sub)                                                  \
  const auto var##_opt = ::newsdex::testing::shared_corpus(sub);                          \
  if (!var##_opt) GTEST_SKIP() << "../shared/corpus/" << (sub) << " is absent; skipping"; \
  const std::filesystem::path var = *var##_opt
