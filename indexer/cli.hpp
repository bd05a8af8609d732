// The newsdex-indexer command line: flags over the config file, then the requested mode.
#pragma once

namespace newsdex {

// Exit status: 0 done, 1 the index could not be opened or written, 2 bad usage or config.
int run_indexer_cli(int argc, char** argv);

}  // namespace newsdex
