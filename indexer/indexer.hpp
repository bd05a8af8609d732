// One-shot indexing (`newsdex-indexer --once`): reconcile the documents directory with the index
// (size and mtime first, then the content hash), parse and analyse what changed on all cores,
// write through the single writer, delete what disappeared, and commit.
#pragma once

#include <functional>

#include "config.hpp"
#include "index_writer.hpp"
#include "result.hpp"

namespace newsdex {

struct Progress {
  std::uint64_t done = 0;
  std::uint64_t total = 0;
};

struct OnceOptions {
  std::function<void(const Progress&)> on_progress;  // called from the writer thread
  WriteFault fault;                                  // test seam, see IndexWriter
};

// Errors only when the index itself cannot be opened or written (then promptly, naming the cause
// and the index, with the last commit intact); bad files are counted as skipped (each logged once
// with its reason).
Result<IndexerCounters> index_once(const Config& config, const OnceOptions& options = {});

}  // namespace newsdex
