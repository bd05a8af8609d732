#include "index_writer.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "entity_terms.hpp"
#include "schema.hpp"
#include "skip_records.hpp"
#include "stored_record.hpp"
#include "version_groups.hpp"
#include "version_signature.hpp"

namespace newsdex {
namespace {

// Renames re-tagging at most this many documents happen in the commit that finds them; larger
// ones wait until the backlog is through (EntityTable::defer_renames).
constexpr std::size_t kRetagAtOnce = 200;

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

namespace {

// Opens (or creates) one database of the layout, creating its parent folders.
Xapian::WritableDatabase open_database(const std::filesystem::path& path, int action) {
  std::error_code ignored;
  std::filesystem::create_directories(path.parent_path(), ignored);
  return Xapian::WritableDatabase(path.string(), action);
}

}  // namespace

Result<std::unique_ptr<IndexWriter>> IndexWriter::open(const std::filesystem::path& index_dir,
                                                       unsigned shards, WriteFault fault) {
  auto layout = read_layout(index_dir);
  const bool fresh = !layout && layout.error().code == Errc::not_found;
  if (!layout && !fresh) return layout.error();
  if (fresh) layout = planned_layout(index_dir, shards);
  if (layout->shards.size() != shards)
    return make_error(Errc::index_error,
                      fmt::format("the index {} has {} shard(s), not the {} asked for ([index] "
                                  "shards or --shards): run `newsdex-indexer --reshard {}` to "
                                  "change it (nothing is parsed again), or ask for {}",
                                  index_dir.string(), layout->shards.size(), shards, shards,
                                  layout->shards.size()));
  try {
    auto meta = open_database(layout->meta, Xapian::DB_CREATE_OR_OPEN);
    int action = Xapian::DB_CREATE_OR_OPEN;
    const auto version = meta.get_metadata(schema::kMetaSchemaVersion);
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
      meta.close();
      action = Xapian::DB_CREATE_OR_OVERWRITE;
      meta = open_database(layout->meta, action);
    }
    meta.set_metadata(schema::kMetaSchemaVersion, std::to_string(schema::kSchemaVersion));
    auto entities = load_entity_table(meta);
    if (!entities)
      return make_error(Errc::index_error, "the entity table in " + index_dir.string() +
                                               " is unreadable: " + entities.error().message);
    // Renames of entities in many documents wait for commits that settle names
    // (IndexWriter::commit); a table saved while they waited, before a crash, settles at the
    // first of those.
    entities->defer_renames(kRetagAtOnce);
    entities->check_names();
    auto writer =
        std::unique_ptr<IndexWriter>(new IndexWriter(meta, std::move(*entities), std::move(fault)));
    if (!layout->sharded()) {
      writer->shards_.push_back(std::make_unique<ShardWriter>(meta, false));
    } else {
      for (const auto& path : layout->shards) {
        auto db = open_database(path, action);
        // Every batch is a transaction (see below), in each shard too.
        db.begin_transaction();
        writer->shards_.push_back(std::make_unique<ShardWriter>(std::move(db), true));
      }
      if (fresh)
        if (auto written = write_stub(index_dir, *layout); !written) return written.error();
      writer->dir_ = index_dir;
      writer->reopen_versions_view();
    }
    // Every batch is a transaction: a writer dropped after a failure cancels what it had not
    // committed instead of committing half a batch.
    writer->meta_.begin_transaction();
    return writer;
  } catch (const Xapian::DatabaseLockError&) {
    return make_error(Errc::index_error, "another indexer holds the index " + index_dir.string() +
                                             " (Xapian's write lock is taken)");
  } catch (const Xapian::Error& e) {
    return make_error(Errc::index_error,
                      "cannot open the index " + index_dir.string() + ": " + with_cause(e));
  }
}

IndexWriter::~IndexWriter() = default;

ShardWriter& IndexWriter::shard_for(std::string_view relative_path) {
  return *shards_[shard_of(relative_path, static_cast<unsigned>(shards_.size()))];
}

void IndexWriter::wait_all() {
  for (auto& shard : shards_) shard->wait();
}

Xapian::Database IndexWriter::database() {
  wait_all();
  if (shards_.size() == 1) return meta_;
  Xapian::Database all;
  all.add_database(meta_);
  for (auto& shard : shards_) all.add_database(shard->db());
  return all;
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
        record_skip(meta_, {update.relative_path,
                            {update.source.size,
                             update.source.mtime_ns,
                             update.source.sha256,
                             {update.indexed_at_ns, true},
                             update.error},
                            update.parse_limits});
        ++pending_;
      }
      return true;
    case Kind::replace:
      break;
  }
  // Deleting by the file term even for a file believed new costs one lookup and makes a
  // duplicate impossible whatever the caller believed.
  remove(update.relative_path);
  struct Ready {
    Xapian::Document doc;
    std::string id;
    std::optional<versions::Signature> signature;
  };
  std::vector<Ready> ready;
  for (auto& pending : update.docs) {
    std::vector<CanonicalEntity> resolved;
    {
      std::lock_guard lock(shared_);
      resolved = entities_.add_document(pending.entities);
    }
    add_entities(pending.built.doc, pending.built.data, resolved);
    Ready next{seal(pending.built), stored_record::id_of(pending.built.data), {}};
    if (versions_.enabled && pending.built.signature &&
        pending.built.body_words >= versions_.min_words) {
      if (shards_.size() > 1)
        group_across_shards(next.doc, next.id, *pending.built.signature);
      else
        next.signature = pending.built.signature;  // grouped as it is added, as before
    }
    // The shard's thread gets the only handle: Xapian's reference counts are not atomic.
    pending.built.doc = Xapian::Document();
    ready.push_back(std::move(next));
  }
  entities_changed_ = entities_changed_ || !update.docs.empty();
  pending_ += update.docs.size();
  shard_for(update.relative_path).run([this, ready = std::move(ready)](auto& db) mutable {
    for (auto& next : ready) {
      // Documents of one file see each other too: the transaction's documents are searchable.
      if (next.signature) versions::assign_group(db, next.doc, next.id, *next.signature, versions_);
      count_spellings(db, next.doc, +1);
      {
        std::lock_guard lock(shared_);
        changes_.added(next.id);
      }
      db.add_document(next.doc);
    }
  });
  return true;
}

void IndexWriter::group_across_shards(Xapian::Document& doc, const std::string& id,
                                      const versions::Signature& signature) {
  const auto group = versions::assign_group(versions_view_, doc, id, signature, versions_).group;
  // What assign_group reads of a candidate: its bands, signature and group.
  Xapian::Document slim;
  for (const auto& term : versions::band_terms(signature)) slim.add_boolean_term(term);
  slim.add_value(schema::kSlotVersionSignature, doc.get_value(schema::kSlotVersionSignature));
  slim.add_value(schema::kSlotVersionGroup, group);
  versions_batch_.add_document(slim);
}

void IndexWriter::reopen_versions_view() {
  versions_batch_ = Xapian::InMemory::open();
  versions_view_ = Xapian::Database(dir_.string());
  versions_view_.add_database(versions_batch_);
}

void count_spellings(Xapian::WritableDatabase& db, const Xapian::Document& doc, int delta) {
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const auto& term = *it;
    if (!spellable(term)) continue;
    if (delta > 0)
      db.add_spelling(term);
    else
      db.remove_spelling(term);
  }
}

namespace {

// The documents and decoded records of ids, for an edit in place; false when one record does not
// decode (the caller then re-reads the file instead).
bool read_records(Xapian::WritableDatabase& db, const std::vector<Xapian::docid>& ids,
                  std::vector<std::pair<Xapian::Document, nlohmann::json>>& docs) {
  for (auto id : ids) {
    auto doc = db.get_document(id);
    auto data = stored_record::decode_all(doc.get_data());
    if (!data) {
      spdlog::warn("document {}: {}", id, data.error().message);
      return false;
    }
    docs.emplace_back(std::move(doc), std::move(*data));
  }
  return true;
}

}  // namespace

void IndexWriter::remove(const std::string& relative_path) {
  forget_skip(meta_, relative_path);
  ++pending_;
  shard_for(relative_path).run([this, relative_path](auto& db) {
    remove_documents(db, relative_path);
  });
}

void IndexWriter::remove_documents(Xapian::WritableDatabase& db, const std::string& relative_path) {
  const auto term = schema::file_term(relative_path);
  // The entity table forgets what these documents mentioned.
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    const auto doc = db.get_document(*it);
    count_spellings(db, doc, -1);
    // A record that does not decode leaves its counts in the table (they only rank names), and
    // its removal out of the change log (its id is unknown).
    auto data =
        stored_record::decode(doc.get_data(), stored_record::kHead | stored_record::kEntities);
    if (!data) {
      spdlog::warn("document {} of {}: {}", *it, relative_path, data.error().message);
      continue;
    }
    auto stored = entities_from_data(data->fields);
    std::lock_guard lock(shared_);
    changes_.removed(stored_record::id_of(data->fields));
    if (stored.empty()) continue;
    entities_.remove_document(stored);
    entities_changed_ = true;
  }
  db.delete_document(term);
}

std::size_t IndexWriter::touch(const FileUpdate& update) {
  auto& shard = shard_for(update.relative_path);
  shard.wait();  // a rare edit in place, done here with the shard's thread idle
  auto& db = shard.db();
  const auto term = schema::file_term(update.relative_path);
  std::vector<Xapian::docid> ids(db.postlist_begin(term), db.postlist_end(term));
  std::vector<std::pair<Xapian::Document, nlohmann::json>> docs;
  if (!read_records(db, ids, docs)) return 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    // Plain references: clang 14 (the sanitizer builds) cannot capture a structured binding.
    Xapian::Document& doc = docs[i].first;
    nlohmann::json& data = docs[i].second;
    doc.add_value(schema::kSlotMtime, std::to_string(update.source.mtime_ns));
    doc.add_value(schema::kSlotIndexedAt, schema::indexed_at_value(update.indexed_at_ns));
    data[schema::field::kMtime] = update.source.mtime_ns;
    doc.set_data(stored_record::encode(data));
    db.replace_document(ids[i], doc);
  }
  ++pending_;
  return ids.size();
}

std::size_t IndexWriter::move(const FileUpdate& update) {
  const auto& from = *update.moved_from;
  const auto& to = update.relative_path;
  // A rare edit in place, done here with both shards' threads idle.
  auto& source = shard_for(from);
  auto& target = shard_for(to);
  source.wait();
  target.wait();
  auto& db = source.db();
  const auto old_file = schema::file_term(from);
  std::vector<Xapian::docid> ids(db.postlist_begin(old_file), db.postlist_end(old_file));
  std::vector<std::pair<Xapian::Document, nlohmann::json>> docs;
  if (!read_records(db, ids, docs)) {
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
    {
      // To a saved search a renamed story is another document: the old id goes, the new one
      // comes. (Other shards' threads may be removing documents meanwhile.)
      std::lock_guard lock(shared_);
      changes_.removed(schema::document_id(from, part));
      changes_.added(schema::document_id(to, part));
    }
    swap(schema::kPrefixFile, from, to);
    swap(schema::kPrefixFolder, schema::top_folder(from), schema::top_folder(to));
    swap(schema::kPrefixExt, schema::file_extension(from), schema::file_extension(to));
    doc.add_value(schema::kSlotSourcePath, to);
    doc.add_value(schema::kSlotMtime, std::to_string(update.source.mtime_ns));
    doc.add_value(schema::kSlotIndexedAt, schema::indexed_at_value(update.indexed_at_ns));
    data[schema::field::kPath] = to;
    data[schema::field::kMtime] = update.source.mtime_ns;
    doc.set_data(stored_record::encode(data));
    if (&source == &target) {
      db.replace_document(ids[i], doc);
    } else {
      // Into the shard the new path belongs to; the entity table's counts stay as they are.
      count_spellings(db, doc, -1);
      count_spellings(target.db(), doc, +1);
      target.db().add_document(doc);
      db.delete_document(ids[i]);
    }
  }
  ++pending_;
  return ids.size();
}

void IndexWriter::commit(const IndexerCounters& counters, Names names) {
  if (fault_) fault_("commit");
  wait_all();
  // Settling may rename records no document of this batch touched.
  if (names == Names::settle && entities_.settle_names() > 0) entities_changed_ = true;
  if (entities_changed_) {
    const auto renames = entities_.take_renames();
    std::size_t retagged = 0;
    for (auto& shard : shards_) {
      auto renamed = apply_entity_renames(shard->db(), renames);
      if (!renamed)
        throw Xapian::DatabaseError("re-tagging renamed entities failed: " +
                                    renamed.error().message);
      retagged += *renamed;
    }
    if (!renames.empty())
      spdlog::debug("{} entities renamed: {} documents re-tagged", renames.size(), retagged);
    if (auto saved = save_entity_table(meta_, entities_); !saved)
      throw Xapian::DatabaseError("saving the entity table failed: " + saved.error().message);
    entities_changed_ = false;
  }
  meta_.set_metadata(schema::kMetaLastCommit, utc_now_iso());
  meta_.set_metadata(schema::kMetaDocsIndexed, std::to_string(counters.documents));
  meta_.set_metadata(schema::kMetaErrors, std::to_string(counters.skipped));
  if (shards_.size() == 1) {
    record_commit_changes(meta_, changes_, change_log_commits_);
    meta_.commit_transaction();
    meta_.begin_transaction();
  } else {
    // Metadata first: a crash before the shards commit leaves the table counting documents that
    // are not there (they are indexed again at start-up, and counts only rank names), never
    // documents naming entities the table does not know. The change log goes last, once its
    // documents can be read, as saved searches look them up as soon as they see it.
    meta_.commit_transaction();
    for (auto& shard : shards_)
      shard->run([](auto& db) {
        db.commit_transaction();
        db.begin_transaction();
      });
    wait_all();
    reopen_versions_view();
    if (!changes_.empty()) {
      record_commit_changes(meta_, changes_, change_log_commits_);
      meta_.commit();
    }
    meta_.begin_transaction();
  }
  changes_.clear();
  pending_ = 0;
}

}  // namespace newsdex
