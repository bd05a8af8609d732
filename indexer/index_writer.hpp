// The single writer: the only code that opens the index for writing. Applies file updates,
// records the indexer's counters in the index metadata and commits. Unsharded, one commit holds
// documents, entity table and counters together. Sharded (shard_layout.hpp), each shard's thread
// adds and commits its own documents in parallel; the metadata database commits first, so the
// entity table is never behind the documents, and one path's documents are always in one shard.
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "change_log.hpp"
#include "config.hpp"
#include "entity_table.hpp"
#include "file_processor.hpp"
#include "result.hpp"
#include "schema.hpp"
#include "shard_layout.hpp"
#include "shard_writer.hpp"

namespace newsdex {

struct IndexerCounters {
  std::uint64_t added = 0;      // files indexed for the first time
  std::uint64_t updated = 0;    // files whose content changed
  std::uint64_t touched = 0;    // files with a new mtime but the same bytes
  std::uint64_t unchanged = 0;  // files not even read
  std::uint64_t removed = 0;    // files gone from the directory
  std::uint64_t skipped = 0;    // files that could not be indexed (warned about)
  std::uint64_t documents = 0;  // Xapian documents written (a JSON array gives several)
  std::map<std::string, std::uint64_t> languages;  // documents written per main language
};

// A seam for tests: called before every change and commit ("apply", "commit"); it may throw a
// Xapian::Error to play a full disk or a read-only index.
using WriteFault = std::function<void(std::string_view operation)>;

// "writing the index DIR failed: the disk is full (...)": the cause in words, then Xapian's text.
std::string write_failure(const std::filesystem::path& index_dir, const Xapian::Error& error);

class IndexWriter {
 public:
  // Opens or creates the index with `shards` document databases. Errc::index_error when another
  // indexer holds it, or when an existing index has another shard count (--reshard changes it).
  static Result<std::unique_ptr<IndexWriter>> open(const std::filesystem::path& index_dir,
                                                   unsigned shards = 1, WriteFault fault = {});
  ~IndexWriter();

  // Applies one processed file (its documents are moved into the index). A file renamed onto an
  // indexed one replaces it: one document per file, always. Returns false when a move or touch
  // found no documents to update (a change to them was lost): the caller must re-read the file.
  bool apply(FileUpdate& update);

  // How new documents are grouped into wire-story versions ([versions]); defaults until set.
  void set_versions(const VersionsConfig& versions) { versions_ = versions; }

  // Deletes every document cut from a source file.
  void remove(const std::string& relative_path);

  // The indexer's status (a JSON object) for `--status` and the server, written with the next
  // commit.
  void set_state(const std::string& json) { meta_.set_metadata(schema::kMetaIndexerState, json); }

  // Applies entity renames, saves the entity table, writes the counters to the metadata and
  // commits: documents, table and counters always land together. Destroying the writer without
  // commit() discards what was applied since the last one (nothing half-written).
  // Names::defer, for commits under a backlog, leaves renames of entities in many documents for
  // the next Names::settle commit (EntityTable::defer_renames): at 330,000 documents, re-tagging
  // popular entities whose most frequent form flipped at every batch was a third of --once's time.
  enum class Names { settle, defer };
  void commit(const IndexerCounters& counters, Names names = Names::settle);

  // How many commits' change records the index keeps for searchd's alerts (change_log.hpp).
  void set_change_log_commits(unsigned keep) { change_log_commits_ = keep; }

  // The whole index as committed plus this batch, for reading what it holds before writing (waits
  // for the shards' queued work; use the result before applying more).
  Xapian::Database database();
  std::uint64_t pending() const { return pending_; }  // changes since the last commit

 private:
  IndexWriter(Xapian::WritableDatabase meta, EntityTable entities, WriteFault fault)
      : meta_(std::move(meta)), entities_(std::move(entities)), fault_(std::move(fault)) {}
  ShardWriter& shard_for(std::string_view relative_path);
  void wait_all();
  std::size_t touch(const FileUpdate& update);
  std::size_t move(const FileUpdate& update);
  // Deletes a file's documents from its shard (on that shard's thread).
  void remove_documents(Xapian::WritableDatabase& db, const std::string& relative_path);
  // Sharded: groups a new document with versions in any shard (see versions_view_).
  void group_across_shards(Xapian::Document& doc, const std::string& id,
                           const versions::Signature& signature);
  void reopen_versions_view();

  std::filesystem::path dir_;
  Xapian::WritableDatabase meta_;  // the metadata database (shard 0's database when unsharded)
  // Sharded, versions are grouped here, before a document goes to its shard's thread: a search of
  // every shard's last commit plus, in memory, the signatures of this batch's documents.
  Xapian::Database versions_view_;
  Xapian::WritableDatabase versions_batch_;
  std::vector<std::unique_ptr<ShardWriter>> shards_;
  std::mutex shared_;  // guards entities_ and changes_, which shard threads update too
  EntityTable entities_;
  WriteFault fault_;
  VersionsConfig versions_;
  std::atomic<bool> entities_changed_ = false;
  ChangeSet changes_;  // the documents this batch added, changed and removed
  unsigned change_log_commits_ = 1000;
  std::uint64_t pending_ = 0;
};

// The spelling data counts each word once per document holding it: added with the document,
// removed with it (delta +1 or -1).
void count_spellings(Xapian::WritableDatabase& db, const Xapian::Document& doc, int delta);

}  // namespace newsdex
