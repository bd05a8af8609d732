#include "cli.hpp"

int main(int argc, char** argv) {
  return newsdex::client::run_cli(argc, argv);
}
