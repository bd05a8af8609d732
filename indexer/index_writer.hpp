// The single writer: the only code that opens the index for writing. Applies file updates,
// records the indexer's counters in the index metadata and commits atomically.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
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
  // Opens or creates the index. Errc::conflict-like index_error when another indexer holds it.
  static Result<std::unique_ptr<IndexWriter>> open(const std::filesystem::path& index_dir,
                                                   WriteFault fault = {});

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
  void set_state(const std::string& json) { db_.set_metadata(schema::kMetaIndexerState, json); }

  // Applies entity renames, saves the entity table, writes the counters to the metadata and
  // commits: documents, table and counters always land together. Destroying the writer without
  // commit() discards what was applied since the last one (nothing half-written).
  void commit(const IndexerCounters& counters);

  // How many commits' change records the index keeps for searchd's alerts (change_log.hpp).
  void set_change_log_commits(unsigned keep) { change_log_commits_ = keep; }

  const Xapian::WritableDatabase& database() const { return db_; }
  std::uint64_t pending() const { return pending_; }  // changes since the last commit

 private:
  IndexWriter(Xapian::WritableDatabase db, EntityTable entities, WriteFault fault)
      : db_(std::move(db)), entities_(std::move(entities)), fault_(std::move(fault)) {}
  std::size_t touch(const FileUpdate& update);
  std::size_t move(const FileUpdate& update);
  // The documents and decoded records of ids, for an edit in place; false when one record does
  // not decode (the caller then re-reads the file instead).
  bool read_records(const std::vector<Xapian::docid>& ids,
                    std::vector<std::pair<Xapian::Document, nlohmann::json>>& docs);
  // The spelling data counts each word once per document holding it: added with the document,
  // removed with it (delta +1 or -1).
  void count_spellings(const Xapian::Document& doc, int delta);

  Xapian::WritableDatabase db_;
  EntityTable entities_;
  WriteFault fault_;
  VersionsConfig versions_;
  bool entities_changed_ = false;
  ChangeSet changes_;  // the documents this batch added, changed and removed
  unsigned change_log_commits_ = 1000;
  std::uint64_t pending_ = 0;
};

}  // namespace newsdex
