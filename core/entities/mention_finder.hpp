// Internal to newsdex_entities: the first stage of extraction. MentionFinder reads one document's
// tokens and finds candidate mentions: organisations by pattern (organisation_mentions.cpp),
// gazetteer entries, then people from the capitalised runs left over (person_mentions.cpp). Each
// token belongs to at most one candidate, claimed in that order. Resolving candidates into
// entities is entities.cpp's job (people: person_resolution.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "entity_text.hpp"
#include "gazetteer.hpp"

namespace newsdex {

// A mention before resolution: which tokens, what it names, and how sure we are.
struct Candidate {
  EntityType type;
  std::size_t begin_tok;  // surface tokens [begin_tok, end_tok)
  std::size_t end_tok;
  std::size_t name_begin;  // name tokens within the surface (titles excluded)
  std::string name;        // gazetteer canonical name, or empty (decided when resolving)
  bool cue = false;        // a title or role word named it a person
  bool evidence = false;   // enough to count as a person on its own
};

class MentionFinder {
 public:
  MentionFinder(const Gazetteer& gaz, std::string text);

  // All candidates, organisations and places first, then people.
  std::vector<Candidate> run();

  const std::vector<entity_text::Token>& tokens() const { return tokens_; }
  const std::string& text() const { return text_; }
  // The text of tokens [b, e).
  std::string surface_of(std::size_t b, std::size_t e) const;

 private:
  using Token = entity_text::Token;

  // A capitalised Latin-script word no candidate has claimed yet.
  bool latin_cap(std::size_t i) const;
  bool is_demonym(std::size_t i) const;
  void claim(std::size_t b, std::size_t e);

  void find_organisations();
  bool generic_force(std::size_t begin, std::size_t end) const;
  void add_org(std::size_t begin, std::size_t end);
  void find_named_media();
  void find_institutions();
  void repeat_organisations();
  void find_defined_acronyms();
  void find_gazetteer();
  static bool is_compass(std::string_view key);
  bool compass_before(std::size_t i) const;
  void find_regions();
  void find_town_before(std::size_t last);
  void find_counties();
  bool name_token_ok(const Token& t) const;
  void find_people();
  bool cyrillic_cap(std::size_t i) const;
  void find_cyrillic_people();
  void find_arabic_script_people();
  void find_chinese_people();
  // A person named after a role word: tokens [begin, end) claimed, the name from name_begin.
  void add_cued_person(std::size_t begin, std::size_t name_begin, std::size_t end);
  void add_person_run(std::size_t begin, std::size_t end);

  const Gazetteer& gaz_;
  std::string text_;
  std::vector<Token> tokens_;
  std::vector<bool> used_;
  std::vector<Candidate> candidates_;
};

}  // namespace newsdex
