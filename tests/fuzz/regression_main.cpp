// Runs fuzz inputs through a target's LLVMFuzzerTestOneInput without libFuzzer, so the seed corpus
// and every saved crash (tests/fuzz/regressions/<target>/) run under ctest in any build, gcc
// included. Arguments are files or folders (read recursively, dot files skipped, sorted); a folder
// that does not exist counts as empty, so a target needs no regressions folder until its first
// crash.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_target.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_in(const fs::path& where) {
  std::vector<fs::path> files;
  if (fs::is_regular_file(where)) return {where};
  if (!fs::is_directory(where)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(where))
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with("."))
      files.push_back(entry.path());
  std::ranges::sort(files);
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t ran = 0;
  for (int i = 1; i < argc; ++i) {
    for (const fs::path& file : inputs_in(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.c_str());
        return 1;
      }
      const std::string bytes{std::istreambuf_iterator<char>(in), {}};
      // Printed first, so the log names the input when it crashes.
      std::fprintf(stderr, "running %s (%zu bytes)\n", file.c_str(), bytes.size());
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++ran;
    }
  }
  std::printf("%zu inputs ran without a crash\n", ran);
  return 0;
}
