// The index-wide table of canonical entities. The indexer's writer thread feeds it every document's
// entities (add_document) and the stored entities of every document it deletes (remove_document),
// and stores it in the index metadata in the same commit (entity_terms.hpp), so it is never
// recomputed from scratch.
//
// Merging across documents: a place or organisation is one record per normalised key (or known
// alias such as an acronym); a person joins the record whose full name forms are compatible
// (surnames equal up to transliteration, every given name matching fully or as an initial:
// "T. Volev" ~ "Tamir Volyev", "Bashdri" ~ "Bashdhri"), so "Tamir Volyev" and "Oksana Volyev" stay
// two people. A bare surname joins only the one record with that surname.
//
// Canonical names: the most frequent full form (people) or document-level name (others), by
// reference counts that deletions decrement; equal counts go to the longer form, then the first in
// byte order, so the name never depends on the order documents came in (once settled: the indexer
// defers renames under a backlog, see defer_renames). Every change is queued as
// an EntityRename. Filter terms carry the canonical name,
// so the writer must apply take_renames() to the documents tagged with the old name in the same
// commit (apply_entity_renames in entity_terms.hpp): filters, facets and stored data then always
// agree with the table. Record ids never change and are stored with each document, so a removal
// finds its record even after renames.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entities.hpp"
#include "result.hpp"

namespace newsdex {

// One entity of one document, as the table resolved it (and as the document stores it).
struct CanonicalEntity {
  EntityType type = EntityType::place;
  std::uint64_t id = 0;  // the table's record id: stable for the record's lifetime
  std::string name;      // canonical display name, index-wide
  std::string local;     // the document-level name the extractor chose
  unsigned count = 0;    // mentions in this document
  std::vector<std::pair<std::string, unsigned>> forms;  // this document's name forms and counts
};

struct EntityRename {
  EntityType type = EntityType::place;
  std::uint64_t id = 0;
  std::string old_name;
  std::string new_name;
};

class EntityTable {
 public:
  struct Record {
    std::uint64_t id = 0;
    EntityType type = EntityType::place;
    std::string name;
    unsigned docs = 0;                      // documents referring to it
    std::map<std::string, unsigned> forms;  // surface name forms -> mentions, all documents
    std::map<std::string, unsigned> local;  // document-level names -> documents
  };

  // Resolves a document's entities to records (creating records as needed) and counts them.
  std::vector<CanonicalEntity> add_document(const std::vector<Entity>& entities);

  // Undoes add_document for a deleted or replaced document, given what that document stored.
  void remove_document(const std::vector<CanonicalEntity>& stored);

  // Canonical names changed since the last call, oldest first (several changes of one record are
  // collapsed into one).
  std::vector<EntityRename> take_renames();

  // While renames are deferred (the indexer under a backlog), a record in more than `above`
  // documents keeps its name until settle_names(); smaller ones, new ones included, are renamed at
  // once. Every rename re-tags each document of the record: a small record finds its name early
  // and cheaply, while a popular name flipping between two forms of nearly equal counts would
  // re-tag thousands of documents at every commit. `above` 0 defers every rename of a named
  // record; SIZE_MAX (the default) none.
  void defer_renames(std::size_t above) { defer_renames_above_ = above; }
  // Gives every record whose counts choose another name than it has that name (queued for
  // take_renames()), and says how many it renamed. Once settled, names are again a function of
  // the counts alone.
  std::size_t settle_names();
  // Marks every record whose stored name its counts no longer choose (a table saved while renames
  // were deferred, before a crash) for the next settle_names().
  void check_names();

  // Search-time alias lookup: the canonical name of the record that has this form ("Volev",
  // "UNSC"), else, for people, of the record whose names match it as the table merges them ("Volev"
  // finds "Tamir Volyev", "T. Volev" too); the record in most documents when several do.
  std::optional<std::string> resolve(EntityType type, std::string_view form) const;

  // Records of one type whose canonical name or one of whose forms starts a word with `prefix`
  // (folded; empty matches all), most documents first, at most `limit`.
  std::vector<const Record*> list(EntityType type, std::string_view prefix,
                                  std::size_t limit) const;

  const Record* find(std::uint64_t id) const;
  std::size_t size() const { return records_.size(); }

  std::string serialise() const;
  static Result<EntityTable> parse(std::string_view text);

  // Incremental persistence: the ids of records added, changed or removed since the last call,
  // and one record as JSON ("" once it is gone), so a commit stores only what changed.
  std::vector<std::uint64_t> take_changed();
  std::string serialise_record(std::uint64_t id) const;
  std::uint64_t next_id() const { return next_id_; }
  // Rebuilds a table from serialise_record() texts and the stored next_id.
  static Result<EntityTable> from_records(const std::vector<std::string>& records,
                                          std::uint64_t next_id);

 private:
  Record* match(const Entity& entity);
  Record& create(EntityType type);
  void index(const Record& record);
  void unindex(const Record& record);
  void rename_if_needed(Record& record);
  bool rename(Record& record);
  std::string choose_name(const Record& record) const;

  std::map<std::uint64_t, Record> records_;
  std::uint64_t next_id_ = 1;
  // Lookup keys: "p:" + surname bucket for people; "o:"/"l:" + key or alias for orgs and places.
  std::unordered_map<std::string, std::vector<std::uint64_t>> index_;
  std::map<std::pair<EntityType, std::string>, std::uint64_t> names_;  // display names in use
  std::vector<EntityRename> renames_;
  std::set<std::uint64_t> changed_;
  std::size_t defer_renames_above_ = SIZE_MAX;
  std::set<std::uint64_t> unsettled_;  // records whose rename waits for settle_names()
};

}  // namespace newsdex
