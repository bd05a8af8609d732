#include "index_writer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <vector>

#include "entity_terms.hpp"
#include "schema.hpp"
#include "skip_records.hpp"
#include "stored_record.hpp"
#include "version_groups.hpp"

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

// Words worth suggesting: unprefixed terms of letters only (no numbers or codes) of a plausible
// length. Prefixed terms start with an upper-case ASCII letter; indexed words are case-folded.
bool spellable(const std::string& term) {
  return term.size() >= 3 && term.size() <= 32 &&
         !std::isupper(static_cast<unsigned char>(term[0])) &&
         std::ranges::none_of(term, [](unsigned char c) { return c < 0x80 && !std::isalpha(c); });
}

// Xapian's description prefixed with the cause in plain words when it is one a person can fix.
std::string with_cause(const Xapian::Error& error) {
  const auto text = error.get_description();
  auto has = [&](std::string_view what) { return text.find(what) != std::string::npos; };
  if (has("No space left") || has("Disk quota")) return "the disk is full: " + text;
  if (has("Read-only file system") || has("Permission denied"))
    return "the index is read-only: " + text;
  return text;
}

bool older_schema(const std::string& version) {
  int number = 0;
  auto [end, ec] = std::from_chars(version.data(), version.data() + version.size(), number);
  return ec == std::errc() && end == version.data() + version.size() &&
         number < schema::kSchemaVersion;
}

}  // namespace

std::string write_failure(const std::filesystem::path& index_dir, const Xapian::Error& error) {
  return "writing the index " + index_dir.string() + " failed: " + with_cause(error);
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::open(const std::filesystem::path& index_dir,
                                                       WriteFault fault) {
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
    // Every batch is a transaction: a writer dropped after a failure cancels what it had not
    // committed instead of committing half a batch.
    db.begin_transaction();
    return std::unique_ptr<IndexWriter>(
        new IndexWriter(std::move(db), std::move(*entities), std::move(fault)));
  } catch (const Xapian::DatabaseLockError&) {
    return make_error(Errc::index_error, "another indexer holds the index " + index_dir.string() +
                                             " (Xapian's write lock is taken)");
  } catch (const Xapian::Error& e) {
    return make_error(Errc::index_error,
                      "cannot open the index " + index_dir.string() + ": " + with_cause(e));
  }
}

bool IndexWriter::apply(FileUpdate& update) {
  using Kind = FileUpdate::Kind;
  if (fault_) fault_("apply");
  if (update.moved_from && update.kind != Kind::move) remove(*update.moved_from);
  switch (update.kind) {
    case Kind::move:
      // `mv draft.txt story.txt` over an indexed story.txt: the old story goes first.
      if (*update.moved_from != update.relative_path) remove(update.relative_path);
      return move(update) > 0;
    case Kind::touch:
      return touch(update) > 0;
    case Kind::remove:
    case Kind::failed:
      // Whatever the caller believed was indexed, nothing of this path may stay.
      remove(update.relative_path);
      if (update.remember_skip) {
        record_skip(db_, {update.relative_path,
                          {update.source.size, update.source.mtime_ns, update.source.sha256,
                           update.indexed_at_s, update.error},
                          update.parse_limits});
        ++pending_;
      }
      return true;
    case Kind::replace:
      // Deleting by the file term even for a file believed new costs one lookup and makes a
      // duplicate impossible whatever the caller believed.
      remove(update.relative_path);
      for (auto& pending : update.docs) {
        auto resolved = entities_.add_document(pending.entities);
        add_entities(pending.built.doc, pending.built.data, resolved);
        auto doc = seal(pending.built);
        // Documents of one file see each other too: the transaction's documents are searchable.
        if (versions_.enabled && pending.built.signature &&
            pending.built.body_words >= versions_.min_words)
          versions::assign_group(db_, doc, pending.built.id, *pending.built.signature, versions_);
        count_spellings(doc, +1);
        changes_.added(stored_record::id_of(pending.built.data));
        db_.add_document(doc);
      }
      entities_changed_ = entities_changed_ || !update.docs.empty();
      pending_ += update.docs.size();
      return true;
  }
  return true;
}

void IndexWriter::count_spellings(const Xapian::Document& doc, int delta) {
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const auto& term = *it;
    if (!spellable(term)) continue;
    if (delta > 0)
      db_.add_spelling(term);
    else
      db_.remove_spelling(term);
  }
}

bool IndexWriter::read_records(const std::vector<Xapian::docid>& ids,
                               std::vector<std::pair<Xapian::Document, nlohmann::json>>& docs) {
  for (auto id : ids) {
    auto doc = db_.get_document(id);
    auto data = stored_record::decode_all(doc.get_data());
    if (!data) {
      spdlog::warn("document {}: {}", id, data.error().message);
      return false;
    }
    docs.emplace_back(std::move(doc), std::move(*data));
  }
  return true;
}

void IndexWriter::remove(const std::string& relative_path) {
  const auto term = schema::file_term(relative_path);
  // The entity table forgets what these documents mentioned.
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
    const auto doc = db_.get_document(*it);
    count_spellings(doc, -1);
    // A record that does not decode leaves its counts in the table (they only rank names), and
    // its removal out of the change log (its id is unknown).
    auto data =
        stored_record::decode(doc.get_data(), stored_record::kHead | stored_record::kEntities);
    if (!data) {
      spdlog::warn("document {} of {}: {}", *it, relative_path, data.error().message);
      continue;
    }
    changes_.removed(stored_record::id_of(data->fields));
    auto stored = entities_from_data(data->fields);
    if (stored.empty()) continue;
    entities_.remove_document(stored);
    entities_changed_ = true;
  }
  db_.delete_document(term);
  forget_skip(db_, relative_path);
  ++pending_;
}

std::size_t IndexWriter::touch(const FileUpdate& update) {
  const auto term = schema::file_term(update.relative_path);
  std::vector<Xapian::docid> ids(db_.postlist_begin(term), db_.postlist_end(term));
  std::vector<std::pair<Xapian::Document, nlohmann::json>> docs;
  if (!read_records(ids, docs)) return 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    // Plain references: clang 14 (the sanitizer builds) cannot capture a structured binding.
    Xapian::Document& doc = docs[i].first;
    nlohmann::json& data = docs[i].second;
    doc.add_value(schema::kSlotMtime, std::to_string(update.source.mtime_ns));
    doc.add_value(schema::kSlotIndexedAt, std::to_string(update.indexed_at_s));
    data[schema::field::kMtime] = update.source.mtime_ns;
    doc.set_data(stored_record::encode(data));
    db_.replace_document(ids[i], doc);
  }
  ++pending_;
  return ids.size();
}

std::size_t IndexWriter::move(const FileUpdate& update) {
  const auto& from = *update.moved_from;
  const auto& to = update.relative_path;
  const auto old_file = schema::file_term(from);
  std::vector<Xapian::docid> ids(db_.postlist_begin(old_file), db_.postlist_end(old_file));
  std::vector<std::pair<Xapian::Document, nlohmann::json>> docs;
  if (!read_records(ids, docs)) {
    remove(from);  // the caller reads the file again under its new name
    return 0;
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    // Plain references: clang 14 (the sanitizer builds) cannot capture a structured binding.
    Xapian::Document& doc = docs[i].first;
    nlohmann::json& data = docs[i].second;
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
    // To a saved search a renamed story is another document: the old id goes, the new one comes.
    changes_.removed(schema::document_id(from, part));
    changes_.added(schema::document_id(to, part));
    swap(schema::kPrefixFile, from, to);
    swap(schema::kPrefixFolder, schema::top_folder(from), schema::top_folder(to));
    swap(schema::kPrefixExt, schema::file_extension(from), schema::file_extension(to));
    doc.add_value(schema::kSlotSourcePath, to);
    doc.add_value(schema::kSlotMtime, std::to_string(update.source.mtime_ns));
    doc.add_value(schema::kSlotIndexedAt, std::to_string(update.indexed_at_s));
    data[schema::field::kPath] = to;
    data[schema::field::kMtime] = update.source.mtime_ns;
    doc.set_data(stored_record::encode(data));
    db_.replace_document(ids[i], doc);
  }
  ++pending_;
  return ids.size();
}

void IndexWriter::commit(const IndexerCounters& counters) {
  if (fault_) fault_("commit");
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
  record_commit_changes(db_, changes_, change_log_commits_);
  db_.commit_transaction();
  changes_.clear();
  pending_ = 0;
  db_.begin_transaction();
}

}  // namespace newsdex
