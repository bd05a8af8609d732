#include "gazetteer.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "normalize.hpp"

namespace newsdex {
namespace {

using entity_text::Script;
using entity_text::Token;

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const auto pos = text.find(sep);
    const auto part = text.substr(0, pos);
    if (!part.empty()) out.push_back(part);
    if (pos == std::string_view::npos) break;
    text.remove_prefix(pos + 1);
  }
  return out;
}

// The token's key as the gazetteer compares it. Search folding keeps Arabic-script vowel marks
// for the Arabic stemmer; names are written with or without them ("اقوامِ متحدہ", Urdu with an
// izafat kasra, is "اقوام متحدہ"), so matching drops the harakat and the tatweel, keeping hamza
// and madda, which make letters of their own.
std::string match_key(const Token& t) {
  if (t.script != Script::arabic) return t.key;
  std::string out;
  out.reserve(t.key.size());
  for (std::size_t i = 0; i < t.key.size(); ++i) {
    const auto next = i + 1 < t.key.size() ? static_cast<unsigned char>(t.key[i + 1]) : 0;
    if (t.key[i] == '\xD9') {
      const bool haraka = (next >= 0x8B && next <= 0x9F && (next < 0x93 || next > 0x95)) ||
                          next == 0xB0 /* U+0670 superscript alef */;
      if (haraka || next == 0x80 /* U+0640 tatweel */) {
        ++i;
        continue;
      }
    }
    out += t.key[i];
  }
  return out;
}

std::string phrase_key(std::string_view phrase) {
  std::string key;
  for (const Token& t : entity_text::tokenize(phrase)) {
    if (!key.empty()) key += ' ';
    key += match_key(t);
  }
  return key;
}

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// ICU's display names sometimes carry a qualifier: "Congo (DRC)", "Hong Kong SAR China".
std::string strip_qualifier(std::string name) {
  if (const auto pos = name.find(" ("); pos != std::string::npos) name.resize(pos);
  if (const auto pos = name.find(" SAR"); pos != std::string::npos) name.resize(pos);
  return name;
}

// Languages whose Latin-script country names we accept. Other Latin-script locales add little
// and risk words that are ordinary English ("Island" is Iceland in German).
bool latin_language_wanted(std::string_view lang) {
  static const std::unordered_set<std::string_view> kLangs = {
      "en", "de", "fr", "es", "it", "pt", "nl", "tr", "az", "pl", "ro", "sv",
      "da", "no", "nb", "fi", "cs", "sk", "hu", "hr", "sr", "bs", "sl", "id",
      "ms", "uz", "tk", "sq", "lt", "lv", "et", "ca", "eu", "ga"};
  return kLangs.contains(lang);
}

// "in Mobile", "near Reading": a preposition of place before the name.
bool after_place_preposition(std::span<const Token> tokens, std::size_t i) {
  static const std::unordered_set<std::string_view> kBefore = {"in",   "at",     "near",  "outside",
                                                               "from", "around", "across"};
  return i > 0 && !tokens[i - 1].cap && kBefore.contains(tokens[i - 1].key);
}

// A small town's name is a place where the text says so: after a preposition of place ("in
// Decatur") or before a comma and a capitalised word ("Decatur, Ga.", "Carbondale, Illinois").
bool place_context(std::span<const Token> tokens, std::size_t i, std::size_t n) {
  if (after_place_preposition(tokens, i)) return true;
  const std::size_t after = i + n;
  return after < tokens.size() && tokens[after - 1].comma_after && tokens[after].cap &&
         !tokens[after].sentence_start;
}

}  // namespace

Gazetteer::Gazetteer() {
  add_words();
  add_tables();
  add_countries();
  add_cities();
  add_wordnet();
  const std::pair<const std::unordered_set<std::string>*, WordList> lists[] = {
      {&given_names_, WordList::given_name},   {&word_given_names_, WordList::word_given_name},
      {&name_words_, WordList::name_word},     {&titles_, WordList::title},
      {&role_nouns_, WordList::role_noun},     {&org_words_, WordList::org_word},
      {&common_words_, WordList::common_word}, {&calendar_names_, WordList::calendar_name},
      {&speech_verbs_, WordList::speech_verb}};
  for (const auto& [set, bit] : lists)
    for (const std::string& word : *set) word_lists_[word] |= static_cast<std::uint16_t>(bit);
}

std::uint16_t Gazetteer::word_lists(std::string_view key) const {
  const auto it = word_lists_.find(std::string(key));
  return it == word_lists_.end() ? 0 : it->second;
}

void Gazetteer::add(EntityType type, std::string_view name, std::string_view alias, bool acronym,
                    bool demonym, bool after_place, bool town, bool ambiguous) {
  std::string key = phrase_key(alias);
  if (key.empty() || phrases_.contains(key)) return;
  const auto words = static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ') + 1);
  auto& longest = first_words_[key.substr(0, key.find(' '))];
  longest = std::max(longest, words);
  phrases_.emplace(std::move(key), static_cast<std::uint32_t>(entries_.size()));
  entries_.push_back(
      GazetteerEntry{type, std::string(name), acronym, demonym, after_place, town, ambiguous});
  // Place names are written with "Saint", "Mount", "Fort" in full or cut short, whichever way a
  // table spells them: "St. Paul" is "Saint Paul", "Mt. Vernon" is "Mount Vernon". Only a place's
  // own name: another city's foreign alias ("Saint Louis" for San Luis) must not take the key.
  if (type != EntityType::place || alias != name) return;
  static constexpr std::pair<std::string_view, std::string_view> kShortForms[] = {
      {"Saint ", "St. "}, {"Sainte ", "Ste. "}, {"Mount ", "Mt. "}, {"Fort ", "Ft. "}};
  for (const auto& [full, cut] : kShortForms) {
    for (const auto& [from, to] : {std::pair(full, cut), std::pair(cut, full)}) {
      if (alias.starts_with(from)) {
        const std::string other = std::string(to) + std::string(alias.substr(from.size()));
        add(type, name, other, acronym, demonym, after_place, town, ambiguous);
        return;
      }
    }
  }
}

void Gazetteer::add_words() {
  using namespace gazetteer_data;
  const auto fill = [](std::unordered_set<std::string>& set, std::string_view words) {
    for (auto w : split(words, '|')) set.emplace(w);
  };
  fill(titles_, titles());
  fill(role_nouns_, role_nouns());
  fill(given_names_, given_names());
  for (auto line : split(given_names_txt(), '\n')) {
    if (line.front() == '~')
      word_given_names_.emplace(line.substr(1));
    else if (line.front() != '#')
      given_names_.emplace(line);
  }
  for (auto line : split(surnames_txt(), '\n')) {
    if (line.front() != '#') name_words_.emplace(line);
  }
  fill(org_words_, org_words());
  fill(common_words_, common_words());
  fill(speech_verbs_, speech_verbs());
  fill(common_words_, calendar_names());
  fill(common_words_, month_abbreviations());
  fill(calendar_names_, calendar_names());
  fill(role_nouns_, chinese_roles());
  fill(particles_, arabic_script_function_words());
  fill(particles_, chinese_stop_words());
  for (auto ending : split(surname_endings(), '|')) surname_endings_.emplace_back(ending);
}

void Gazetteer::add_tables() {
  using namespace gazetteer_data;
  const auto add_named = [this](EntityType type, const Named& named) {
    add(type, named.name, named.name, false, false);
    for (auto alias : split(named.aliases, '|')) {
      const bool acronym = alias.front() == '^';
      const bool after_place = alias.front() == '~';
      if (acronym || after_place) alias.remove_prefix(1);
      add(type, named.name, alias, acronym, false, after_place);
    }
  };
  for (const Named& org : organisations()) add_named(EntityType::org, org);
  for (const Named& region : regions()) add_named(EntityType::place, region);
  for (const Named& division : admin_divisions()) add_named(EntityType::place, division);
  // Country names the news uses, before ICU's: these decide each country's canonical name.
  for (const Named& country : country_names()) {
    const auto names = split(country.aliases, '|');
    add(EntityType::place, names.front(), names.front(), false, false);
    for (auto alias : names) {
      const bool acronym = alias.front() == '^';
      if (acronym) alias.remove_prefix(1);
      add(EntityType::place, names.front(), alias, acronym, false);
    }
  }
}

void Gazetteer::add_countries() {
  using namespace gazetteer_data;
  std::unordered_map<std::string, std::string> english;  // ISO code -> canonical name
  for (const Named& country : country_names()) {
    english.emplace(country.name, std::string(split(country.aliases, '|').front()));
  }
  int32_t locale_count = 0;
  const icu::Locale* locales = icu::Locale::getAvailableLocales(locale_count);
  std::vector<icu::Locale> languages;
  for (int32_t i = 0; i < locale_count; ++i) {
    if (locales[i].getCountry()[0] == '\0' && locales[i].getScript()[0] == '\0') {
      languages.push_back(locales[i]);
    }
  }
  std::vector<std::pair<std::string, std::string>> countries;  // code, English name
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    icu::UnicodeString display;
    icu::Locale("", *code).getDisplayCountry(icu::Locale::getEnglish(), display);
    std::string name = strip_qualifier(utf8(display));
    if (name == *code) continue;  // ICU has no name for it: a withdrawn code
    if (auto it = english.find(*code); it != english.end()) name = it->second;
    countries.emplace_back(*code, name);
    add(EntityType::place, name, name, false, false);
  }
  for (const auto& [code, name] : countries) {
    const icu::Locale region("", code.c_str());
    for (const icu::Locale& lang : languages) {
      icu::UnicodeString display;
      region.getDisplayCountry(lang, display);
      std::string alias = strip_qualifier(utf8(display));
      if (alias == code) continue;
      // Short Latin names from other languages collide with English words ("Man" for the Isle of
      // Man).
      if (entity_text::script_of(alias) == Script::latin &&
          (!latin_language_wanted(lang.getLanguage()) || alias.size() < 4 ||
           common_words_.contains(fold(alias)))) {
        continue;
      }
      add(EntityType::place, name, alias, false, false);
    }
  }
  for (const Named& demonym : demonyms()) {
    const auto it = std::find_if(countries.begin(), countries.end(),
                                 [&](const auto& c) { return c.first == demonym.name; });
    if (it == countries.end()) continue;
    for (auto form : split(demonym.aliases, '|')) {
      add(EntityType::place, it->second, form, false, true);
      const char last = form.back();
      if (last == 'i' || last == 'n' || last == 'k') {  // Iraqis, Italians, Uzbeks
        add(EntityType::place, it->second, std::string(form) + "s", false, true);
      }
    }
  }
}

void Gazetteer::add_cities() {
  for (auto line : split(gazetteer_data::cities_tsv(), '\n')) {
    if (line.front() == '#') continue;
    const auto fields = split(line, '\t');
    if (fields.size() < 2) continue;
    const bool town = fields.size() > 2 && fields[2] == "town";
    const bool ambiguous = fields.size() > 2 && fields[2] == "ambiguous";
    add(EntityType::place, fields[1], fields[1], false, false, false, town, ambiguous);
    if (fields.size() < 3 || town || ambiguous) continue;
    for (auto alias : split(fields[2], '|')) {
      // Latin-script alternates of a city are mostly the English name respelled; skip those that
      // are ordinary words.
      if (entity_text::script_of(alias) == Script::latin && common_words_.contains(fold(alias))) {
        continue;
      }
      add(EntityType::place, fields[1], alias, false, false);
    }
  }
}

// After every other table, so WordNet only adds names they lack, and a WordNet name of a place or
// organisation they know ("Keystone State" beside "Pennsylvania") takes their canonical name.
void Gazetteer::add_wordnet() {
  for (auto line : split(gazetteer_data::wordnet_tsv(), '\n')) {
    if (line.front() == '#') continue;
    // type, name, aliases, flags; the aliases may be empty, which split() would drop.
    std::string_view fields[4];
    for (std::string_view& field : fields) {
      const auto tab = line.find('\t');
      field = line.substr(0, tab);
      line.remove_prefix(tab == std::string_view::npos ? line.size() : tab + 1);
    }
    if (fields[1].empty()) continue;
    const bool ambiguous = fields[3] == "ambiguous";
    std::vector<std::string_view> names = split(fields[2], '|');
    names.insert(names.begin(), fields[1]);
    if (fields[0] == "person") {
      // A lone famous surname inside a sentence is a person ("Haydn", "Dulles"), as the surname
      // list's words are; one that is also a word, a given name or a place is not enough alone.
      for (std::string_view name : names) {
        if (name.front() == '^' || name.find(' ') != std::string_view::npos) continue;
        if (ambiguous && name == fields[1]) continue;
        const std::string key = fold(name);
        if (!common_words_.contains(key) && !given_names_.contains(key) &&
            !word_given_names_.contains(key) && lookup(phrase_key(name)) == nullptr)
          name_words_.insert(key);
      }
      continue;
    }
    const EntityType type = fields[0] == "org" ? EntityType::org : EntityType::place;
    // An organisation whose name is also a word ("Allies", "Opposition") is left out; a place
    // such as "Acre" is one after "in", "at", "near"...
    if (type == EntityType::org && ambiguous) continue;
    std::string canonical(fields[1]);
    for (std::string_view name : names) {
      const GazetteerEntry* known = lookup(phrase_key(name.front() == '^' ? name.substr(1) : name));
      if (known != nullptr && known->type == type) {
        canonical = known->name;
        break;
      }
    }
    for (std::string_view name : names) {
      const bool acronym = name.front() == '^';
      if (acronym) name.remove_prefix(1);
      const bool one_word = name.find(' ') == std::string_view::npos;
      const bool unclear =
          (ambiguous && name == fields[1]) || (one_word && name_words_.contains(fold(name)));
      add(type, canonical, name, acronym, false, false, false, unclear);
    }
  }
}

bool Gazetteer::has_surname_ending(std::string_view key) const {
  constexpr std::size_t kMinBytes = 8;  // four Cyrillic letters
  return key.size() >= kMinBytes &&
         std::any_of(surname_endings_.begin(), surname_endings_.end(),
                     [&](const std::string& ending) { return key.ends_with(ending); });
}

const GazetteerEntry* Gazetteer::lookup(const std::string& key) const {
  const auto it = phrases_.find(key);
  return it == phrases_.end() ? nullptr : &entries_[it->second];
}

const GazetteerEntry* Gazetteer::find(std::string_view phrase) const {
  return lookup(phrase_key(phrase));
}

std::optional<GazetteerMatch> Gazetteer::match(std::span<const Token> tokens, std::size_t i) const {
  const Token& first = tokens[i];
  if (first.digit) return std::nullopt;
  if (first.script == Script::latin && !first.cap)
    return std::nullopt;  // names start with a capital
  // Cyrillic names take case endings ("Пакистана", "Азербайджане"); Arabic glues on prefixes
  // ("وباكستان", "الباكستان"). Try the plain word, then the word without them.
  const std::string first_key = match_key(first);
  std::vector<std::string> first_keys = {first_key};
  if (first.script == Script::arabic) {
    for (std::string_view prefix : {"وال", "بال", "لل", "ال", "و", "ب", "ل", "ف"}) {
      if (first_key.starts_with(prefix) && first_key.size() >= prefix.size() + 6) {
        first_keys.push_back(first_key.substr(prefix.size()));
      }
    }
  }
  const auto trimmed = [](const std::string& key, std::size_t chars) {
    return key.size() > 2 * chars + 6 ? key.substr(0, key.size() - 2 * chars) : std::string();
  };
  if (first.script == Script::cyrillic) {
    for (std::size_t n : {1, 2}) {
      if (auto k = trimmed(first.key, n); !k.empty()) first_keys.push_back(k);
    }
  }
  std::size_t longest_phrase = 0;
  for (const std::string& k : first_keys) {
    if (const auto it = first_words_.find(k); it != first_words_.end())
      longest_phrase = std::max(longest_phrase, it->second);
  }
  if (longest_phrase == 0) return std::nullopt;
  const bool latin = first.script == Script::latin;
  const std::size_t longest = std::min(longest_phrase, tokens.size() - i);
  for (std::size_t n = longest; n >= 1; --n) {
    // A name never runs across a sentence or line break.
    bool broken = false;
    for (std::size_t k = i + 1; k < i + n && !broken; ++k)
      broken = tokens[k].sentence_start && !tokens[k - 1].initial;
    if (broken) continue;
    std::vector<std::string> keys;
    if (n == 1) {
      keys = first_keys;
    } else {
      std::string key = first_key;
      for (std::size_t k = i + 1; k < i + n; ++k) key += ' ' + match_key(tokens[k]);
      keys.push_back(key);
      if (tokens[i + n - 1].script == Script::cyrillic) {
        for (std::size_t c : {1, 2}) {
          if (auto t = trimmed(key, c); !t.empty()) keys.push_back(t);
        }
      }
    }
    for (const std::string& key : keys) {
      const GazetteerEntry* entry = lookup(key);
      if (entry == nullptr) continue;
      if (latin) {
        const Token& last = tokens[i + n - 1];
        if (!last.cap && !last.digit) continue;
        if (entry->after_place && (i == 0 || !tokens[i - 1].comma_after || !last.dot_after))
          continue;
        if (entry->town && !place_context(tokens, i, n)) continue;
        if (entry->ambiguous && !after_place_preposition(tokens, i)) continue;
        if (entry->acronym) {
          const bool upper = std::all_of(
              tokens.begin() + static_cast<std::ptrdiff_t>(i),
              tokens.begin() + static_cast<std::ptrdiff_t>(i + n),
              [](const Token& t) { return t.all_caps || (t.cap && t.key.size() == 1); });
          if (!upper) continue;
        }
      }
      return GazetteerMatch{entry, n};
    }
  }
  return std::nullopt;
}

}  // namespace newsdex
