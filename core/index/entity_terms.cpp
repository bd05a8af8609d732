#include "entity_terms.hpp"

#include <algorithm>

#include "normalize.hpp"
#include "schema.hpp"
#include "stored_record.hpp"

namespace newsdex {
namespace {

std::string_view prefix_of(EntityType type) {
  switch (type) {
    case EntityType::person:
      return schema::kPrefixPerson;
    case EntityType::org:
      return schema::kPrefixOrg;
    case EntityType::place:
      return schema::kPrefixPlace;
  }
  return schema::kPrefixPlace;
}

unsigned slot_of(EntityType type) {
  switch (type) {
    case EntityType::person:
      return schema::kSlotPersons;
    case EntityType::org:
      return schema::kSlotOrgs;
    case EntityType::place:
      return schema::kSlotPlaces;
  }
  return schema::kSlotPlaces;
}

constexpr EntityType kTypes[] = {EntityType::person, EntityType::org, EntityType::place};

std::string join_names(const nlohmann::json& list) {
  std::string out;
  for (const auto& e : list) {
    if (!out.empty()) out += '\n';
    out += e.at("name").get<std::string>();
  }
  return out;
}

}  // namespace

std::string entity_term(EntityType type, std::string_view canonical_name) {
  return schema::hashed_key(prefix_of(type), fold(canonical_name));
}

void add_entities(Xapian::Document& doc, nlohmann::json& data,
                  const std::vector<CanonicalEntity>& entities) {
  nlohmann::json stored = {{"person", nlohmann::json::array()},
                           {"org", nlohmann::json::array()},
                           {"place", nlohmann::json::array()}};
  std::vector<const CanonicalEntity*> sorted;
  for (const CanonicalEntity& e : entities) sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](auto* a, auto* b) { return a->count > b->count; });
  for (const CanonicalEntity* e : sorted) {
    doc.add_boolean_term(entity_term(e->type, e->name));
    nlohmann::json forms = nlohmann::json::object();
    for (const auto& [form, n] : e->forms) forms[form] = forms.value(form, 0u) + n;
    stored[std::string(to_string(e->type))].push_back({{"name", e->name},
                                                       {"count", e->count},
                                                       {"id", e->id},
                                                       {"local", e->local},
                                                       {"forms", std::move(forms)}});
  }
  for (EntityType type : kTypes) {
    const auto& list = stored[std::string(to_string(type))];
    if (!list.empty()) doc.add_value(slot_of(type), join_names(list));
  }
  data[schema::field::kEntities] = std::move(stored);
}

std::vector<CanonicalEntity> entities_from_data(const nlohmann::json& data) {
  std::vector<CanonicalEntity> out;
  if (!data.is_object() || !data.contains(schema::field::kEntities)) return out;
  const auto& stored = data.at(schema::field::kEntities);
  for (EntityType type : kTypes) {
    const auto it = stored.find(std::string(to_string(type)));
    if (it == stored.end()) continue;
    for (const auto& e : *it) {
      CanonicalEntity c;
      c.type = type;
      c.name = e.value("name", "");
      c.count = e.value("count", 0u);
      c.id = e.value("id", std::uint64_t{0});
      c.local = e.value("local", c.name);
      if (const auto f = e.find("forms"); f != e.end() && f->is_object()) {
        for (const auto& [form, n] : f->items()) c.forms.emplace_back(form, n.get<unsigned>());
      }
      out.push_back(std::move(c));
    }
  }
  return out;
}

Result<std::size_t> apply_entity_renames(Xapian::WritableDatabase& db,
                                         const std::vector<EntityRename>& renames) {
  std::size_t changed = 0;
  try {
    for (const EntityRename& r : renames) {
      const std::string old_term = entity_term(r.type, r.old_name);
      const std::string new_term = entity_term(r.type, r.new_name);
      std::vector<Xapian::docid> ids(db.postlist_begin(old_term), db.postlist_end(old_term));
      for (Xapian::docid id : ids) {
        Xapian::Document doc = db.get_document(id);
        if (old_term != new_term) {
          doc.remove_term(old_term);
          doc.add_boolean_term(new_term);
        }
        // A record that does not decode keeps its data; its terms still follow the rename.
        auto data = stored_record::decode_all(doc.get_data());
        if (data && data->contains(schema::field::kEntities)) {
          auto& list = (*data)[schema::field::kEntities][std::string(to_string(r.type))];
          for (auto& e : list) {
            if (e.value("id", std::uint64_t{0}) == r.id || e.value("name", "") == r.old_name)
              e["name"] = r.new_name;
          }
          doc.add_value(slot_of(r.type), join_names(list));
          doc.set_data(stored_record::encode(*data));
        }
        db.replace_document(id, doc);
        ++changed;
      }
    }
  } catch (const Xapian::Error& e) {
    return make_error(Errc::index_error, "re-tagging entities: " + e.get_msg());
  }
  return changed;
}

Status save_entity_table(Xapian::WritableDatabase& db, EntityTable& table) {
  try {
    for (std::uint64_t id : table.take_changed())
      db.set_metadata(kMetaEntityRecord + std::to_string(id), table.serialise_record(id));
    db.set_metadata(kMetaEntityNextId, std::to_string(table.next_id()));
  } catch (const Xapian::Error& e) {
    return make_error(Errc::index_error, "saving the entity table: " + e.get_msg());
  }
  return Ok{};
}

Result<EntityTable> load_entity_table(const Xapian::Database& db) {
  std::vector<std::string> records;
  std::uint64_t next_id = 1;
  try {
    for (auto it = db.metadata_keys_begin(kMetaEntityRecord);
         it != db.metadata_keys_end(kMetaEntityRecord); ++it)
      records.push_back(db.get_metadata(*it));
    const std::string stored = db.get_metadata(kMetaEntityNextId);
    if (!stored.empty()) next_id = std::stoull(stored);
  } catch (const Xapian::DatabaseModifiedError&) {
    throw;  // a reader overtaken by a commit: its caller reopens and reads again
  } catch (const Xapian::Error& e) {
    return make_error(Errc::index_error, "loading the entity table: " + e.get_msg());
  } catch (const std::logic_error&) {
    return make_error(Errc::parse_error, "entity table: bad next id");
  }
  return EntityTable::from_records(records, next_id);
}

}  // namespace newsdex
