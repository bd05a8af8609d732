// MentionFinder's organisation passes: capitalised sequences ending in an organisation word
// ("Baku State University", "Ministry of Defence of Pakistan"), outlets named after a media noun,
// acronyms the text defines, and later mentions of organisations already found.
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "mention_finder.hpp"

namespace newsdex {
namespace {

// Words that modify an organisation word rather than introduce a person ("Foreign Ministry").
bool org_modifier(std::string_view key) {
  static const std::unordered_set<std::string_view> kWords = {
      "foreign",     "defense",  "defence",  "interior", "economy", "finance", "trade",
      "army",        "air",      "naval",    "home",     "armed",   "trade",   "defense ministry",
      "information", "external", "affairs",  "economic", "deputy",  "vice",    "first",
      "senior",      "chief",    "director", "joint",    "general", "state",   "national"};
  return kWords.contains(key);
}

bool function_word(std::string_view key) {
  static const std::unordered_set<std::string_view> kWords = {
      "the",  "a",     "an",    "this", "that", "these", "those", "in",     "on",
      "at",   "of",    "for",   "and",  "but",  "or",    "after", "before", "during",
      "when", "while", "since", "as",   "by",   "with",  "from",  "to",     "its",
      "his",  "her",   "their", "our",  "my",   "your",  "if",    "so",     "then"};
  return kWords.contains(key);
}

// "Chiefs of Staff", "Transport and Infrastructure", Turkish "Ulaştırma ve Altyapı" (folded).
bool is_connector(std::string_view key) {
  return key == "of" || key == "and" || key == "ve" || key == "və" || key == "va";
}

}  // namespace

// Capitalised sequences ending in an organisation word, with "of/for/on ..." tails.
void MentionFinder::find_organisations() {
  for (std::size_t head = 0; head < tokens_.size(); ++head) {
    if (!latin_cap(head) || !gaz_.is_org_word(tokens_[head].key)) continue;
    std::size_t begin = head;
    while (begin > 0) {
      const std::size_t k = begin - 1;
      const Token& t = tokens_[k];
      if (!latin_cap(k) || t.possessive || t.comma_after || t.paren_after || t.digit) break;
      if (tokens_[begin].sentence_start && !tokens_[begin].hyphen_before) break;
      if (function_word(t.key) ||
          (t.sentence_start && gaz_.is_common_word(t.key) && !org_modifier(t.key)))
        break;
      if (gaz_.is_title(t.key) && !org_modifier(t.key)) break;
      if (is_demonym(k)) {
        // "Turkish Parliament", "American Bar Association": a nation's adjective starts the name.
        begin = k;
        break;
      }
      begin = k;
      // "Joint Chiefs of Staff Committee": step over a connector between capitalised words.
      if (begin >= 2 && !tokens_[begin - 1].cap && is_connector(tokens_[begin - 1].key) &&
          latin_cap(begin - 2) && !function_word(tokens_[begin - 2].key) &&
          !gaz_.is_title(tokens_[begin - 2].key) && !tokens_[begin - 2].possessive &&
          !tokens_[begin - 2].comma_after) {
        begin -= 2;
      }
    }
    std::size_t end = head + 1;
    bool in_tail = false;
    while (end < tokens_.size() && !tokens_[end - 1].possessive && !tokens_[end - 1].comma_after &&
           !tokens_[end - 1].paren_after) {
      std::size_t k = end;
      const std::string& w = tokens_[k].key;
      const bool connector =
          !tokens_[k].cap && (w == "of" || w == "for" || w == "on" || (w == "and" && in_tail));
      if (connector) {
        ++k;
        if (k < tokens_.size() && tokens_[k].key == "the" && !tokens_[k].cap) ++k;
      } else if (!(latin_cap(k) && gaz_.is_org_word(tokens_[k].key) &&
                   !tokens_[k].sentence_start)) {
        break;
      }
      std::size_t stop = k;
      while (stop < tokens_.size() && latin_cap(stop) && !tokens_[stop].sentence_start &&
             !is_demonym(stop) && !function_word(tokens_[stop].key) &&
             !tokens_[stop].paren_before && !gaz_.is_calendar_name(tokens_[stop].key) &&
             !gaz_.is_given_name(tokens_[stop].key)) {
        const bool last =
            tokens_[stop].possessive || tokens_[stop].comma_after || tokens_[stop].paren_after;
        ++stop;
        if (last) break;
      }
      if (stop == k) break;
      in_tail = in_tail || connector;
      end = stop;
    }
    // A gazetteer organisation that runs past the pattern's end wins ("Inter-Services Public
    // Relations").
    for (std::size_t p = begin; p < end; ++p) {
      const auto m = gaz_.match(tokens_, p);
      if (m && m->entry->type == EntityType::org && p + m->length > end) end = p + m->length;
    }
    if (end - begin < 2 || generic_force(begin, end)) continue;
    add_org(begin, end);
    head = end - 1;
  }
}

// "the House", "the Legislature", "the Cabinet": capitalised inside a sentence after "the", an
// institution's common noun names the one the story is about.
void MentionFinder::find_institutions() {
  static const std::unordered_set<std::string_view> kInstitutions = {
      "house",  "legislature", "assembly", "cabinet",   "parliament", "army",
      "navy",   "bundestag",   "knesset",  "duma",      "politburo",  "judiciary",
      "senate", "congress",    "treasury", "reichstag", "storting",   "riksdag"};
  for (std::size_t i = 1; i < tokens_.size(); ++i) {
    if (!latin_cap(i) || tokens_[i].all_caps || tokens_[i].sentence_start) continue;
    if (!kInstitutions.contains(tokens_[i].key)) continue;
    if (tokens_[i - 1].key != "the" || tokens_[i - 1].cap) continue;
    // "the House of Commons", "the Army Corps": a longer name, left to the other passes.
    const bool longer = i + 1 < tokens_.size() && !tokens_[i].comma_after && !tokens_[i].line_end &&
                        (tokens_[i + 1].cap || tokens_[i + 1].key == "of");
    if (!longer) add_org(i, i + 1);
  }
}

// "Armed Forces", "Air Force": whose forces the text says elsewhere; alone they name nobody.
bool MentionFinder::generic_force(std::size_t begin, std::size_t end) const {
  const std::string& head = tokens_[end - 1].key;
  if (head != "force" && head != "forces") return false;
  if (is_demonym(begin)) return false;
  return std::all_of(tokens_.begin() + static_cast<std::ptrdiff_t>(begin),
                     tokens_.begin() + static_cast<std::ptrdiff_t>(end), [&](const Token& t) {
                       return org_modifier(t.key) || gaz_.is_org_word(t.key) || t.key == "armed";
                     });
}

void MentionFinder::add_org(std::size_t begin, std::size_t end) {
  const std::string surface = surface_of(begin, end);
  const GazetteerEntry* known = gaz_.find(surface);
  Candidate raw{known != nullptr ? known->type : EntityType::org, begin, end, begin,
                known != nullptr ? known->name : surface};
  candidates_.push_back(std::move(raw));
  claim(begin, end);
}

// "the Urdu-language daily Akhbar-e-Shaam", "TV channel Kausar": the noun before names the
// outlet.
void MentionFinder::find_named_media() {
  static const std::unordered_set<std::string_view> kCues = {
      "daily", "newspaper", "weekly", "channel", "magazine", "outlet", "broadcaster", "tabloid"};
  for (std::size_t i = 0; i + 1 < tokens_.size(); ++i) {
    if (tokens_[i].cap || !kCues.contains(tokens_[i].key) || !latin_cap(i + 1) ||
        tokens_[i + 1].sentence_start)
      continue;
    std::size_t end = i + 1;
    while (end < tokens_.size() && end - i <= 4 && latin_cap(end) &&
           !function_word(tokens_[end].key) && (end == i + 1 || !tokens_[end].sentence_start)) {
      const bool last =
          tokens_[end].possessive || tokens_[end].comma_after || tokens_[end].paren_after;
      ++end;
      if (last) break;
    }
    if (end == i + 1) continue;
    const auto m = gaz_.match(tokens_, i + 1);
    if (m && m->entry->type == EntityType::place && m->length >= end - i - 1) continue;
    add_org(i + 1, end);
  }
}

// Later mentions of an organisation the text already named, by the same words ("Harbour Gazette").
void MentionFinder::repeat_organisations() {
  const std::size_t found = candidates_.size();
  for (std::size_t r = 0; r < found; ++r) {
    const Candidate known = candidates_[r];
    if (known.type != EntityType::org || known.end_tok == known.begin_tok) continue;
    const std::size_t n = known.end_tok - known.begin_tok;
    for (std::size_t i = 0; i + n <= tokens_.size(); ++i) {
      bool same = true;
      for (std::size_t k = 0; k < n && same; ++k) {
        same = !used_[i + k] && tokens_[i + k].cap &&
               tokens_[i + k].key == tokens_[known.begin_tok + k].key;
      }
      if (!same) continue;
      candidates_.push_back(Candidate{EntityType::org, i, i + n, i, known.name});
      claim(i, i + n);
    }
  }
}

// "Nordic Chamber of Port Operators (NCPO)": the acronym names the org.
void MentionFinder::find_defined_acronyms() {
  std::unordered_map<std::string, std::string> defined;  // acronym key -> org name
  const std::size_t orgs = candidates_.size();
  for (std::size_t r = 0; r < orgs; ++r) {
    const std::size_t next = candidates_[r].end_tok;
    if (next < tokens_.size() && tokens_[next].paren_before && tokens_[next].all_caps &&
        tokens_[next].paren_after) {
      defined.emplace(tokens_[next].key, candidates_[r].name);
    }
  }
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    if (used_[i] || !tokens_[i].all_caps) continue;
    const auto it = defined.find(tokens_[i].key);
    if (it == defined.end()) continue;
    candidates_.push_back(Candidate{EntityType::org, i, i + 1, i, it->second});
    used_[i] = true;
  }
}

}  // namespace newsdex
