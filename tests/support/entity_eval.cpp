#include "entity_eval.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "entity_table.hpp"
#include "entity_text.hpp"
#include "formats.hpp"
#include "language.hpp"
#include "normalize.hpp"

namespace newsdex {
namespace {

std::optional<std::string> slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool same_name(const EntityTable& table, EntityType type, const std::string& gold,
               const std::string& found) {
  if (fold(gold) == fold(found)) return true;
  if (type == EntityType::org && entity_text::org_key(gold) == entity_text::org_key(found))
    return true;
  const auto resolved = table.resolve(type, gold);
  return resolved && *resolved == found;
}

// A gold entity is a name or a list of its names, canonical first.
std::vector<std::string> gold_names(const nlohmann::json& entry) {
  if (entry.is_string()) return {entry.get<std::string>()};
  std::vector<std::string> names;
  if (entry.is_array()) {
    for (const auto& name : entry)
      if (name.is_string()) names.push_back(name.get<std::string>());
  }
  return names;
}

bool same_entity(const EntityTable& table, EntityType type, const std::vector<std::string>& gold,
                 const std::string& found) {
  return std::any_of(gold.begin(), gold.end(),
                     [&](const std::string& name) { return same_name(table, type, name, found); });
}

}  // namespace

double EntityScore::precision() const {
  const unsigned found = true_positives + false_positives;
  return found == 0 ? 1.0 : static_cast<double>(true_positives) / found;
}

double EntityScore::recall() const {
  const unsigned wanted = true_positives + false_negatives;
  return wanted == 0 ? 1.0 : static_cast<double>(true_positives) / wanted;
}

double EntityScore::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

Result<EntityScores> evaluate_entities(const EntityExtractor& extractor,
                                       const std::filesystem::path& documents_dir,
                                       const std::filesystem::path& gold_dir,
                                       std::string_view split) {
  struct Doc {
    std::string name;
    nlohmann::json gold;
    std::vector<CanonicalEntity> found;
  };
  std::vector<std::filesystem::path> gold_files;
  for (const auto& entry : std::filesystem::directory_iterator(gold_dir)) {
    if (entry.path().extension() == ".json") gold_files.push_back(entry.path());
  }
  std::sort(gold_files.begin(), gold_files.end());
  if (gold_files.empty())
    return make_error(Errc::not_found, "no gold annotations in " + gold_dir.string());
  EntityTable table;
  std::vector<Doc> docs;
  for (const auto& path : gold_files) {
    const auto text = slurp(path);
    if (!text) return make_error(Errc::io_error, "cannot read " + path.string());
    auto gold = nlohmann::json::parse(*text, nullptr, false);
    if (!gold.is_object()) return make_error(Errc::parse_error, "bad gold file " + path.string());
    if (!split.empty() && gold.value("split", "") != split) continue;
    const std::string name = gold.value("document", "");
    const auto bytes = slurp(documents_dir / name);
    if (!bytes)
      return make_error(Errc::not_found, "cannot read " + (documents_dir / name).string());
    // Parsed as the indexer parses it, so titles, bylines and front matter are fields, not text.
    const auto format = format_for(name);
    if (!format) return make_error(Errc::unsupported, "not a document format: " + name);
    auto articles = parse_document(*format, *bytes);
    if (!articles) return make_error(articles.error().code, name + ": " + articles.error().message);
    std::vector<Entity> found;
    // In the language the indexer would detect: it decides whether the tagger reads the text.
    for (const Article& article : *articles) {
      const std::string lang = detect_languages(article.body, article.lang_hint).lang;
      for (Entity& entity : extractor.extract(article, lang)) found.push_back(std::move(entity));
    }
    docs.push_back(Doc{name, std::move(gold), table.add_document(found)});
  }
  if (docs.empty())
    return make_error(Errc::not_found, "no gold annotations of split " + std::string(split) +
                                           " in " + gold_dir.string());
  EntityScores scores;
  for (const Doc& doc : docs) {
    for (EntityType type : {EntityType::person, EntityType::org, EntityType::place}) {
      EntityScore& score = scores[static_cast<std::size_t>(type)];
      std::vector<std::string> found;
      for (const CanonicalEntity& c : doc.found) {
        if (c.type != type) continue;
        // Names as the table has them after every document: what the index shows once re-tagged.
        const auto* record = table.find(c.id);
        found.push_back(record != nullptr ? record->name : c.name);
      }
      std::vector<bool> used(found.size(), false);
      for (const auto& g : doc.gold.value(std::string(to_string(type)), nlohmann::json::array())) {
        const auto gold = gold_names(g);
        if (gold.empty()) continue;
        bool hit = false;
        for (std::size_t i = 0; i < found.size() && !hit; ++i) {
          if (!used[i] && same_entity(table, type, gold, found[i])) used[i] = hit = true;
        }
        if (hit) {
          ++score.true_positives;
        } else {
          ++score.false_negatives;
          score.missed.push_back(doc.name + ": " + gold.front());
        }
      }
      for (std::size_t i = 0; i < found.size(); ++i) {
        if (used[i]) continue;
        ++score.false_positives;
        score.spurious.push_back(doc.name + ": " + found[i]);
      }
    }
  }
  return scores;
}

}  // namespace newsdex
