#include "hit_json.hpp"

#include <algorithm>

#include "schema.hpp"
#include "search_request.hpp"
#include "stored_record.hpp"
#include "word_offsets.hpp"

namespace newsdex::searchd {

using nlohmann::json;

std::vector<std::string> hit_langs(const json& data) {
  std::vector<std::string> langs;
  if (auto lang = data.value(schema::field::kLang, std::string()); !lang.empty())
    langs.push_back(lang);
  if (data.contains(schema::field::kLangs) && data[schema::field::kLangs].is_array())
    for (const auto& l : data[schema::field::kLangs])
      if (l.is_string() && std::ranges::find(langs, l.get<std::string>()) == langs.end())
        langs.push_back(l.get<std::string>());
  return langs;
}

// The facet slots hold the names the stored record lists, most mentioned first, so that no hit
// decodes its record's entities section; ids, surface forms and counts stay for /documents/{id}.
json hit_entity_names(const Xapian::Document& doc, const json& data) {
  // Three value lookups a hit, each a B-tree descent, were 6% of searchd's time under load.
  if (const auto stored = data.find(schema::field::kEntityNames); stored != data.end())
    return *stored;
  json names = json::object();
  for (const auto& [type, slot] :
       {std::pair{"person", schema::kSlotPersons}, std::pair{"org", schema::kSlotOrgs},
        std::pair{"place", schema::kSlotPlaces}}) {
    json& out = names[type] = json::array();
    const std::string joined = doc.get_value(slot);
    for (std::size_t at = 0; at < joined.size();) {
      const std::size_t end = std::min(joined.find('\n', at), joined.size());
      out.push_back(joined.substr(at, end - at));
      at = end + 1;
    }
  }
  return names;
}

json hit_fields(const Xapian::Document& doc, const json& data, unsigned fields, double score) {
  json entry = {{"id", stored_record::id_of(data)}};
  const auto add = [&](HitField field, const char* name, json value) {
    if ((fields & field) != 0) entry[name] = std::move(value);
  };
  add(kHitPath, "path", data.value(schema::field::kPath, ""));
  add(kHitTitle, "title", data.value(schema::field::kTitle, ""));
  add(kHitDate, "date", data.value(schema::field::kDate, json()));
  add(kHitByline, "byline", data.value(schema::field::kByline, ""));
  add(kHitLang, "lang", data.value(schema::field::kLang, ""));
  add(kHitType, "type", data.value(schema::field::kType, ""));
  add(kHitScore, "score", score);
  if ((fields & kHitEntities) != 0) entry["entities"] = hit_entity_names(doc, data);
  return entry;
}

Result<std::string> hit_summary(const Xapian::Document& doc, std::size_t length,
                                const HighlightTags& tags) {
  auto body = stored_record::body_of(doc);
  if (!body) return body.error();
  const std::vector<std::uint32_t> offsets =
      decode_word_offsets(doc.get_value(schema::kSlotWordOffsets));
  return snippet_from_offsets(*body, offsets, {}, length, tags);
}

}  // namespace newsdex::searchd
