// How entities are stored in the index (core/index/schema.hpp names the prefixes and slots):
//   - boolean terms XPERSON:/XORG:/XPLACE: + the folded (lower-cased, accent-free) canonical name,
//     so filters work;
//   - value slots kSlotPersons/kSlotOrgs/kSlotPlaces: canonical names, '\n'-separated, for facets;
//   - the field "entities" of the stored record (its own section, stored_record.hpp):
//     {"person": [{"name", "count", "id", "local", "forms"}], "org": [...], "place": [...]};
//     "id", "local" and "forms" let a deletion undo the document's counts.
// plus the entity table itself in the index metadata, and the re-tagging that keeps older documents
// in step when a canonical name changes (see entity_table.hpp).
#pragma once

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "entity_table.hpp"
#include "result.hpp"

namespace newsdex {

// The EntityTable in the index metadata: one key per record ("newsdex.entity:<id>", its JSON), so
// a commit writes only the records its documents changed, and the next record id.
inline constexpr const char* kMetaEntityRecord = "newsdex.entity:";
inline constexpr const char* kMetaEntityNextId = "newsdex.entities.next_id";

// The filter term of an entity: XPERSON:tamir volyev.
std::string entity_term(EntityType type, std::string_view canonical_name);

// Adds terms, facet values and data["entities"] for a document's resolved entities.
void add_entities(Xapian::Document& doc, nlohmann::json& data,
                  const std::vector<CanonicalEntity>& entities);

// What a stored document's data says about its entities (for EntityTable::remove_document).
std::vector<CanonicalEntity> entities_from_data(const nlohmann::json& data);

// Re-tags every document carrying an old canonical name: term, facet value and stored data.
// Call with EntityTable::take_renames() before committing. Returns the number of documents changed.
Result<std::size_t> apply_entity_renames(Xapian::WritableDatabase& db,
                                         const std::vector<EntityRename>& renames);

// Stores the records changed since the last save (and the next id) in the index metadata.
Status save_entity_table(Xapian::WritableDatabase& db, EntityTable& table);
// Loads the whole table from the index metadata. A reader overtaken by a commit gets
// Xapian::DatabaseModifiedError thrown, to reopen and retry; other failures are errors.
Result<EntityTable> load_entity_table(const Xapian::Database& db);

}  // namespace newsdex
