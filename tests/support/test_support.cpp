#include "test_support.hpp"

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace newsdex::testing {

TempDir::TempDir() {
  std::random_device random;
  auto base = std::filesystem::temp_directory_path();
  for (;;) {
    path_ = base / ("newsdex-test-" + std::to_string(random()));
    if (std::filesystem::create_directory(path_)) break;
  }
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::optional<std::filesystem::path> shared_corpus(std::string_view sub) {
  auto dir = std::filesystem::path(NEWSDEX_SHARED_DIR) / "corpus" / sub;
  if (!std::filesystem::is_directory(dir)) return std::nullopt;
  return dir;
}

std::filesystem::path source_dir() {
  return NEWSDEX_SOURCE_DIR;
}
std::filesystem::path binary_dir() {
  return NEWSDEX_BINARY_DIR;
}

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace newsdex::testing
