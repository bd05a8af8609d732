// newsdex-searchd: the search server. Flags override the config file.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "app.hpp"
#include "logging.hpp"

int main(int argc, char** argv) {
  CLI::App cli{"newsdex-searchd: JSON search over HTTP and NDJSON sockets"};
  std::string config_file, listen, socket, tcp_listen;
  std::vector<std::string> indexes;
  unsigned threads = 0;
  cli.add_option("--config", config_file, "TOML config file (config/newsdex.toml documents it)");
  cli.add_option("--index", indexes, "index directory or tcp://host:port shard (repeatable)");
  cli.add_option("--listen", listen, "HTTP host:port (port 0 picks a free port)");
  cli.add_option("--socket", socket, "NDJSON unix socket path ('none' = off)");
  cli.add_option("--tcp-listen", tcp_listen, "NDJSON over TCP host:port");
  cli.add_option("--threads", threads, "worker threads (0 = one per core)");
  CLI11_PARSE(cli, argc, argv);

  newsdex::Config config;
  if (!config_file.empty()) {
    auto loaded = newsdex::load_config(config_file);
    if (!loaded) {
      spdlog::error("{}", loaded.error().message);
      return 2;
    }
    config = std::move(loaded.value());
  }
  if (!indexes.empty()) {
    config.paths.index = indexes.front();
    config.server.indexes.assign(indexes.begin() + 1, indexes.end());
  }
  if (!listen.empty()) config.server.listen = listen;
  if (!socket.empty()) config.server.socket = socket;
  if (!tcp_listen.empty()) config.server.tcp_listen = tcp_listen;
  if (threads) config.server.threads = threads;
  if (auto logging = newsdex::configure_logging(config.log); !logging) {
    std::fprintf(stderr, "%s\n", logging.error().message.c_str());
    return 2;
  }
  if (config.paths.index.empty()) {
    spdlog::error("no index: give --index DIR or [paths] index in --config");
    return 2;
  }

  newsdex::searchd::App app(config);
  if (auto started = app.start(); !started) {
    spdlog::error("{}", started.error().message);
    return 1;
  }
  if (auto port = app.server().http_port()) {
    // On stdout, for scripts and tests that start the server on port 0.
    std::printf("listening on http://127.0.0.1:%u\n", static_cast<unsigned>(port));
    std::fflush(stdout);
  }
  spdlog::info("newsdex-searchd serving {}", newsdex::searchd::index_specs(config).front());
  app.run();
  spdlog::info("newsdex-searchd stopped");
  return 0;
}
