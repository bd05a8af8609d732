// `newsdex-indexer --check`: compares the index with the documents directory and lists every
// difference: documents of files no longer there, files the index lacks, stored hashes that are
// not the file's, ids held by more than one document, and the parts of one file out of step.
// Files the indexer would skip (empty, binary, broken, outside links) are not differences.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "config.hpp"
#include "result.hpp"

namespace newsdex {

struct CheckReport {
  std::vector<std::string> differences;  // one line each, sorted; empty when the two agree
  std::uint64_t files = 0;               // indexable files in the directory
  std::uint64_t documents = 0;           // documents in the index
};

// Errc::not_found when there is no index; index_error when it cannot be read.
Result<CheckReport> check_index(const Config& config);

}  // namespace newsdex
