// The parse/analyse stage: one source file in, the Xapian documents to store out (or the reason it
// was skipped). Runs on worker threads; each worker owns one FileProcessor (its Analyzer is not
// thread-safe). Never touches the index.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzer.hpp"
#include "document_builder.hpp"
#include "entities.hpp"
#include "index_state.hpp"
#include "isolated_parser.hpp"

namespace newsdex {

struct FileJob {
  std::string relative_path;
  std::optional<IndexedFile> known;       // what the index holds for this file (or moved_from)
  std::optional<std::string> moved_from;  // the file was renamed from this path
};

// One article ready for the writer, with the entities it mentions (the writer resolves them
// against the index-wide entity table).
struct PendingDocument {
  BuiltDocument built;
  std::vector<Entity> entities;
};

struct FileUpdate {
  enum class Kind {
    replace,  // store docs (the file is new or its content changed)
    touch,    // same bytes, new mtime: update the recorded mtime only
    move,     // renamed from moved_from with the same bytes: rewrite ids, no re-parse
    remove,   // the file is gone: delete its documents
    failed,   // unreadable or unparseable: delete any old documents, warn with `error`
  };
  Kind kind = Kind::failed;
  std::string relative_path;
  bool was_indexed = false;               // the index held this file before
  std::optional<std::string> moved_from;  // also delete this path's documents (or move them)
  SourceFile source;
  std::vector<PendingDocument> docs;
  std::vector<std::string> langs;  // main language of each document (for the summary)
  // When the file's reading began, on the clock the kernel stamps file times with: a change made
  // after the reading began has a ctime at or after it (reconcile.hpp).
  std::int64_t indexed_at_ns = 0;
  std::string error;
  // Kind::failed because of the content itself: the writer remembers the file with `error` and
  // parse_limits until its bytes change (not for unreadable or too large files).
  bool remember_skip = false;
  std::string parse_limits;
};

class FileProcessor {
 public:
  // Formats isolation names are parsed in a helper process of this processor's own.
  FileProcessor(std::filesystem::path root, std::uint64_t max_file_bytes,
                const EntityExtractor& extractor, ParserIsolation isolation = {});

  FileUpdate process(const FileJob& job);

 private:
  Result<std::vector<Article>> parse(Format format, std::string_view bytes);

  std::filesystem::path root_;
  std::uint64_t max_file_bytes_;
  const EntityExtractor& extractor_;
  Analyzer analyzer_;
  std::string limits_;
  std::unique_ptr<IsolatedParser> isolated_;  // null when every format is parsed in-process
};

}  // namespace newsdex
