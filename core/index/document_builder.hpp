// Turns a parsed, analysed article into the Xapian document the index stores: terms, values and
// document data exactly as core/index/schema.hpp and stored_record.hpp define them.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyzer.hpp"
#include "article.hpp"
#include "formats.hpp"
#include "version_signature.hpp"

namespace newsdex {

// What the indexer knows about the file an article came from.
struct SourceFile {
  std::string relative_path;  // relative to the documents dir, '/'-separated
  Format format = Format::text;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string sha256;
};

// An article's text as the analyzer saw it: the body decides the language, the title and
// byline follow it.
struct AnalysedArticle {
  Analysis body;
  std::vector<Token> title;
  std::vector<Token> byline;
};

// Runs the analyzer over an article's title, body and byline.
AnalysedArticle analyse_article(Analyzer& analyzer, const Article& article);

// A document before it is stored: its data stays a JSON object until seal(), so the writer can
// still add what only it knows (the index-wide canonical entity names).
struct BuiltDocument {
  Xapian::Document doc;
  nlohmann::json data;
  std::string id;  // schema::document_id
  // The body's near-duplicate signature and word count: the writer groups versions with them
  // (version_groups.hpp), as only it sees the other documents.
  std::optional<versions::Signature> signature;
  std::size_t body_words = 0;
};

// part: the article's index within a multi-article file (JSON array / NDJSON), or -1.
// indexed_at: nanoseconds since the epoch, stored in kSlotIndexedAt.
BuiltDocument build_document(const SourceFile& source, int part, const Article& article,
                             const AnalysedArticle& analysed, std::int64_t indexed_at);

// Stores the data in the document (stored_record::store) and returns the document.
Xapian::Document seal(BuiltDocument& built);

}  // namespace newsdex
