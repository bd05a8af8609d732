#include "index_writer.hpp"

#include <spdlog/spdlog.h>

#include <charconv>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <vector>

#include "entity_terms.hpp"
#include "schema.hpp"

namespace newsdex {
namespace {

std::string utc_now_iso() {
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

bool older_schema(const std::string& version) {
  int number = 0;
  auto [end, ec] = std::from_chars(version.data(), version.data() + version.size(), number);
  return ec == std::errc() && end == version.data() + version.size() &&
         number < schema::kSchemaVersion;
}

}  // namespace

Result<std::unique_ptr<IndexWriter>> IndexWriter::open(const std::filesystem::path& index_dir) {
  try {
    Xapian::WritableDatabase db(index_dir.string(), Xapian::DB_CREATE_OR_OPEN);
    const auto version = db.get_metadata(schema::kMetaSchemaVersion);
    if (!version.empty() && version != std::to_string(schema::kSchemaVersion)) {
      if (!older_schema(version))
        return make_error(Errc::index_error,
                          "index " + index_dir.string() + " has schema version " + version +
                              ", newer than the version " + std::to_string(schema::kSchemaVersion) +
                              " this newsdex writes: run the newer newsdex, or index into a new "
                              "directory");
      // The documents directory holds everything the index does: an index of an older schema is
      // emptied, and reconciliation then indexes every file again.
      spdlog::warn("index {} has schema version {}; rebuilding it as version {} from the documents",
                   index_dir.string(), version, schema::kSchemaVersion);
      db.close();
      db = Xapian::WritableDatabase(index_dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    }
    db.set_metadata(schema::kMetaSchemaVersion, std::to_string(schema::kSchemaVersion));
    auto entities = load_entity_table(db);
    if (!entities)
      return make_error(Errc::index_error, "the entity table in " + index_dir.string() +
                                               " is unreadable: " + entities.error().message);
    return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(db), std::move(*entities)));
  } catch (const Xapian::DatabaseLockError&) {
    return make_error(Errc::index_error, "another indexer holds the index " + index_dir.string() +
                                             " (Xapian's write lock is taken)");
  } catch (const Xapian::Error& e) {
    return make_error(Errc::index_error,
                      "cannot open the index " + index_dir.string() + ": " + e.get_description());
  }
}

void IndexWriter::apply(FileUpdate& update) {
  using Kind = FileUpdate::Kind;
  if (update.moved_from && update.kind != Kind::move) remove(*update.moved_from);
  switch (update.kind) {
    case Kind::move:
      move(update);
      return;
    case Kind::touch:
      touch(update);
      return;
    case Kind::remove:
    case Kind::failed:
      if (update.was_indexed) remove(update.relative_path);
      return;
    case Kind::replace:
      // Deleting by the file term even for a file believed new costs one lookup and makes a
      // duplicate impossible whatever the caller believed.
      remove(update.relative_path);
      for (auto& pending : update.docs) {
        auto resolved = entities_.add_document(pending.entities);
        add_entities(pending.built.doc, pending.built.data, resolved);
        db_.add_document(seal(pending.built));
      }
      entities_changed_ = entities_changed_ || !update.docs.empty();
      for (const auto& word : update.spelling) db_.add_spelling(word);
      pending_ += update.docs.size();
      return;
  }
}

void IndexWriter::remove(const std::string& relative_path) {
  const auto term = schema::file_term(relative_path);
  // The entity table forgets what these documents mentioned.
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
    auto data = nlohmann::json::parse(db_.get_document(*it).get_data(), nullptr, false);
    auto stored = entities_from_data(data);
    if (stored.empty()) continue;
    entities_.remove_document(stored);
    entities_changed_ = true;
  }
  db_.delete_document(term);
  ++pending_;
}

void IndexWriter::touch(const FileUpdate& update) {
  const auto term = schema::file_term(update.relative_path);
  std::vector<Xapian::docid> ids(db_.postlist_begin(term), db_.postlist_end(term));
  for (auto id : ids) {
    auto doc = db_.get_document(id);
    doc.add_value(schema::kSlotMtime, std::to_string(update.source.mtime_ns));
    doc.add_value(schema::kSlotIndexedAt, std::to_string(update.indexed_at_s));
    auto data = nlohmann::json::parse(doc.get_data());
    data[schema::field::kMtime] = update.source.mtime_ns;
    doc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    db_.replace_document(id, doc);
  }
  ++pending_;
}

void IndexWriter::move(const FileUpdate& update) {
  const auto& from = *update.moved_from;
  const auto& to = update.relative_path;
  const auto old_file = schema::file_term(from);
  std::vector<Xapian::docid> ids(db_.postlist_begin(old_file), db_.postlist_end(old_file));
  for (auto id : ids) {
    auto doc = db_.get_document(id);
    auto data = nlohmann::json::parse(doc.get_data());
    const int part =
        data[schema::field::kPart].is_number() ? data[schema::field::kPart].get<int>() : -1;
    auto swap = [&](std::string_view prefix, const std::string& old_key,
                    const std::string& new_key) {
      if (!old_key.empty()) {
        auto old_term = schema::hashed_key(prefix, old_key);
        auto it = doc.termlist_begin();
        it.skip_to(old_term);
        if (it != doc.termlist_end() && *it == old_term) doc.remove_term(old_term);
      }
      if (!new_key.empty()) doc.add_boolean_term(schema::hashed_key(prefix, new_key));
    };
    swap(schema::kPrefixId, schema::document_id(from, part), schema::document_id(to, part));
    swap(schema::kPrefixFile, from, to);
    swap(schema::kPrefixFolder, schema::top_folder(from), schema::top_folder(to));
    swap(schema::kPrefixExt, schema::file_extension(from), schema::file_extension(to));
    doc.add_value(schema::kSlotSourcePath, to);
    doc.add_value(schema::kSlotMtime, std::to_string(update.source.mtime_ns));
    doc.add_value(schema::kSlotIndexedAt, std::to_string(update.indexed_at_s));
    data[schema::field::kPath] = to;
    data[schema::field::kMtime] = update.source.mtime_ns;
    doc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    db_.replace_document(id, doc);
  }
  ++pending_;
}

void IndexWriter::commit(const IndexerCounters& counters) {
  if (entities_changed_) {
    if (auto renamed = apply_entity_renames(db_, entities_.take_renames()); !renamed)
      throw Xapian::DatabaseError("re-tagging renamed entities failed: " + renamed.error().message);
    if (auto saved = save_entity_table(db_, entities_); !saved)
      throw Xapian::DatabaseError("saving the entity table failed: " + saved.error().message);
    entities_changed_ = false;
  }
  db_.set_metadata(schema::kMetaLastCommit, utc_now_iso());
  db_.set_metadata(schema::kMetaDocsIndexed, std::to_string(counters.documents));
  db_.set_metadata(schema::kMetaErrors, std::to_string(counters.skipped));
  db_.commit();
  pending_ = 0;
}

}  // namespace newsdex
