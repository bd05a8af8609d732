#include "indexer_runs.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "indexer.hpp"

namespace newsdex::testing {

Config config_in(const std::filesystem::path& dir) {
  Config config;
  config.paths.docs = dir / "docs";
  config.paths.index = dir / "index";
  return config;
}

void age_files(const std::filesystem::path& dir) {
  const auto old = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) std::filesystem::last_write_time(entry.path(), old);
}

IndexerCounters index_once_checked(const Config& config) {
  auto counters = index_once(config);
  if (counters.ok()) return *counters;
  ADD_FAILURE() << "indexing " << config.paths.docs << " failed: " << counters.error().message;
  return {};
}

}  // namespace newsdex::testing
