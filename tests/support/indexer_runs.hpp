// Running the real indexer from a test: a config over a temporary directory, files aged past the
// racy-clean margin, and one --once pass whose failure fails the test.
#pragma once

#include <filesystem>

#include "config.hpp"
#include "index_writer.hpp"

namespace newsdex::testing {

// The default config with the documents in dir/docs and the index in dir/index.
Config config_in(const std::filesystem::path& dir);

// Makes every file under dir an hour old, as in a directory that was not just written, so that
// no file is re-read only for being "racily clean".
void age_files(const std::filesystem::path& dir);

// One `newsdex-indexer --once` pass in-process. On an error the current test fails and the
// counters are all zero.
IndexerCounters index_once_checked(const Config& config);

}  // namespace newsdex::testing
