// A small real index for the targets that search: the project's examples (all but the PDFs, whose
// parsing may move to helper processes) indexed once per process by the real indexer into a
// temporary folder that is removed at exit. Building it takes a second or two, so libFuzzer's
// executions stay fast afterwards.
#pragma once

#include <filesystem>

namespace newsdex::fuzz {

// The index folder; the first call builds it (and silences logging, which would drown the
// fuzzer's output). Aborts when the index cannot be built: the target would test nothing.
const std::filesystem::path& tiny_index();

}  // namespace newsdex::fuzz
