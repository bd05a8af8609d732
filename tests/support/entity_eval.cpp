#include "entity_eval.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "entity_table.hpp"
#include "entity_text.hpp"

namespace newsdex {
namespace {

std::optional<std::string> slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool same_entity(const EntityTable& table, EntityType type, const std::string& gold,
                 const std::string& found) {
  if (entity_text::fold(gold) == entity_text::fold(found)) return true;
  if (type == EntityType::org && entity_text::org_key(gold) == entity_text::org_key(found))
    return true;
  const auto resolved = table.resolve(type, gold);
  return resolved && *resolved == found;
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

Result<EntityScores> evaluate_entities(const EntityExtractor& extractor,
                                       const std::filesystem::path& documents_dir,
                                       const std::filesystem::path& gold_dir) {
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
    const std::string name = gold.value("document", "");
    const auto body = slurp(documents_dir / name);
    if (!body) return make_error(Errc::not_found, "cannot read " + (documents_dir / name).string());
    Article article;
    article.body = *body;
    docs.push_back(
        Doc{name, std::move(gold), table.add_document(extractor.extract(article, "en"))});
  }
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
        const std::string gold = g.get<std::string>();
        bool hit = false;
        for (std::size_t i = 0; i < found.size() && !hit; ++i) {
          if (!used[i] && same_entity(table, type, gold, found[i])) used[i] = hit = true;
        }
        if (hit) {
          ++score.true_positives;
        } else {
          ++score.false_negatives;
          score.missed.push_back(doc.name + ": " + gold);
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
