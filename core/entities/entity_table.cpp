#include "entity_table.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "entity_text.hpp"
#include "normalize.hpp"

namespace newsdex {
namespace {

using entity_text::person_keys;

// How complete a person name form is: 2 full ("Tamir Volyev"), 1 with initials ("T. Volyev"),
// 0 a bare surname.
int tier(const std::vector<std::string>& keys) {
  if (keys.size() < 2) return 0;
  return std::any_of(keys.begin(), keys.end(), [](const std::string& k) { return k.size() == 1; })
             ? 1
             : 2;
}

std::string bucket(const std::vector<std::string>& keys) {
  return "p:" + keys.back().substr(0, 3);
}

std::optional<EntityType> type_from(std::string_view s) {
  if (s == "person") return EntityType::person;
  if (s == "org") return EntityType::org;
  if (s == "place") return EntityType::place;
  return std::nullopt;
}

// The keys a record is found by.
std::vector<std::string> keys_of(const EntityTable::Record& r) {
  std::vector<std::string> keys;
  switch (r.type) {
    case EntityType::person:
      for (const auto& [form, n] : r.forms) {
        if (const auto k = person_keys(form); !k.empty()) keys.push_back(bucket(k));
      }
      break;
    case EntityType::org:
      for (const auto& [name, n] : r.local) keys.push_back("o:" + entity_text::org_key(name));
      for (const auto& [form, n] : r.forms) keys.push_back("o:" + entity_text::org_key(form));
      break;
    case EntityType::place:
      for (const auto& [name, n] : r.local) keys.push_back("l:" + fold(name));
      break;
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace

const EntityTable::Record* EntityTable::find(std::uint64_t id) const {
  const auto it = records_.find(id);
  return it == records_.end() ? nullptr : &it->second;
}

void EntityTable::index(const Record& record) {
  for (const std::string& key : keys_of(record)) index_[key].push_back(record.id);
}

void EntityTable::unindex(const Record& record) {
  for (const std::string& key : keys_of(record)) {
    auto it = index_.find(key);
    if (it == index_.end()) continue;
    std::erase(it->second, record.id);
    if (it->second.empty()) index_.erase(it);
  }
}

EntityTable::Record* EntityTable::match(const Entity& entity) {
  const auto first_of_type = [&](const std::string& key) -> Record* {
    const auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    for (std::uint64_t id : it->second) {
      Record& r = records_.at(id);
      if (r.type == entity.type) return &r;
    }
    return nullptr;
  };
  if (entity.type == EntityType::place) return first_of_type("l:" + fold(entity.name));
  if (entity.type == EntityType::org) {
    if (Record* r = first_of_type("o:" + entity_text::org_key(entity.name))) return r;
    for (const auto& [form, n] : entity.forms()) {
      if (Record* r = first_of_type("o:" + entity_text::org_key(form))) return r;
    }
    return nullptr;
  }
  const auto keys = person_keys(entity.name);
  if (keys.empty()) return nullptr;
  const auto it = index_.find(bucket(keys));
  if (it == index_.end()) return nullptr;
  std::vector<Record*> compatible;
  for (std::uint64_t id : it->second) {
    Record& r = records_.at(id);
    if (r.type != EntityType::person) continue;
    // Compare with the record's most complete forms only: once "Tamir Volyev" is known, "T. Volyev"
    // no longer lets "Taras Volyev" in.
    int best_tier = 0;
    std::vector<std::vector<std::string>> forms;
    for (const auto& [form, n] : r.forms) {
      auto k = person_keys(form);
      const int t = tier(k);
      if (t > best_tier) forms.clear();
      if (t >= best_tier) {
        best_tier = t;
        forms.push_back(std::move(k));
      }
    }
    const bool fits = std::any_of(forms.begin(), forms.end(), [&](const auto& f) {
      return keys.size() == 1 ? entity_text::same_name_token(f.back(), keys.back())
                              : entity_text::person_names_compatible(f, keys, false);
    });
    if (fits && std::find(compatible.begin(), compatible.end(), &r) == compatible.end())
      compatible.push_back(&r);
  }
  if (compatible.empty()) return nullptr;
  if (keys.size() == 1 && compatible.size() > 1) {
    // Which Volyev? A bare surname joins the record of the bare surname if there is one (one
    // "Volyev" facet, not one per document), else stays apart.
    const auto bare = std::find_if(compatible.begin(), compatible.end(), [](const Record* r) {
      return person_keys(r->name).size() == 1;
    });
    return bare != compatible.end() ? *bare : nullptr;
  }
  return *std::max_element(compatible.begin(), compatible.end(),
                           [](const Record* a, const Record* b) { return a->docs < b->docs; });
}

EntityTable::Record& EntityTable::create(EntityType type) {
  const std::uint64_t id = next_id_++;
  Record& r = records_[id];
  r.id = id;
  r.type = type;
  return r;
}

std::string EntityTable::choose_name(const Record& record) const {
  std::string best;
  unsigned best_count = 0;
  int best_tier = -1;
  // Equal counts go to the longer spelling (a transliteration that keeps more letters), then to
  // the first in byte order: the name is a function of the counts alone, never of the order the
  // documents came in, so every index of the same documents (one database or shards, built at
  // once or file by file) names its entities alike.
  const auto consider = [&](const std::string& name, unsigned count, int t) {
    const auto better_tie = [&] {
      return name.size() != best.size() ? name.size() > best.size() : name < best;
    };
    if (t > best_tier || (t == best_tier && count > best_count) ||
        (t == best_tier && count == best_count && better_tie())) {
      best = name;
      best_count = count;
      best_tier = t;
    }
  };
  if (record.type == EntityType::person) {
    // The fullest form wins, and of two equally full forms one in Latin letters (the facets'
    // common script: "Tamir Volyev" rather than "Тамир Волиев"), then the more frequent.
    const auto rank = [](const std::string& form) {
      const bool latin = entity_text::script_of(form) == entity_text::Script::latin;
      return tier(person_keys(form)) * 2 + (latin ? 1 : 0);
    };
    for (const auto& [form, n] : record.forms) consider(form, n, rank(form));
  } else {
    for (const auto& [name, n] : record.local) consider(name, n, 0);
  }
  if (best.empty()) return record.name;
  // Display names are filter terms: two records never share one.
  const auto taken = names_.find({record.type, fold(best)});
  if (taken != names_.end() && taken->second != record.id)
    best += " (" + std::to_string(record.id) + ")";
  return best;
}

void EntityTable::rename_if_needed(Record& record) {
  if (!record.name.empty() && record.docs > defer_renames_above_) {
    unsettled_.insert(record.id);
    return;
  }
  rename(record);
}

bool EntityTable::rename(Record& record) {
  const std::string name = choose_name(record);
  if (name == record.name) return false;
  if (!record.name.empty()) {
    names_.erase({record.type, fold(record.name)});
    renames_.push_back(EntityRename{record.type, record.id, record.name, name});
  }
  names_[{record.type, fold(name)}] = record.id;
  record.name = name;
  return true;
}

std::size_t EntityTable::settle_names() {
  std::size_t renamed = 0;
  for (std::uint64_t id : unsettled_) {
    const auto it = records_.find(id);
    if (it == records_.end() || !rename(it->second)) continue;
    changed_.insert(id);
    ++renamed;
  }
  unsettled_.clear();
  return renamed;
}

void EntityTable::check_names() {
  for (const auto& [id, record] : records_)
    if (choose_name(record) != record.name) unsettled_.insert(id);
}

std::vector<CanonicalEntity> EntityTable::add_document(const std::vector<Entity>& entities) {
  std::vector<std::pair<std::uint64_t, const Entity*>> resolved;
  for (const Entity& entity : entities) {
    if (entity.mentions.empty()) continue;
    Record* record = match(entity);
    if (record == nullptr) record = &create(entity.type);
    changed_.insert(record->id);
    unindex(*record);
    ++record->docs;
    ++record->local[entity.name];
    for (const auto& [form, n] : entity.forms()) record->forms[form] += n;
    index(*record);
    rename_if_needed(*record);
    resolved.emplace_back(record->id, &entity);
  }
  // Names are read after every record is updated, so one document never sees two names of one
  // record.
  std::vector<CanonicalEntity> out;
  for (const auto& [id, entity] : resolved) {
    // Captured by name: clang 14 (the fuzz and sanitizer builds) cannot capture a binding.
    auto same = std::find_if(out.begin(), out.end(),
                             [&wanted = id](const CanonicalEntity& c) { return c.id == wanted; });
    if (same != out.end()) {  // two document-level entities the table knows as one
      same->count += entity->count();
      for (const auto& f : entity->forms()) same->forms.push_back(f);
      continue;
    }
    out.push_back(CanonicalEntity{entity->type, id, records_.at(id).name, entity->name,
                                  entity->count(), entity->forms()});
  }
  for (CanonicalEntity& c : out) c.name = records_.at(c.id).name;
  return out;
}

void EntityTable::remove_document(const std::vector<CanonicalEntity>& stored) {
  for (const CanonicalEntity& c : stored) {
    const auto it = records_.find(c.id);
    if (it == records_.end() || it->second.type != c.type) continue;
    Record& r = it->second;
    changed_.insert(r.id);
    unindex(r);
    const auto decrement = [](std::map<std::string, unsigned>& counts, const std::string& key,
                              unsigned n) {
      const auto f = counts.find(key);
      if (f == counts.end()) return;
      if (f->second <= n) {
        counts.erase(f);
      } else {
        f->second -= n;
      }
    };
    for (const auto& [form, n] : c.forms) decrement(r.forms, form, n);
    decrement(r.local, c.local, 1);
    if (r.docs > 0) --r.docs;
    if (r.docs == 0) {
      names_.erase({r.type, fold(r.name)});
      records_.erase(it);
      continue;
    }
    index(r);
    rename_if_needed(r);
  }
}

std::vector<EntityRename> EntityTable::take_renames() {
  std::vector<EntityRename> out;
  for (EntityRename& r : renames_) {
    auto same =
        std::find_if(out.begin(), out.end(), [&](const EntityRename& o) { return o.id == r.id; });
    if (same == out.end()) {
      out.push_back(std::move(r));
    } else {
      same->new_name = std::move(r.new_name);
    }
  }
  std::erase_if(out, [](const EntityRename& r) { return r.old_name == r.new_name; });
  renames_.clear();
  return out;
}

std::optional<std::string> EntityTable::resolve(EntityType type, std::string_view form) const {
  const std::string folded = fold(form);
  if (const auto it = names_.find({type, folded}); it != names_.end())
    return records_.at(it->second).name;
  const Record* best = nullptr;
  for (const auto& [id, r] : records_) {
    if (r.type != type) continue;
    const bool has = std::any_of(r.forms.begin(), r.forms.end(),
                                 [&](const auto& f) { return fold(f.first) == folded; });
    if (has && (best == nullptr || r.docs > best->docs)) best = &r;
  }
  if (best == nullptr && type == EntityType::person) {
    const auto keys = person_keys(form);
    for (const auto& [id, r] : records_) {
      if (r.type != type || keys.empty()) continue;
      const bool fits = std::any_of(r.forms.begin(), r.forms.end(), [&](const auto& f) {
        const auto other = person_keys(f.first);
        if (other.empty()) return false;
        return keys.size() == 1 ? entity_text::same_name_token(other.back(), keys.back())
                                : entity_text::person_names_compatible(other, keys, false);
      });
      if (fits && (best == nullptr || r.docs > best->docs)) best = &r;
    }
  }
  if (best == nullptr) return std::nullopt;
  return best->name;
}

std::vector<const EntityTable::Record*> EntityTable::list(EntityType type, std::string_view prefix,
                                                          std::size_t limit) const {
  const std::string folded = fold(prefix);
  // A word of the name starts with the prefix: "vol" finds "Tamir Volyev" and "Volkan Eren".
  const auto starts_word = [&](const std::string& name) {
    const std::string key = fold(name);
    if (key.starts_with(folded)) return true;
    for (auto space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1))
      if (key.compare(space + 1, folded.size(), folded) == 0) return true;
    return false;
  };
  std::vector<const Record*> out;
  for (const auto& [id, r] : records_) {
    if (r.type != type || r.docs == 0) continue;
    if (folded.empty() || starts_word(r.name) ||
        std::any_of(r.forms.begin(), r.forms.end(),
                    [&](const auto& f) { return starts_word(f.first); }))
      out.push_back(&r);
  }
  const auto by_docs = [](const Record* a, const Record* b) {
    return a->docs != b->docs ? a->docs > b->docs : a->name < b->name;
  };
  const std::size_t n = std::min(limit, out.size());
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n), out.end(), by_docs);
  out.resize(n);
  return out;
}

namespace {

nlohmann::json record_json(const EntityTable::Record& r) {
  return {{"id", r.id},     {"type", to_string(r.type)}, {"name", r.name},
          {"docs", r.docs}, {"forms", r.forms},          {"local", r.local}};
}

}  // namespace

std::string EntityTable::serialise() const {
  nlohmann::json records = nlohmann::json::array();
  for (const auto& [id, r] : records_) records.push_back(record_json(r));
  return nlohmann::json{{"version", 1}, {"next_id", next_id_}, {"entities", std::move(records)}}
      .dump();
}

std::vector<std::uint64_t> EntityTable::take_changed() {
  std::vector<std::uint64_t> ids(changed_.begin(), changed_.end());
  changed_.clear();
  return ids;
}

std::string EntityTable::serialise_record(std::uint64_t id) const {
  const auto it = records_.find(id);
  return it == records_.end() ? std::string() : record_json(it->second).dump();
}

Result<EntityTable> EntityTable::from_records(const std::vector<std::string>& records,
                                              std::uint64_t next_id) {
  std::string text =
      R"({"version": 1, "next_id": )" + std::to_string(next_id) + R"(, "entities": [)";
  for (std::size_t i = 0; i < records.size(); ++i) text += (i ? "," : "") + records[i];
  text += "]}";
  return parse(text);
}

Result<EntityTable> EntityTable::parse(std::string_view text) {
  EntityTable table;
  if (text.empty()) return table;
  try {
    const auto json = nlohmann::json::parse(text);
    if (json.at("version").get<int>() != 1)
      return make_error(Errc::parse_error, "entity table: unknown version");
    table.next_id_ = json.at("next_id").get<std::uint64_t>();
    for (const auto& e : json.at("entities")) {
      const auto type = type_from(e.at("type").get<std::string>());
      if (!type) return make_error(Errc::parse_error, "entity table: unknown entity type");
      Record r;
      r.id = e.at("id").get<std::uint64_t>();
      r.type = *type;
      r.name = e.at("name").get<std::string>();
      r.docs = e.at("docs").get<unsigned>();
      r.forms = e.at("forms").get<std::map<std::string, unsigned>>();
      r.local = e.at("local").get<std::map<std::string, unsigned>>();
      table.names_[{r.type, fold(r.name)}] = r.id;
      table.index(r);
      table.next_id_ = std::max(table.next_id_, r.id + 1);
      table.records_.emplace(r.id, std::move(r));
    }
  } catch (const nlohmann::json::exception& e) {
    return make_error(Errc::parse_error, std::string("entity table: ") + e.what());
  }
  return table;
}

}  // namespace newsdex
