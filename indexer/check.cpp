#include "check.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "file_processor.hpp"
#include "file_reader.hpp"
#include "isolated_parser.hpp"
#include "scanner.hpp"
#include "schema.hpp"
#include "sha256.hpp"
#include "shard_layout.hpp"
#include "skip_records.hpp"
#include "stored_record.hpp"

namespace newsdex {
namespace {

// What the index holds for one source path.
struct Indexed {
  std::vector<Xapian::docid> docs;
  std::set<std::string> hashes;
};

std::map<std::string, Indexed> indexed_paths(const Xapian::Database& db,
                                             std::vector<std::string>& differences) {
  std::map<std::string, Indexed> paths;
  std::map<Xapian::docid, std::string> hashes;
  for (auto it = db.valuestream_begin(schema::kSlotSha256);
       it != db.valuestream_end(schema::kSlotSha256); ++it)
    hashes.emplace(it.get_docid(), *it);
  Xapian::doccount with_path = 0;
  for (auto it = db.valuestream_begin(schema::kSlotSourcePath);
       it != db.valuestream_end(schema::kSlotSourcePath); ++it, ++with_path) {
    auto& entry = paths[*it];
    entry.docs.push_back(it.get_docid());
    entry.hashes.insert(hashes.contains(it.get_docid()) ? hashes[it.get_docid()] : "");
  }
  if (with_path != db.get_doccount())
    differences.push_back(
        fmt::format("{} documents carry no source path", db.get_doccount() - with_path));
  return paths;
}

// Ids held by more than one document, named by the path and part of the first.
void duplicate_ids(const Xapian::Database& db, std::vector<std::string>& differences) {
  const std::string prefix(schema::kPrefixId);
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    if (term.get_termfreq() < 2) continue;
    const auto doc = db.get_document(*db.postlist_begin(*term));
    std::string id = doc.get_value(schema::kSlotSourcePath);
    if (auto record = stored_record::decode(doc.get_data(), stored_record::kHead)) {
      const auto part = record->fields.value(schema::field::kPart, nlohmann::json());
      if (part.is_number()) id = schema::document_id(id, part.get<int>());
    }
    differences.push_back(fmt::format("{}: duplicate id ({} documents)", id, term.get_termfreq()));
  }
}

// In a sharded index, documents outside the shard their path hashes to: the indexer would not find
// them there to replace or delete them.
void misrouted(const std::filesystem::path& index, std::vector<std::string>& differences) {
  auto layout = read_layout(index);
  if (!layout || !layout->sharded()) return;
  const auto shards = static_cast<unsigned>(layout->shards.size());
  for (unsigned i = 0; i < shards; ++i) {
    Xapian::Database shard(layout->shards[i].string());
    for (auto it = shard.valuestream_begin(schema::kSlotSourcePath);
         it != shard.valuestream_end(schema::kSlotSourcePath); ++it)
      if (const auto home = shard_of(*it, shards); home != i)
        differences.push_back(fmt::format("{}: in shard {}, but its path belongs in shard {}", *it,
                                          layout->shards[i].filename().string(),
                                          layout->shards[home].filename().string()));
  }
}

}  // namespace

Result<CheckReport> check_index(const Config& config) {
  CheckReport report;
  auto& out = report.differences;
  try {
    Xapian::Database db(config.paths.index.string());
    report.documents = db.get_doccount();
    duplicate_ids(db, out);
    misrouted(config.paths.index, out);
    auto indexed = indexed_paths(db, out);

    const auto scan = scan_documents(config.paths.docs, IgnoreRules(config.indexer.ignore),
                                     config.indexer.follow_external_symlinks);
    report.files = scan.files.size();
    for (const auto& problem : scan.problems) {
      auto found = indexed.find(problem.relative_path);
      if (found == indexed.end()) continue;
      out.push_back(fmt::format("{}: not indexable ({}) but the index holds {} documents",
                                problem.relative_path, problem.reason, found->second.docs.size()));
      indexed.erase(found);
    }

    // A file skipped for its content is not a difference while its bytes are the ones skipped.
    std::map<std::string, std::string> skipped;  // path -> sha256 of the skipped bytes
    for (auto& record : read_skips(db)) skipped.emplace(record.path, record.file.sha256);

    std::optional<EntityExtractor> extractor;  // built only if a file is missing
    std::optional<FileProcessor> processor;
    for (const auto& file : scan.files) {
      auto found = indexed.find(file.relative_path);
      if (found == indexed.end()) {
        if (auto skip = skipped.find(file.relative_path); skip != skipped.end()) {
          auto bytes =
              read_file(config.paths.docs / file.relative_path, config.indexer.max_file_bytes);
          if (bytes && sha256_hex(bytes->bytes) == skip->second) continue;
        }
        // Not a difference when the indexer would skip the file too. Parsed as the indexer
        // parses it (in a helper process for isolated formats), so a poison file cannot crash
        // the check either.
        if (!processor) {
          auto isolation = parser_isolation(config.indexer);
          if (!isolation) return isolation.error();
          processor.emplace(config.paths.docs, config.indexer.max_file_bytes, extractor.emplace(),
                            *isolation);
        }
        auto update = processor->process({file.relative_path, std::nullopt, std::nullopt});
        if (update.kind == FileUpdate::Kind::replace)
          out.push_back(fmt::format("{}: missing from the index", file.relative_path));
        continue;
      }
      const auto& [docs, hashes] = found->second;
      const auto file_docs = db.get_termfreq(schema::file_term(file.relative_path));
      if (file_docs != docs.size())
        out.push_back(fmt::format("{}: {} documents carry its path, {} its file term",
                                  file.relative_path, docs.size(), file_docs));
      auto bytes = read_file(config.paths.docs / file.relative_path, config.indexer.max_file_bytes);
      if (!bytes) {
        out.push_back(fmt::format("{}: unreadable now ({}) but the index holds {} documents",
                                  file.relative_path, bytes.error().message, docs.size()));
      } else if (const auto hash = sha256_hex(bytes->bytes);
                 hashes.size() != 1 || *hashes.begin() != hash) {
        out.push_back(fmt::format("{}: stale (index has sha256 {}, the file {})",
                                  file.relative_path,
                                  hashes.size() == 1 ? hashes.begin()->substr(0, 12)
                                                     : fmt::format("of {} versions", hashes.size()),
                                  hash.substr(0, 12)));
      }
      indexed.erase(found);
    }
    for (const auto& [path, entry] : indexed)
      out.push_back(fmt::format("{}: not on disk, but the index holds {} documents", path,
                                entry.docs.size()));
  } catch (const Xapian::DatabaseOpeningError& e) {
    return make_error(Errc::not_found,
                      "no index at " + config.paths.index.string() + ": " + e.get_description());
  } catch (const Xapian::Error& e) {
    return make_error(Errc::index_error, "cannot read the index " + config.paths.index.string() +
                                             ": " + e.get_description());
  }
  std::ranges::sort(out);
  return report;
}

}  // namespace newsdex
