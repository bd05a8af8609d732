#include "entities.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>

#include "entity_text.hpp"
#include "mention_finder.hpp"
#include "normalize.hpp"
#include "person_resolution.hpp"
#include "tagged_mentions.hpp"

namespace newsdex {
namespace {

TaggerModel compiled_in_model() {
  auto model = TaggerModel::parse(tagger_data::model());
  // The model is compiled in and a unit test reads it: failing here is a broken build.
  if (!model.ok()) throw std::logic_error(model.error().message);
  return std::move(model.value());
}

// "the Commission" after "the Coosa Valley Planning Commission", "the League" after "the League
// of Women Voters": a one-word organisation that is the first or last word of exactly one longer
// organisation of the document is that organisation. One the gazetteer names in its own right
// ("Congress" beside "the Congress of Industrial Organizations") stays itself.
void merge_short_organisations(std::vector<Entity>& entities, const Gazetteer& gazetteer) {
  const auto words_of = [](const std::string& name) {
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at <= name.size()) {
      const std::size_t space = std::min(name.find(' ', at), name.size());
      if (space > at) words.push_back(fold(name.substr(at, space - at)));
      at = space + 1;
    }
    return words;
  };
  for (std::size_t s = 0; s < entities.size(); ++s) {
    if (entities[s].type != EntityType::org) continue;
    const auto short_words = words_of(entities[s].name);
    if (short_words.size() != 1) continue;
    if (const GazetteerEntry* known = gazetteer.find(entities[s].name);
        known != nullptr && known->type == EntityType::org && known->name == entities[s].name)
      continue;
    std::optional<std::size_t> into;
    bool several = false;
    for (std::size_t l = 0; l < entities.size(); ++l) {
      if (l == s || entities[l].type != EntityType::org) continue;
      const auto words = words_of(entities[l].name);
      if (words.size() < 2 || (words.front() != short_words[0] && words.back() != short_words[0]))
        continue;
      several = several || into.has_value();
      into = l;
    }
    if (!into || several) continue;
    auto& mentions = entities[*into].mentions;
    mentions.insert(mentions.end(), entities[s].mentions.begin(), entities[s].mentions.end());
    std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
      return std::pair(a.field, a.offset) < std::pair(b.field, b.offset);
    });
    entities[s].mentions.clear();
  }
  std::erase_if(entities, [](const Entity& e) { return e.mentions.empty(); });
}

}  // namespace

std::string_view to_string(EntityType type) {
  switch (type) {
    case EntityType::person:
      return "person";
    case EntityType::org:
      return "org";
    case EntityType::place:
      return "place";
  }
  return "place";
}

std::vector<std::string> Entity::surfaces() const {
  std::vector<std::string> out;
  for (const Mention& m : mentions) {
    if (std::find(out.begin(), out.end(), m.surface) == out.end()) out.push_back(m.surface);
  }
  return out;
}

std::vector<std::pair<std::string, unsigned>> Entity::forms() const {
  std::vector<std::pair<std::string, unsigned>> out;
  for (const Mention& m : mentions) {
    auto it =
        std::find_if(out.begin(), out.end(), [&](const auto& f) { return f.first == m.form; });
    if (it == out.end()) {
      out.emplace_back(m.form, 1);
    } else {
      ++it->second;
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

ArticleText article_text(const Article& article) {
  ArticleText out;
  out.byline_at = article.byline.empty() ? 0 : 3;
  out.text = (article.byline.empty() ? "" : "By ") + article.byline + "\n\n";
  out.title_at = out.text.size();
  out.text += article.title + "\n\n";
  out.body_at = out.text.size();
  out.text += article.body;
  return out;
}

EntityExtractor::EntityExtractor() : tagger_(compiled_in_model()) {}

EntityExtractor::EntityExtractor(TaggerModel tagger) : tagger_(std::move(tagger)) {}

std::vector<Entity> EntityExtractor::extract(const Article& article, std::string_view lang) const {
  // One text, so one pass sees the byline, the title and the body; offsets map back per field.
  ArticleText text = article_text(article);
  const std::size_t title_at = text.title_at;
  const std::size_t body_at = text.body_at;
  MentionFinder finder(gazetteer_, std::move(text.text));
  std::vector<Candidate> candidates = finder.run();
  const auto& tokens = finder.tokens();
  if (!tagger_.empty() && (lang.empty() || lang == "en")) {
    const TokenFeatures features = tagger_features(tokens, finder.text(), gazetteer_, candidates);
    std::vector<std::int32_t> margins;
    const std::vector<TagLabel> labels = tagger_.tag(tokens, features, &margins);
    candidates = tagged_candidates(finder, gazetteer_, labels, margins, candidates);
  }

  const auto mention_of = [&](const Candidate& r) {
    Mention m;
    m.surface = finder.surface_of(r.begin_tok, r.end_tok);
    m.form = finder.surface_of(r.name_begin, r.end_tok);
    const std::size_t at = tokens[r.begin_tok].begin;
    m.field = at >= body_at ? Field::body : at >= title_at ? Field::title : Field::byline;
    m.offset = at - (m.field == Field::body    ? body_at
                     : m.field == Field::title ? title_at
                                               : text.byline_at);
    return m;
  };

  // Places and organisations: one entity per gazetteer name or organisation key.
  std::vector<Entity> entities;
  std::map<std::pair<EntityType, std::string>, std::size_t> by_key;
  for (const Candidate& c : candidates) {
    if (c.type == EntityType::person) continue;
    const std::string key = c.type == EntityType::org ? entity_text::org_key(c.name) : c.name;
    auto [it, fresh] = by_key.emplace(std::pair{c.type, key}, entities.size());
    if (fresh) entities.push_back(Entity{c.type, c.name, {}});
    entities[it->second].mentions.push_back(mention_of(c));
  }
  merge_short_organisations(entities, gazetteer_);
  for (const auto& group : group_people(candidates, tokens, gazetteer_)) {
    Entity person{EntityType::person, {}, {}};
    for (std::size_t r : group) person.mentions.push_back(mention_of(candidates[r]));
    person.name = canonical_person_name(person);
    entities.push_back(std::move(person));
  }
  // Organisations: a gazetteer name wins; else the most frequent written form.
  for (Entity& e : entities) {
    if (e.type != EntityType::org || gazetteer_.find(e.name) != nullptr) continue;
    const auto forms = e.forms();
    const auto full = std::find_if(forms.begin(), forms.end(), [](const auto& f) {
      return std::any_of(f.first.begin(), f.first.end(), [](char ch) { return ch == ' '; });
    });
    if (full != forms.end()) e.name = full->first;
  }
  return entities;
}

}  // namespace newsdex
