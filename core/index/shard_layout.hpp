// Where an index's databases live. An index directory is either one Xapian database (the
// unsharded layout) or a Xapian stub file DIR/XAPIANDB listing a metadata database and N document
// shards, so that Xapian opens DIR as the whole index everywhere (searchd, delve, quest, Omega):
//
//   DIR/XAPIANDB            "auto shards-2/meta\nauto shards-2/00\nauto shards-2/01\n"
//   DIR/shards-2/meta       the entity table, change log, skip records and counters; no documents
//   DIR/shards-2/00, /01    the documents, each file's in shard shard_of(path, 2)
//
// The metadata database is listed first because Xapian reads metadata from a combined database's
// first member. A one-database stub ("auto shards-1/00", what resharding to 1 writes) is unsharded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "result.hpp"

namespace newsdex {

struct ShardLayout {
  std::filesystem::path meta;                 // where metadata is written
  std::vector<std::filesystem::path> shards;  // where documents are; meta itself when unsharded
  bool stub = false;                          // described by DIR/XAPIANDB
  bool sharded() const { return meta != shards.front(); }
};

// The layout of an existing index: not_found when DIR holds no index yet, invalid_argument for a
// stub this module did not write (paths outside DIR, remote entries, an empty list).
Result<ShardLayout> read_layout(const std::filesystem::path& dir);

// The layout newsdex writes for n shards (n == 1: DIR itself).
ShardLayout planned_layout(const std::filesystem::path& dir, unsigned n);

// Points DIR/XAPIANDB at layout's databases, atomically (written beside, then renamed): a reader
// opening DIR sees the old list or the new one. DIR's own database, if any, still wins over the
// stub in Xapian until its iamglass file is gone (see remove_database_files).
Status write_stub(const std::filesystem::path& dir, const ShardLayout& layout);

// Deletes the files of the Xapian database kept directly in dir, iamglass first (from then on
// Xapian no longer sees a database there), leaving every other file and directory in place.
void remove_database_files(const std::filesystem::path& dir);

// The shard a source file's documents live in: a stable hash of its relative path (the same on
// every machine and build), so one path always maps to one shard.
unsigned shard_of(std::string_view relative_path, unsigned shard_count);

}  // namespace newsdex
