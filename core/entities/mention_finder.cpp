// MentionFinder's frame: tokenizing, the order of the passes, claiming tokens, and the gazetteer
// pass. The organisation and person passes are in organisation_mentions.cpp and
// person_mentions.cpp.
#include "mention_finder.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "ascii.hpp"

namespace newsdex {

using entity_text::Script;

MentionFinder::MentionFinder(const Gazetteer& gaz, std::string text)
    : gaz_(gaz), text_(std::move(text)) {
  tokens_ = entity_text::tokenize(text_);
  used_.assign(tokens_.size(), false);
}

std::vector<Candidate> MentionFinder::run() {
  find_organisations();
  find_named_media();
  find_defined_acronyms();
  repeat_organisations();
  find_institutions();
  find_counties();
  find_gazetteer();
  find_regions();
  find_people();
  find_cyrillic_people();
  find_arabic_script_people();
  find_chinese_people();
  return std::move(candidates_);
}

std::string MentionFinder::surface_of(std::size_t b, std::size_t e) const {
  return text_.substr(tokens_[b].begin, tokens_[e - 1].end - tokens_[b].begin);
}

bool MentionFinder::latin_cap(std::size_t i) const {
  return i < tokens_.size() && tokens_[i].script == Script::latin && tokens_[i].cap && !used_[i];
}

bool MentionFinder::is_demonym(std::size_t i) const {
  const auto m = gaz_.match(tokens_, i);
  return m && m->length == 1 && m->entry->demonym;
}

void MentionFinder::claim(std::size_t b, std::size_t e) {
  std::fill(used_.begin() + static_cast<std::ptrdiff_t>(b),
            used_.begin() + static_cast<std::ptrdiff_t>(e), true);
}

void MentionFinder::find_gazetteer() {
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    if (used_[i]) continue;
    const auto m = gaz_.match(tokens_, i);
    if (!m) continue;
    // "George Washington", "Andrew Jackson": after a given name or an initial, one word that is
    // also a place is a surname.
    if (m->length == 1 && latin_cap(i - 1) && !tokens_[i].sentence_start &&
        (tokens_[i - 1].initial || gaz_.is_given_name(tokens_[i - 1].key)))
      continue;
    // "Stanley Mosk", "Florence Ortmann": a given name that is also a place, in front of a name
    // that is not a place, starts a person's name.
    if (m->length == 1 && gaz_.is_given_name(tokens_[i].key) && !tokens_[i].all_caps &&
        !tokens_[i].comma_after && !tokens_[i].possessive && !tokens_[i].line_end &&
        latin_cap(i + 1) && !tokens_[i + 1].sentence_start && name_token_ok(tokens_[i + 1]) &&
        !gaz_.match(tokens_, i + 1))
      continue;
    // "the Kremlin" and "Pakistan" are entities; "Turkey" inside "Turkey Azerbaijan Pakistan"
    // too. A demonym ("Pakistani officials") names no place: it is only kept from being a name.
    // "West Berlin", "Southern California": a compass word before a place named by its own name
    // (not "Southern Pacific", an alias of the ocean) is part of its name.
    const std::string_view canonical = m->entry->name;
    const bool own_name =
        ascii_lower(canonical.substr(canonical.rfind(' ') + 1)) == tokens_[i + m->length - 1].key;
    const std::size_t begin =
        m->entry->type == EntityType::place && !m->entry->demonym && own_name && compass_before(i)
            ? i - 1
            : i;
    const std::string name =
        begin < i ? surface_of(begin, i) + " " + m->entry->name : m->entry->name;
    if (!m->entry->demonym)
      candidates_.push_back(Candidate{m->entry->type, begin, i + m->length, begin, name});
    claim(begin, i + m->length);
    // "Decatur, Ga.": the capitalised words before a state's abbreviation name a town.
    if (m->entry->after_place) find_town_before(i - 1);
    i += m->length - 1;
  }
}

bool MentionFinder::is_compass(std::string_view key) {
  static const std::unordered_set<std::string_view> kWords = {
      "north",     "south",     "east",      "west",      "northern", "southern",
      "eastern",   "western",   "central",   "upper",     "lower",    "greater",
      "northeast", "northwest", "southeast", "southwest", "midwest"};
  return kWords.contains(key);
}

bool MentionFinder::compass_before(std::size_t i) const {
  return i > 0 && latin_cap(i - 1) && is_compass(tokens_[i - 1].key) &&
         !tokens_[i - 1].comma_after && !tokens_[i - 1].line_end && !tokens_[i - 1].possessive &&
         !tokens_[i - 1].all_caps;
}

// "the South", "the West": a compass word after "the", with no name after it, is a region.
void MentionFinder::find_regions() {
  static const std::unordered_set<std::string_view> kRegions = {
      "north",     "south",     "east",      "west",     "midwest",
      "northeast", "northwest", "southeast", "southwest"};
  for (std::size_t i = 1; i < tokens_.size(); ++i) {
    if (!latin_cap(i) || tokens_[i].all_caps || !kRegions.contains(tokens_[i].key)) continue;
    if (tokens_[i - 1].key != "the" || tokens_[i - 1].cap || tokens_[i].possessive) continue;
    if (!tokens_[i].comma_after && !tokens_[i].line_end && i + 1 < tokens_.size() &&
        tokens_[i + 1].cap && !tokens_[i + 1].sentence_start)
      continue;  // "the West Coast", "the South Side": a longer name
    candidates_.push_back(Candidate{EntityType::place, i, i + 1, i, surface_of(i, i + 1)});
    claim(i, i + 1);
  }
}

void MentionFinder::find_town_before(std::size_t last) {
  std::size_t begin = last + 1;
  while (begin > 0 && last + 1 - begin < 3 && latin_cap(begin - 1) && !tokens_[begin - 1].digit) {
    --begin;
    if (tokens_[begin].sentence_start) break;
    if (begin > 0 && (tokens_[begin - 1].comma_after || tokens_[begin - 1].line_end)) break;
  }
  if (begin > last) return;
  const std::string name = surface_of(begin, last + 1);
  candidates_.push_back(Candidate{EntityType::place, begin, last + 1, begin, name});
  claim(begin, last + 1);
}

// "Fulton County", "St. Clair County", "Orleans Parish": a county is a place, named or not in
// the gazetteer.
void MentionFinder::find_counties() {
  for (std::size_t i = 1; i < tokens_.size(); ++i) {
    if (!latin_cap(i) || (tokens_[i].key != "county" && tokens_[i].key != "parish")) continue;
    std::size_t begin = i;
    while (begin > 0 && i - begin < 3 && latin_cap(begin - 1) && !tokens_[begin - 1].digit &&
           !tokens_[begin - 1].comma_after && !tokens_[begin - 1].possessive &&
           !gaz_.is_common_word(tokens_[begin - 1].key) && !tokens_[begin].sentence_start)
      --begin;
    if (begin == i) continue;
    candidates_.push_back(
        Candidate{EntityType::place, begin, i + 1, begin, surface_of(begin, i + 1)});
    claim(begin, i + 1);
  }
}

}  // namespace newsdex
