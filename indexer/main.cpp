#include "cli.hpp"

int main(int argc, char** argv) {
  return newsdex::run_indexer_cli(argc, argv);
}
