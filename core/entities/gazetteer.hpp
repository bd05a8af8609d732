// The gazetteers entity extraction matches text against: countries and territories in every
// language ICU knows, demonyms, capitals and large cities (GeoNames, see core/entities/data/),
// regions in the news, well-known organisations and their acronyms, WordNet's named people,
// organisations and places, plus the word lists the name
// heuristics use (titles, given names, organisation words, common capitalised words). Built once;
// immutable and so safe to share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entity_text.hpp"
#include "name_particles.hpp"

namespace newsdex {

enum class EntityType : std::uint8_t { person, org, place };

struct GazetteerEntry {
  EntityType type = EntityType::place;
  std::string name;          // canonical display name ("Pakistan", "UN Security Council")
  bool acronym = false;      // matches only upper-case text ("WHO", "US", "UN")
  bool demonym = false;      // an adjective standing for the place ("Kenyan", "Peruvian")
  bool after_place = false;  // a state's abbreviation: only after "Town," ("Decatur, Ga.")
  bool town = false;         // a small town: only after "in", "at", "near" ... or before "Town,"
  bool ambiguous = false;    // a name that is also a word or a given name: only after "in", "at"...
};

// The word lists of Gazetteer, as bits (Gazetteer::word_lists).
enum class WordList : std::uint16_t {
  given_name = 1,
  word_given_name = 2,
  name_word = 4,
  title = 8,
  role_noun = 16,
  org_word = 32,
  common_word = 64,
  calendar_name = 128,
  speech_verb = 256,
};

struct GazetteerMatch {
  const GazetteerEntry* entry = nullptr;
  std::size_t length = 0;  // tokens matched
};

class Gazetteer {
 public:
  Gazetteer();

  // The longest entry starting at tokens[i], honouring case rules for Latin text (names start with
  // a capital, acronyms are upper case) and common inflections in Cyrillic and Arabic script.
  std::optional<GazetteerMatch> match(std::span<const entity_text::Token> tokens,
                                      std::size_t i) const;

  // The entry for a canonical name or alias, ignoring case ("pakistan", "unsc").
  const GazetteerEntry* find(std::string_view phrase) const;

  // Word lists, by folded word.
  bool is_title(std::string_view key) const { return titles_.contains(std::string(key)); }
  bool is_role_noun(std::string_view key) const { return role_nouns_.contains(std::string(key)); }
  bool is_given_name(std::string_view key) const { return given_names_.contains(std::string(key)); }
  // A word that is a name (mostly surnames) and no ordinary English word: "Castro", "Dulles".
  bool is_name_word(std::string_view key) const { return name_words_.contains(std::string(key)); }
  // A given name that is also an ordinary word ("Frank", "Bill", "Grant"): a name only in front
  // of another name.
  bool is_word_given_name(std::string_view key) const {
    return word_given_names_.contains(std::string(key));
  }
  bool is_org_word(std::string_view key) const { return org_words_.contains(std::string(key)); }
  bool is_common_word(std::string_view key) const {
    return common_words_.contains(std::string(key));
  }
  bool is_speech_verb(std::string_view key) const {
    return speech_verbs_.contains(std::string(key));
  }
  bool is_name_particle(std::string_view key) const { return newsdex::is_name_particle(key); }
  // Particles and postpositions that end a name in scripts without capitals (Arabic, Urdu,
  // Chinese).
  bool is_particle(std::string_view key) const { return particles_.contains(std::string(key)); }
  // A Cyrillic surname ending ("-ов", "-енко", "-швили") on a word of at least four letters.
  bool has_surname_ending(std::string_view key) const;
  // Month and weekday names in full ("march", "sunday"): dates, never part of a name.
  bool is_calendar_name(std::string_view key) const {
    return calendar_names_.contains(std::string(key));
  }
  std::size_t size() const { return entries_.size(); }
  // Every word list a folded word is in, as WordList bits, in one look-up.
  std::uint16_t word_lists(std::string_view key) const;

 private:
  void add(EntityType type, std::string_view name, std::string_view alias, bool acronym,
           bool demonym, bool after_place = false, bool town = false, bool ambiguous = false);
  void add_countries();
  void add_cities();
  void add_wordnet();
  void add_tables();
  void add_words();
  const GazetteerEntry* lookup(const std::string& key) const;

  std::vector<GazetteerEntry> entries_;  // reserved up front: pointers into it stay valid
  std::unordered_map<std::string, std::uint32_t> phrases_;  // folded phrase -> entry index
  // First folded word of every phrase -> the most words of a phrase starting with it, so a match
  // tries no longer phrases than exist ("abu" starts long names, "pakistan" short ones).
  std::unordered_map<std::string, std::size_t> first_words_;
  std::unordered_set<std::string> titles_, role_nouns_, given_names_, word_given_names_,
      name_words_, org_words_, common_words_, speech_verbs_, calendar_names_, particles_;
  std::vector<std::string> surname_endings_;
  std::unordered_map<std::string, std::uint16_t> word_lists_;
};

// Hand-written fact tables (gazetteer_tables.cpp) and the city data, compiled in at build time from
// data/places.tsv (gazetteer_places.cpp in the build tree).
namespace gazetteer_data {
struct Named {
  const char* name;     // canonical name
  const char* aliases;  // '|'-separated; a leading '^' marks an acronym alias (upper case only),
                        // a leading '~' one that names the place only after "Town," ("Ga.")
};
std::span<const Named> organisations();
std::span<const Named> regions();
std::span<const Named> admin_divisions();  // states and provinces, with their abbreviations
std::span<const Named> demonyms();         // name = ISO 3166 country code
std::span<const Named>
country_names();                     // ISO code -> English name and extra aliases, overriding ICU
std::string_view cities_tsv();       // core/entities/data/places.tsv
std::string_view given_names_txt();  // core/entities/data/given_names.txt
std::string_view surnames_txt();     // core/entities/data/surnames.txt
std::string_view wordnet_tsv();      // core/entities/data/wordnet.tsv
std::string_view titles();
std::string_view role_nouns();
std::string_view given_names();
std::string_view org_words();
std::string_view common_words();
std::string_view speech_verbs();
std::string_view surname_endings();  // Cyrillic, '|'-separated
std::string_view arabic_script_function_words();
std::string_view chinese_roles();        // '|'-separated
std::string_view chinese_stop_words();   // '|'-separated
std::string_view chinese_surnames();     // one character each, no separator
std::string_view calendar_names();       // months and weekdays in full
std::string_view month_abbreviations();  // "jan", "sept"
}  // namespace gazetteer_data

}  // namespace newsdex
