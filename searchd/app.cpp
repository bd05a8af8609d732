#include "app.hpp"

#include <cstdlib>
#include <thread>

#include "search_request.hpp"

namespace newsdex::searchd {

std::vector<std::string> index_specs(const Config& config) {
  std::vector<std::string> specs;
  if (!config.paths.index.empty()) specs.push_back(config.paths.index.string());
  for (const auto& extra : config.server.indexes) specs.push_back(extra.string());
  return specs;
}

std::string socket_path(const ServerConfig& server) {
  if (server.socket == "none") return {};
  if (!server.socket.empty()) return server.socket;
  for (const char* variable : {"RUNTIME_DIRECTORY", "XDG_RUNTIME_DIR"})
    if (const char* dir = std::getenv(variable); dir && *dir)
      return std::string(dir) + "/newsdex-searchd.sock";
  return {};
}

App::App(const Config& config) {
  const ServerConfig& s = config.server;
  const unsigned threads =
      s.threads ? s.threads : std::max(1u, std::thread::hardware_concurrency());
  SearchOptions search_options;
  search_options.query.max_terms = s.max_query_terms;
  search_options.query.max_wildcard_expansion = s.max_wildcard_expansion;
  search_options.match_time_limit = std::chrono::milliseconds(s.match_time_limit_ms);
  search_options.ranking = config.ranking;
  search_options.allow_partial = s.allow_partial;
  search_options.shards = {std::chrono::milliseconds(s.shard_timeout_ms),
                           std::chrono::milliseconds(s.shard_retry_ms)};
  search_options.versions = config.versions;
  search_options.default_recency_days =
      parse_half_life(config.ranking.recency_half_life).value_or(0);
  const std::chrono::milliseconds queue_timeout(s.queue_timeout_ms);
  pool_ = std::make_unique<SearcherPool>(index_specs(config), threads, metrics_, search_options,
                                         queue_timeout);
  const AlertsConfig& a = config.alerts;
  if (a.enabled)
    alerts_ = std::make_unique<AlertHub>(
        std::make_unique<Searcher>(index_specs(config), metrics_, search_options),
        AlertOptions{std::chrono::milliseconds(a.poll_ms), a.max_subscriptions,
                     a.max_per_connection, a.max_queued_events});
  RouterOptions router_options;
  router_options.limits.max_json_depth = s.max_json_depth;
  router_options.limits.queue_timeout = queue_timeout;
  router_options.limits.max_query_bytes = s.max_query_bytes;
  router_options.limits.max_result_window = s.max_result_window;
  router_options.limits.default_limit = std::min(s.default_limit, s.max_limit);
  router_options.limits.max_limit = s.max_limit;
  router_options.limits.default_snippet = s.snippet_length;
  router_options.coverage.max_limit = s.max_related_limit;
  router_options.cors_origins = s.cors_origins;
  router_options.api_keys = s.api_keys;
  router_options.search_keys = s.search_keys;
  router_options.page_key = s.page_key;
  router_options.compression_level = static_cast<int>(s.compression_level);
  router_ = std::make_unique<Router>(*pool_, metrics_, std::move(router_options));
  router_->set_alerts(alerts_.get());
  ServerOptions server_options;
  server_options.listen = s.listen;
  server_options.socket_path = socket_path(s);
  server_options.tcp_listen = s.tcp_listen;
  server_options.threads = threads;
  server_options.max_body_bytes = s.max_body_bytes;
  server_options.max_connections = s.max_connections;
  server_options.header_timeout = std::chrono::milliseconds(s.header_timeout_ms);
  server_options.idle_timeout = std::chrono::milliseconds(s.idle_timeout_ms);
  server_options.heartbeat = std::chrono::seconds(a.heartbeat_s);
  server_options.max_queued_events = a.max_queued_events;
  server_ = std::make_unique<Server>(*router_, metrics_, std::move(server_options));
}

App::~App() {
  // The hub's thread pushes events to connections' channels, which wake the server's I/O loop:
  // it stops before the server goes.
  router_->set_alerts(nullptr);
  alerts_.reset();
}

Status App::start() {
  return server_->start();
}
void App::run(bool handle_signals) {
  server_->run(handle_signals);
}
void App::stop() {
  server_->stop();
}

}  // namespace newsdex::searchd
