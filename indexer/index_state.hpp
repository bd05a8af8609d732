// What the index already holds, per source file: the size, mtime and hash recorded when it was
// indexed. Read from value streams, so it costs one pass over four slots, not a document fetch
// each (plus one pass over the id terms to find duplicates).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>

#include "schema.hpp"

namespace newsdex {

struct IndexedFile {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string sha256;
  // When it was read (or last found unchanged), in ns; `exact` false for an index of whole seconds.
  schema::IndexedAt indexed_at;
  std::string skipped;  // why its content could not be indexed; "" when it was
  // The index holds an inconsistent set of documents for this file (a duplicated id, or documents
  // of different versions): its hash is left empty so the file is parsed and replaced whole.
  bool suspect = false;
};

using IndexState = std::unordered_map<std::string, IndexedFile>;  // key: relative path

IndexState read_index_state(const Xapian::Database& db);

}  // namespace newsdex
