#include "config.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "config_section.hpp"

namespace newsdex {
namespace {

using config_file::ConfigError;
using config_file::Section;
using config_file::where;

// Accepts "host:port" and "[v6]:port"; port 0 asks the kernel for a free port (tests use it).
bool is_host_port(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return false;
  const auto port_text = text.substr(colon + 1);
  unsigned port = 0;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  return ec == std::errc{} && end == port_text.data() + port_text.size() && port <= 65535;
}

constexpr std::uint64_t kMaxThreads = 1024;
constexpr std::uint64_t kHourMs = 3'600'000;
constexpr std::uint64_t kDayMs = 24 * kHourMs;

void read_paths(Section& s, PathsConfig& c) {
  s.read("docs", c.docs);
  s.read("index", c.index);
}

void read_indexer(Section& s, IndexerConfig& c) {
  s.read("max_file_bytes", c.max_file_bytes, 1, 1ull << 40);
  s.read("workers", c.workers, 0, kMaxThreads);
  s.read("commit_interval_ms", c.commit_interval_ms, 1, kHourMs);
  s.read("commit_interval_max_ms", c.commit_interval_max_ms, 1, kHourMs);
  s.read("commit_every_docs", c.commit_every_docs, 1, 10'000'000);
  s.read("commit_floor_ms", c.commit_floor_ms, 0, kHourMs);
  s.require(c.commit_floor_ms <= c.commit_interval_ms, "commit_floor_ms",
            "must not exceed indexer.commit_interval_ms");
  s.read("debounce_ms", c.debounce_ms, 0, 60'000);
  s.read("queue_capacity", c.queue_capacity, 1, 1'000'000);
  s.read("ignore", c.ignore, /*allow_empty_items=*/false);
  s.read("follow_external_symlinks", c.follow_external_symlinks);
  s.read("compact_after_once", c.compact_after_once);
  s.read("isolate_formats", c.isolate_formats, /*allow_empty_items=*/false);
  for (const auto& format : c.isolate_formats) {
    static constexpr std::array<std::string_view, 5> kFormats = {"text", "markdown", "html", "json",
                                                                 "pdf"};
    s.require(std::ranges::find(kFormats, format) != kFormats.end(), "isolate_formats",
              "must list only text, markdown, html, json, pdf (not '" + format + "')");
  }
  s.read("parse_helper", c.parse_helper);
  s.read("parse_timeout_ms", c.parse_timeout_ms, 1, kHourMs);
  s.read("parse_cpu_seconds", c.parse_cpu_seconds, 0, 3600);
  s.read("parse_memory_mb", c.parse_memory_mb, 0, 1u << 20);
}

void read_server(Section& s, ServerConfig& c) {
  s.read("indexes", c.indexes);
  s.read("listen", c.listen);
  s.require(is_host_port(c.listen), "listen", "must be host:port (e.g. \"127.0.0.1:8080\")");
  s.read("socket", c.socket);
  s.read("tcp_listen", c.tcp_listen);
  s.require(c.tcp_listen.empty() || is_host_port(c.tcp_listen), "tcp_listen",
            "must be host:port or \"\" (off)");
  s.read("threads", c.threads, 0, kMaxThreads);
  s.read("max_body_bytes", c.max_body_bytes, 1, 1ull << 30);
  s.read("max_query_bytes", c.max_query_bytes, 1, 1u << 20);
  s.read("max_result_window", c.max_result_window, 1, 10'000'000);
  s.read("default_limit", c.default_limit, 1, 10'000);
  s.read("max_limit", c.max_limit, 1, 10'000);
  s.read("max_related_limit", c.max_related_limit, 1, 1'000);
  s.read("snippet_length", c.snippet_length, 0, 100'000);
  s.read("max_connections", c.max_connections, 1, 1'000'000);
  s.read("header_timeout_ms", c.header_timeout_ms, 1, kHourMs);
  s.read("idle_timeout_ms", c.idle_timeout_ms, 1, kDayMs);
  s.read("cors_origins", c.cors_origins, /*allow_empty_items=*/false);
  s.read("max_json_depth", c.max_json_depth, 1, 1000);
  s.read("max_query_terms", c.max_query_terms, 1, 10'000);
  s.read("max_wildcard_expansion", c.max_wildcard_expansion, 1, 1'000'000);
  s.read("match_time_limit_ms", c.match_time_limit_ms, 0, kHourMs);
  s.read("queue_timeout_ms", c.queue_timeout_ms, 1, kHourMs);
  s.read("compression_level", c.compression_level, 0, 9);
  s.read("allow_partial", c.allow_partial);
  s.read("shard_timeout_ms", c.shard_timeout_ms, 1, kHourMs);
  s.read("shard_retry_ms", c.shard_retry_ms, 1, kHourMs);
  s.read("api_keys", c.api_keys, /*allow_empty_items=*/false);
  s.read("search_keys", c.search_keys, /*allow_empty_items=*/false);
  s.read("page_key", c.page_key);
  s.require(
      c.page_key.empty() || std::ranges::find(c.search_keys, c.page_key) != c.search_keys.end(),
      "page_key", "must be one of server.search_keys");
  s.require(c.search_keys.empty() || !c.api_keys.empty(), "search_keys",
            "needs server.api_keys too (without api_keys every request is open)");
  s.require(c.default_limit <= c.max_limit, "default_limit", "must not exceed server.max_limit");
  s.require(c.max_limit <= c.max_result_window, "max_limit",
            "must not exceed server.max_result_window");
}

void read_ranking(Section& s, RankingConfig& c) {
  s.read_real("bm25_k1", c.bm25_k1, 0, 100);
  s.read_real("bm25_b", c.bm25_b, 0, 1);
  s.read_real("title_weight", c.title_weight, 0, 100);
  s.read_real("byline_weight", c.byline_weight, 0, 100);
  s.read_real("proximity_weight", c.proximity_weight, 0, 100);
  s.read("proximity_window", c.proximity_window, 2, 100);
  s.read_real("entity_weight", c.entity_weight, 0, 100);
  s.read_real("recency_weight", c.recency_weight, 0, 100);
  s.read("recency_half_life", c.recency_half_life);
  s.require(parse_half_life(c.recency_half_life).has_value(), "recency_half_life",
            "must be a half-life such as \"12h\", \"7d\", \"2w\" or \"1y\" (at most 10 "
            "years), or \"off\"");
}

void read_alerts(Section& s, AlertsConfig& c) {
  s.read("enabled", c.enabled);
  s.read("poll_ms", c.poll_ms, 10, 60'000);
  s.read("max_subscriptions", c.max_subscriptions, 1, 1'000'000);
  s.read("max_per_connection", c.max_per_connection, 1, 1'000'000);
  s.read("max_queued_events", c.max_queued_events, 1, 1'000'000);
  s.read("heartbeat_s", c.heartbeat_s, 1, 3600);
  s.read("change_log_commits", c.change_log_commits, 1, 1'000'000);
  s.require(c.max_per_connection <= c.max_subscriptions, "max_per_connection",
            "must not exceed alerts.max_subscriptions");
}

void read_versions(Section& s, VersionsConfig& c) {
  s.read("enabled", c.enabled);
  // Below 0.3 the LSH bands (32 of 4 rows) find too few of the pairs to group them reliably.
  s.read_real("threshold", c.threshold, 0.3, 1.0);
  s.read("min_words", c.min_words, 5, 100'000);
  s.read("max_candidates", c.max_candidates, 1, 10'000);
  s.read("collapse", c.collapse);
  s.read("max_listed", c.max_listed, 1, 10'000);
  // A diff keeps edits² integers while it searches: 5,000 edits is ~100 MB, the ceiling.
  s.read("diff_max_edits", c.diff_max_edits, 0, 5'000);
}

void read_index(Section& s, IndexConfig& c) {
  s.read("shards", c.shards, 1, 64);
}

void read_replication(Section& s, ReplicationConfig& c) {
  s.read("changesets", c.changesets, 0, 1'000'000);
}

void read_log(Section& s, LogConfig& c) {
  static const std::array<std::string_view, 7> levels = {"trace", "debug",    "info", "warn",
                                                         "error", "critical", "off"};
  s.read("level", c.level);
  s.require(std::ranges::find(levels, c.level) != levels.end(), "level",
            "must be one of trace, debug, info, warn, error, critical, off");
  s.read("json", c.json);
}

Config read_config(const toml::table& root, std::string_view source) {
  using Reader = void (*)(Section&, Config&);
  struct Known {
    std::string_view name;
    Reader read;
  };
  static const std::array<Known, 9> sections = {{
      {"paths", [](Section& s, Config& c) { read_paths(s, c.paths); }},
      {"index", [](Section& s, Config& c) { read_index(s, c.index); }},
      {"indexer", [](Section& s, Config& c) { read_indexer(s, c.indexer); }},
      {"server", [](Section& s, Config& c) { read_server(s, c.server); }},
      {"ranking", [](Section& s, Config& c) { read_ranking(s, c.ranking); }},
      {"alerts", [](Section& s, Config& c) { read_alerts(s, c.alerts); }},
      {"replication", [](Section& s, Config& c) { read_replication(s, c.replication); }},
      {"versions", [](Section& s, Config& c) { read_versions(s, c.versions); }},
      {"log", [](Section& s, Config& c) { read_log(s, c.log); }},
  }};

  for (const auto& [key, node] : root) {
    // Captured by name: clang 14 (the fuzz and sanitizer builds) cannot capture a binding.
    const bool known = std::ranges::any_of(
        sections, [&name = key](const Known& k) { return k.name == name.str(); });
    if (!known) {
      throw ConfigError{Errc::invalid_argument,
                        where(source, key.source()) +
                            (node.is_table() ? "unknown section '" : "unknown key '") +
                            std::string(key.str()) + "'"};
    }
    if (!node.is_table()) {
      throw ConfigError{Errc::invalid_argument,
                        where(source, key.source()) + "'" + std::string(key.str()) +
                            "' must be a section ([" + std::string(key.str()) + "])"};
    }
  }

  Config config;
  for (const Known& known : sections) {
    Section section(root.get_as<toml::table>(known.name), std::string(known.name), source);
    known.read(section, config);
    section.reject_unknown_keys();
  }
  return config;
}

bool is_url(const std::filesystem::path& p) {
  return p.native().find("://") != std::string::npos;
}

void resolve(std::filesystem::path& p, const std::filesystem::path& base) {
  if (p.empty() || p.is_absolute() || is_url(p)) return;
  p = (base / p).lexically_normal();
}

}  // namespace

Result<Config> parse_config(std::string_view toml_text, std::string_view source) {
  try {
    const toml::table root = toml::parse(toml_text, source);
    return read_config(root, source);
  } catch (const toml::parse_error& e) {
    std::ostringstream message;
    message << source << ':' << e.source().begin.line << ':' << e.source().begin.column << ": "
            << e.description();
    return make_error(Errc::parse_error, message.str());
  } catch (const ConfigError& e) {
    return make_error(e.code, e.message);
  }
}

Result<Config> load_config(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    return make_error(Errc::not_found, "config file " + file.string() + " does not exist");
  }
  if (std::filesystem::is_directory(file, ec)) {
    return make_error(Errc::invalid_argument, "config file " + file.string() + " is a directory");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return make_error(Errc::io_error, "cannot open config file " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return make_error(Errc::io_error, "cannot read config file " + file.string());

  auto config = parse_config(text.str(), file.string());
  if (!config) return config;

  const auto base = std::filesystem::absolute(file, ec).parent_path();
  resolve(config->paths.docs, base);
  resolve(config->paths.index, base);
  if (!config->indexer.parse_helper.empty()) {
    std::filesystem::path helper = config->indexer.parse_helper;
    resolve(helper, base);
    config->indexer.parse_helper = helper.string();
  }
  for (auto& index : config->server.indexes) resolve(index, base);
  if (!config->server.socket.empty()) {
    std::filesystem::path socket = config->server.socket;
    resolve(socket, base);
    config->server.socket = socket.string();
  }
  return config;
}

std::optional<double> parse_half_life(std::string_view text) {
  if (text == "0" || text == "off") return 0.0;
  if (text.size() < 2) return std::nullopt;
  double days_per_unit = 0;
  switch (text.back()) {
    case 'h':
      days_per_unit = 1.0 / 24;
      break;
    case 'd':
      days_per_unit = 1;
      break;
    case 'w':
      days_per_unit = 7;
      break;
    case 'y':
      days_per_unit = 365;
      break;
    default:
      return std::nullopt;
  }
  unsigned count = 0;
  const std::string_view digits = text.substr(0, text.size() - 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
  if (ec != std::errc() || end != digits.data() + digits.size() || count == 0) return std::nullopt;
  const double days = count * days_per_unit;
  if (days > 3650) return std::nullopt;
  return days;
}

}  // namespace newsdex
