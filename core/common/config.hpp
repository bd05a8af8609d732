// The configuration both daemons share: one TOML file (config/newsdex.toml documents every key),
// then command-line flags on top. Unknown keys and wrong types are errors naming the key and line.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "result.hpp"

namespace newsdex {

struct PathsConfig {
  std::filesystem::path docs;   // [paths] docs: the documents directory
  std::filesystem::path index;  // [paths] index: the Xapian index directory
  friend bool operator==(const PathsConfig&, const PathsConfig&) = default;
};

// How the index is laid out (core/index/shard_layout.hpp, README "Sharded indexing").
struct IndexConfig {
  unsigned shards = 1;  // document databases written in parallel; changing it needs --reshard
  friend bool operator==(const IndexConfig&, const IndexConfig&) = default;
};

struct IndexerConfig {
  std::uint64_t max_file_bytes = 64ull << 20;  // larger files are skipped
  unsigned workers = 0;                        // parse/analyse threads; 0 = one per core
  unsigned commit_floor_ms = 20;               // idle: commit at once, but not more often
  unsigned commit_interval_ms = 1000;          // under a backlog: first commit after this...
  unsigned commit_interval_max_ms = 8000;      // ... then twice as long each time, up to this
  unsigned commit_every_docs = 2000;           // ... or after this many documents
  unsigned debounce_ms = 10;                   // a burst of saves of one file indexes it once
  unsigned queue_capacity = 256;               // documents in flight between stages
  std::vector<std::string> ignore = {".*", "*~", "*.swp", "*.tmp", "*.part", ".#*", "4913"};
  // Formats parsed in newsdex-parse-helper processes, within the limits below.
  std::vector<std::string> isolate_formats = {"pdf", "html"};
  std::string parse_helper;               // "" = newsdex-parse-helper beside newsdex-indexer
  unsigned parse_timeout_ms = 30'000;     // wall clock per document
  unsigned parse_cpu_seconds = 20;        // CPU time per document; 0 = no limit
  unsigned parse_memory_mb = 1024;        // a helper's address space; 0 = no limit
  bool follow_external_symlinks = false;  // also follow links whose target is outside docs
  bool compact_after_once = true;         // --once rewrites a changed index compactly
  friend bool operator==(const IndexerConfig&, const IndexerConfig&) = default;
};

struct ServerConfig {
  std::vector<std::filesystem::path> indexes;  // extra shards; [paths] index is always searched
  std::string listen = "127.0.0.1:8080";       // HTTP host:port
  std::string socket;                          // NDJSON unix socket path; "" = $RUNTIME_DIRECTORY
  std::string tcp_listen;                      // optional NDJSON over TCP, host:port; "" = off
  unsigned threads = 0;                        // worker threads; 0 = one per core
  std::uint64_t max_body_bytes = 1ull << 20;
  unsigned max_query_bytes = 4096;
  unsigned max_result_window = 10000;  // offset + limit may not exceed this
  unsigned default_limit = 10;
  unsigned max_limit = 100;
  unsigned max_related_limit = 50;  // largest limit of /documents/{id}/similar and /related
  unsigned snippet_length = 200;    // characters
  unsigned max_connections = 1024;
  unsigned header_timeout_ms = 10000;
  unsigned idle_timeout_ms = 60000;
  std::vector<std::string> cors_origins;  // allowed Origins for browsers; "*" for any
  std::vector<std::string> api_keys;      // when non-empty, every request needs a key
  std::vector<std::string> search_keys;   // keys for search, documents and health only
  std::string page_key;                   // a search key given to the search page; "" = none
  unsigned max_json_depth = 32;           // nesting of a JSON body or NDJSON line
  unsigned max_query_terms = 64;          // words and field terms in one query
  unsigned max_wildcard_expansion = 256;  // terms one wildcard may expand to
  unsigned match_time_limit_ms = 1000;    // then partial results, "exact": false; 0 = none
  unsigned queue_timeout_ms = 1000;       // wait for a free worker, then 503 overloaded
  unsigned compression_level = 4;         // gzip level for HTTP clients that accept it; 0 = off
  bool allow_partial = true;              // a shard down: answer from the others, or 503 when false
  unsigned shard_timeout_ms = 5000;       // a remote shard's connect and reply timeout
  unsigned shard_retry_ms = 1000;         // a shard left out is tried again after this long
  friend bool operator==(const ServerConfig&, const ServerConfig&) = default;
};

// Relevance ranking (searchd/ranking.hpp): BM25 over the text, plus boosts added to it. The
// defaults were chosen on the development part of bench/relevance.
struct RankingConfig {
  double bm25_k1 = 0.9;       // term-frequency saturation (Xapian's default 1.2)
  double bm25_b = 0.9;        // document-length normalisation (Xapian's default 0.75)
  double title_weight = 0.0;  // titles already count kTitleWeight times in the text
  double byline_weight = 1.0;
  double proximity_weight = 0.3;          // adjacent query words standing near each other
  unsigned proximity_window = 4;          // ... within this many positions
  double entity_weight = 2.0;             // once, for a document with an entity the query names
  double recency_weight = 2.0;            // for a story dated today, halving every half-life
  std::string recency_half_life = "off";  // "7d", "12h", "2w", "1y" or "off"
  friend bool operator==(const RankingConfig&, const RankingConfig&) = default;
};

// A half-life as days: "7d", "12h", "2w", "1y" (365 days), or "0" / "off" for none; nullopt when
// it is none of those or longer than ten years. The form of recency_half_life and of a request's
// `recency`.
std::optional<double> parse_half_life(std::string_view text);

// Saved searches that push (searchd/alerts.hpp): limits, and the change log the indexer keeps for
// them.
struct AlertsConfig {
  bool enabled = true;
  unsigned poll_ms = 100;               // how often searchd looks for a new commit
  unsigned max_subscriptions = 10'000;  // in total
  unsigned max_per_connection = 100;    // saved searches on one NDJSON connection
  unsigned max_queued_events = 1000;    // unsent events per connection, then it is dropped
  unsigned heartbeat_s = 15;            // an SSE comment this often keeps proxies from closing
  unsigned change_log_commits = 1000;   // commits the indexer keeps records of (resume window)
  friend bool operator==(const AlertsConfig&, const AlertsConfig&) = default;
};

// Wire-story versions (core/index/version_groups.hpp): near-duplicate documents are grouped at
// index time and search shows each group once. Changing the indexer's keys regroups only documents
// indexed afterwards; indexing into a new index directory regroups everything.
struct VersionsConfig {
  bool enabled = true;            // compute signatures and groups while indexing
  double threshold = 0.5;         // estimated Jaccard similarity of 5-word shingles to group
  unsigned min_words = 30;        // shorter bodies (briefs, captions) are never grouped
  unsigned max_candidates = 50;   // documents compared per new document (shared LSH bands first)
  bool collapse = true;           // searchd: one hit per group unless a request says otherwise
  unsigned max_listed = 100;      // searchd: /documents/{id}/versions lists the newest this many
  unsigned diff_max_edits = 500;  // searchd: words a diff may insert or remove, then coarse
  friend bool operator==(const VersionsConfig&, const VersionsConfig&) = default;
};

// Read replicas (README "Read replicas"): Xapian's changesets, which xapian-replicate-server sends
// to xapian-replicate on each replica host.
struct ReplicationConfig {
  unsigned changesets = 0;  // commits' changesets the indexer keeps; 0 = none (no replicas)
  friend bool operator==(const ReplicationConfig&, const ReplicationConfig&) = default;
};

struct LogConfig {
  std::string level = "info";  // trace, debug, info, warn, error, critical, off
  bool json = false;           // one JSON object per line, for log shippers
  friend bool operator==(const LogConfig&, const LogConfig&) = default;
};

struct Config {
  PathsConfig paths;
  IndexConfig index;
  IndexerConfig indexer;
  ServerConfig server;
  RankingConfig ranking;
  AlertsConfig alerts;
  ReplicationConfig replication;
  VersionsConfig versions;
  LogConfig log;
  friend bool operator==(const Config&, const Config&) = default;
};

// Parses TOML text; source names the file in error messages ("newsdex.toml:12: ...").
Result<Config> parse_config(std::string_view toml_text, std::string_view source);

// Reads and parses a config file. Relative paths inside it ([paths], indexer.parse_helper,
// server.indexes, server.socket) are taken relative to the file's folder; index entries that are
// URLs ("tcp://...") are left alone. A missing file is Errc::not_found.
Result<Config> load_config(const std::filesystem::path& file);

}  // namespace newsdex
