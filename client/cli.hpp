// The `newsdex` command line: parses flags (CLI11 subcommands search, doc, stats, health, watch),
// sends one request and prints the reply (or, for watch, every event of a saved search).
#pragma once

namespace newsdex::client {

// Exit status of the newsdex command.
enum ExitCode : int {
  kExitResults = 0,      // the request succeeded and found something
  kExitNoResults = 1,    // a search with no hits, or no document with that id
  kExitUsage = 2,        // bad flags, config or request (the server's 400s included)
  kExitUnreachable = 3,  // the server cannot be reached, or answered with an error
};

int run_cli(int argc, char** argv);

}  // namespace newsdex::client
