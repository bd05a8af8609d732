#include "tiny_index.hpp"

#include <spdlog/spdlog.h>
#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "config.hpp"
#include "indexer.hpp"

namespace newsdex::fuzz {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "tiny_index: %s\n", what.c_str());
  std::abort();
}

class TinyIndex {
 public:
  TinyIndex() {
    spdlog::set_level(spdlog::level::off);
    std::string pattern = (fs::temp_directory_path() / "newsdex-fuzz-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) fail("cannot create a temporary folder");
    root_ = pattern;
    const fs::path docs = root_ / "docs";
    for (const auto& entry : fs::recursive_directory_iterator(NEWSDEX_EXAMPLES_DIR)) {
      if (!entry.is_regular_file() || entry.path().extension() == ".pdf") continue;
      const fs::path target = docs / fs::relative(entry.path(), NEWSDEX_EXAMPLES_DIR);
      fs::create_directories(target.parent_path());
      fs::copy_file(entry.path(), target);
    }
    Config config;
    config.paths.docs = docs;
    index_ = root_ / "index";
    config.paths.index = index_;
    config.indexer.workers = 1;
    config.indexer.isolate_formats = {};  // the fuzzers run the parsers in-process anyway
    auto counters = index_once(config);
    if (!counters.ok()) fail("indexing the examples failed: " + counters.error().message);
  }
  ~TinyIndex() {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  const fs::path& index() const { return index_; }

 private:
  fs::path root_;
  fs::path index_;
};

}  // namespace

const fs::path& tiny_index() {
  static const TinyIndex built;
  return built.index();
}

}  // namespace newsdex::fuzz
