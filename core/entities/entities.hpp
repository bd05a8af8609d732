// Entity extraction: the people, organisations and places one article mentions, each with the
// surface forms it took, resolved within the document ("Volyev", "President Volyev" and "T. Volyev"
// become the "Tamir Volyev" the document names in full; "Mr. Khan" becomes the document's Khan).
// Local and deterministic: gazetteers (gazetteer.hpp) and name heuristics propose, and in Latin
// script a small sequence tagger trained on annotated text (tagger.hpp) decides; no network.
// Places work in every script; people also in Cyrillic, Arabic-script and CJK text.
// Cross-document merging of spellings is EntityTable's job (entity_table.hpp).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "article.hpp"
#include "gazetteer.hpp"
#include "tagger.hpp"

namespace newsdex {

std::string_view to_string(EntityType type);  // "person", "org", "place"

enum class Field : std::uint8_t { byline, title, body };

struct Mention {
  std::string surface;  // the text as written, titles included ("President Volyev")
  std::string form;     // the name part counted as an alias ("Volyev"); places: the surface
  Field field = Field::body;
  std::size_t offset = 0;  // byte offset of the surface within its field
};

struct Entity {
  EntityType type = EntityType::place;
  std::string name;               // canonical within the document
  std::vector<Mention> mentions;  // in text order
  unsigned count() const { return static_cast<unsigned>(mentions.size()); }
  std::vector<std::string> surfaces() const;  // distinct surfaces, first seen first
  // Distinct name forms with how often each occurs, most frequent first.
  std::vector<std::pair<std::string, unsigned>> forms() const;
};

// The one text extraction reads for an article: "By " and the byline, the title and the body,
// separated by blank lines, with where each field starts in it.
struct ArticleText {
  std::string text;
  std::size_t byline_at = 0;
  std::size_t title_at = 0;
  std::size_t body_at = 0;
};
ArticleText article_text(const Article& article);

class EntityExtractor {
 public:
  // Builds the gazetteers and reads the compiled-in tagger model (tens of milliseconds): build
  // once, share.
  EntityExtractor();
  // With another tagger model (an empty one: the rules alone).
  explicit EntityExtractor(TaggerModel tagger);

  // Thread-safe: extract() only reads the gazetteers and the model. lang is the document's main
  // language (ISO 639-1, "" when unknown): the tagger, which learnt English, reads documents in
  // English or of unknown language, others keep the rules; otherwise each word's script decides
  // what applies.
  std::vector<Entity> extract(const Article& article, std::string_view lang = {}) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }
  const TaggerModel& tagger() const { return tagger_; }

 private:
  Gazetteer gazetteer_;
  TaggerModel tagger_;
};

}  // namespace newsdex
