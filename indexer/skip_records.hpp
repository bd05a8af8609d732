// Files whose content could not be indexed (a parser failed, crashed, ran out of time or memory,
// or found no text), remembered in the index metadata with their size, mtime and hash. Start-up
// reconciliation and the daemon treat such a file like an indexed one: the same bytes are never
// handed to a parser again, after a restart neither. A record goes when the file is indexed,
// disappears, or is skipped again (under its new size, mtime or path).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "index_state.hpp"

namespace newsdex {

struct SkipRecord {
  std::string path;    // relative to the documents directory
  IndexedFile file;    // size, mtime, hash, when it was read, and the reason (skipped)
  std::string limits;  // the parse limits it failed under (ParserIsolation::limits())
};

void record_skip(Xapian::WritableDatabase& db, const SkipRecord& record);
void forget_skip(Xapian::WritableDatabase& db, const std::string& path);

// Every record, by path. Unreadable records are left out (the file is then simply tried again).
std::vector<SkipRecord> read_skips(const Xapian::Database& db);

// Adds the files skipped under these limits to state; a file skipped under other limits (a longer
// timeout, more memory) is left out, so it is tried again.
void add_skips(IndexState& state, const Xapian::Database& db, const std::string& limits);

// The `--status` lines: "skipped files:  N (...)" and up to `shown` paths with their reasons.
std::string skips_report(const Xapian::Database& db, std::size_t shown = 20);

}  // namespace newsdex
