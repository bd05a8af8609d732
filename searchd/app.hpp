// The search daemon assembled: config -> metrics, a pool of searchers over the index shards, the
// router and the server. Owns everything; no globals. newsdex-searchd's main() is a thin shell.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "alerts.hpp"
#include "config.hpp"
#include "metrics.hpp"
#include "result.hpp"
#include "router.hpp"
#include "searcher_pool.hpp"
#include "server.hpp"

namespace newsdex::searchd {

// The index specs a config names: [paths] index first, then [server] indexes.
std::vector<std::string> index_specs(const Config& config);

// The NDJSON socket path: [server] socket, "" = $RUNTIME_DIRECTORY (systemd) or $XDG_RUNTIME_DIR,
// "none" = off.
std::string socket_path(const ServerConfig& server);

class App {
 public:
  explicit App(const Config& config);
  ~App();

  Status start();
  void run(bool handle_signals = true);
  void stop();
  Server& server() { return *server_; }
  Metrics& metrics() { return metrics_; }

 private:
  Metrics metrics_;
  std::unique_ptr<SearcherPool> pool_;
  std::unique_ptr<AlertHub> alerts_;  // null when alerts.enabled is false
  std::unique_ptr<Router> router_;
  std::unique_ptr<Server> server_;
};

}  // namespace newsdex::searchd
