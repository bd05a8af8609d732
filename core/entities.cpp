#include "entities.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "entity_text.hpp"

namespace newsdex {
namespace {

using entity_text::Script;
using entity_text::Token;

// A mention before clustering: which tokens, what it names, and how sure we are.
struct Raw {
  EntityType type;
  std::size_t begin_tok;  // surface tokens [begin_tok, end_tok)
  std::size_t end_tok;
  std::size_t name_begin;  // name tokens within the surface (titles excluded)
  std::string name;        // gazetteer canonical name, or empty (decided when clustering)
  bool cue = false;        // a title or role word named it a person
  bool evidence = false;   // enough to count as a person on its own
};

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

class DocumentExtraction {
 public:
  DocumentExtraction(const Gazetteer& gaz, std::string text) : gaz_(gaz), text_(std::move(text)) {
    tokens_ = entity_text::tokenize(text_);
    used_.assign(tokens_.size(), false);
  }

  std::vector<Raw> run() {
    find_organisations();
    find_named_media();
    find_defined_acronyms();
    repeat_organisations();
    find_gazetteer();
    find_people();
    return std::move(raws_);
  }

  const std::vector<Token>& tokens() const { return tokens_; }
  const std::string& text() const { return text_; }

 private:
  bool latin_cap(std::size_t i) const {
    return i < tokens_.size() && tokens_[i].script == Script::latin && tokens_[i].cap && !used_[i];
  }

  bool is_demonym(std::size_t i) const {
    const auto m = gaz_.match(tokens_, i);
    return m && m->length == 1 && m->entry->demonym;
  }

  void claim(std::size_t b, std::size_t e) {
    std::fill(used_.begin() + static_cast<std::ptrdiff_t>(b),
              used_.begin() + static_cast<std::ptrdiff_t>(e), true);
  }

  // Capitalised sequences ending in an organisation word, with "of/for/on ..." tails.
  void find_organisations() {
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
          // "Turkish Parliament", "Azerbaijani Armed Forces": state bodies named by their nation.
          static const std::unordered_set<std::string_view> kNational = {
              "parliament", "embassy", "consulate", "army", "navy", "forces", "government"};
          if (kNational.contains(tokens_[head].key) && !t.sentence_start) begin = k;
          break;
        }
        begin = k;
        // "Joint Chiefs of Staff Committee": step over a connector between capitalised words.
        if (begin >= 2 && !tokens_[begin - 1].cap &&
            (tokens_[begin - 1].key == "of" || tokens_[begin - 1].key == "and") &&
            latin_cap(begin - 2) && !function_word(tokens_[begin - 2].key) &&
            !gaz_.is_title(tokens_[begin - 2].key) && !tokens_[begin - 2].possessive &&
            !tokens_[begin - 2].comma_after) {
          begin -= 2;
        }
      }
      std::size_t end = head + 1;
      bool in_tail = false;
      while (end < tokens_.size() && !tokens_[end - 1].possessive &&
             !tokens_[end - 1].comma_after && !tokens_[end - 1].paren_after) {
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
               !tokens_[stop].paren_before && !is_month(tokens_[stop].key) &&
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

  static bool is_month(std::string_view key) {
    static const std::unordered_set<std::string_view> kMonths = {
        "january",   "february",  "march",   "april",    "may",      "june",   "july",
        "august",    "september", "october", "november", "december", "monday", "tuesday",
        "wednesday", "thursday",  "friday",  "saturday", "sunday"};
    return kMonths.contains(key);
  }

  // "Armed Forces", "Air Force": whose forces the text says elsewhere; alone they name nobody.
  bool generic_force(std::size_t begin, std::size_t end) const {
    const std::string& head = tokens_[end - 1].key;
    if (head != "force" && head != "forces") return false;
    if (is_demonym(begin)) return false;
    return std::all_of(tokens_.begin() + static_cast<std::ptrdiff_t>(begin),
                       tokens_.begin() + static_cast<std::ptrdiff_t>(end), [&](const Token& t) {
                         return org_modifier(t.key) || gaz_.is_org_word(t.key) || t.key == "armed";
                       });
  }

  void add_org(std::size_t begin, std::size_t end) {
    const std::string surface = surface_of(begin, end);
    const GazetteerEntry* known = gaz_.find(surface);
    Raw raw{known != nullptr ? known->type : EntityType::org, begin, end, begin,
            known != nullptr ? known->name : surface};
    raws_.push_back(std::move(raw));
    claim(begin, end);
  }

  // "the Urdu-language daily Akhbar-e-Shaam", "TV channel Kausar": the noun before names the outlet.
  void find_named_media() {
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

  // Later mentions of an organisation the text already named, by the same words ("Samaa").
  void repeat_organisations() {
    const std::size_t found = raws_.size();
    for (std::size_t r = 0; r < found; ++r) {
      const Raw known = raws_[r];
      if (known.type != EntityType::org || known.end_tok == known.begin_tok) continue;
      const std::size_t n = known.end_tok - known.begin_tok;
      for (std::size_t i = 0; i + n <= tokens_.size(); ++i) {
        bool same = true;
        for (std::size_t k = 0; k < n && same; ++k) {
          same = !used_[i + k] && tokens_[i + k].cap &&
                 tokens_[i + k].key == tokens_[known.begin_tok + k].key;
        }
        if (!same) continue;
        raws_.push_back(Raw{EntityType::org, i, i + n, i, known.name});
        claim(i, i + n);
      }
    }
  }

  // "Pakistan-Azerbaijan Chamber of Economic Cooperation (PAKAZCHAM)": the acronym names the org.
  void find_defined_acronyms() {
    std::unordered_map<std::string, std::string> defined;  // acronym key -> org name
    const std::size_t orgs = raws_.size();
    for (std::size_t r = 0; r < orgs; ++r) {
      const std::size_t next = raws_[r].end_tok;
      if (next < tokens_.size() && tokens_[next].paren_before && tokens_[next].all_caps &&
          tokens_[next].paren_after) {
        defined.emplace(tokens_[next].key, raws_[r].name);
      }
    }
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (used_[i] || !tokens_[i].all_caps) continue;
      const auto it = defined.find(tokens_[i].key);
      if (it == defined.end()) continue;
      raws_.push_back(Raw{EntityType::org, i, i + 1, i, it->second});
      used_[i] = true;
    }
  }

  void find_gazetteer() {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (used_[i]) continue;
      const auto m = gaz_.match(tokens_, i);
      if (!m) continue;
      // "the Kremlin" and "Pakistan" are entities; "Turkey" inside "Turkey Azerbaijan Pakistan"
      // too.
      raws_.push_back(Raw{m->entry->type, i, i + m->length, i, m->entry->name});
      claim(i, i + m->length);
      i += m->length - 1;
    }
  }

  bool name_token_ok(const Token& t) const {
    if (t.initial) return true;
    if (gaz_.is_given_name(t.key)) return true;
    return !gaz_.is_common_word(t.key) && !gaz_.is_org_word(t.key) && !gaz_.is_title(t.key) &&
           !t.all_caps;
  }

  // Runs of capitalised words left over, cut after their titles ("Foreign Minister Jeyhun
  // Bayramov").
  void find_people() {
    for (std::size_t i = 0; i < tokens_.size();) {
      if (!latin_cap(i) || tokens_[i].digit) {
        ++i;
        continue;
      }
      std::size_t end = i + 1;
      while (end < tokens_.size() && !tokens_[end - 1].possessive &&
             !tokens_[end - 1].comma_after && !tokens_[end - 1].paren_after &&
             !tokens_[end - 1].line_end) {
        if (latin_cap(end) && (!tokens_[end].sentence_start || tokens_[end - 1].dot_after)) {
          // "Mr. Khan", "I. Aliyev": the dot after a title or an initial does not end the sentence.
          if (tokens_[end].sentence_start && !tokens_[end - 1].initial &&
              !gaz_.is_title(tokens_[end - 1].key))
            break;
          ++end;
        } else if (end + 1 < tokens_.size() && gaz_.is_name_particle(tokens_[end].key) &&
                   !tokens_[end].cap && latin_cap(end + 1)) {
          end += 2;
        } else {
          break;
        }
      }
      add_person_run(i, end);
      i = end;
    }
  }

  void add_person_run(std::size_t begin, std::size_t end) {
    bool cue = false;
    std::size_t name = begin;
    for (std::size_t k = begin; k < end; ++k) {
      if (gaz_.is_title(tokens_[k].key) && !gaz_.is_given_name(tokens_[k].key)) {
        cue = true;
        name = k + 1;
      }
    }
    if (!cue && begin > 0) {
      const Token& before = tokens_[begin - 1];
      cue = !before.cap && gaz_.is_role_noun(before.key) && !before.comma_after &&
            !tokens_[begin].sentence_start;
      if (tokens_[begin].key == "by" && tokens_[begin].sentence_start) cue = true;
    }
    // Leading words that cannot start a name: "However", "Viewers", "By".
    while (name < end && !gaz_.is_given_name(tokens_[name].key) && !tokens_[name].initial &&
           (gaz_.is_common_word(tokens_[name].key) || gaz_.is_org_word(tokens_[name].key) ||
            tokens_[name].key == "by")) {
      ++name;
    }
    if (name >= end) return;
    for (std::size_t k = name; k < end; ++k) {
      if (!name_token_ok(tokens_[k]) && !gaz_.is_name_particle(tokens_[k].key)) return;
    }
    const std::size_t words = end - name;
    Raw raw{EntityType::person, cue ? begin : name, end, name, {}};
    if (cue && tokens_[begin].key == "by") raw.begin_tok = begin + 1;
    raw.cue = cue;
    const bool initial = tokens_[name].initial && words >= 2;
    const bool given = words >= 2 && gaz_.is_given_name(tokens_[name].key);
    const bool speech =
        end < tokens_.size() && !tokens_[end].cap && gaz_.is_speech_verb(tokens_[end].key);
    raw.evidence = cue || initial || given || (words >= 2 && speech);
    if (words == 1 && tokens_[name].sentence_start && !cue) raw.evidence = false;
    if (tokens_[end - 1].initial || tokens_[end - 1].key.size() < 2) return;  // "N.Y.", "J. D."
    raws_.push_back(std::move(raw));
  }

 public:
  std::string surface_of(std::size_t b, std::size_t e) const {
    return text_.substr(tokens_[b].begin, tokens_[e - 1].end - tokens_[b].begin);
  }

 private:
  const Gazetteer& gaz_;
  std::string text_;
  std::vector<Token> tokens_;
  std::vector<bool> used_;
  std::vector<Raw> raws_;
};

// One person within the document, while clustering.
struct PersonCluster {
  std::vector<std::string> keys;  // of the longest full form
  std::vector<std::size_t> raws;
  std::size_t last_token = 0;
};

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

EntityExtractor::EntityExtractor() = default;

std::vector<Entity> EntityExtractor::extract(const Article& article,
                                             std::string_view /*lang*/) const {
  // One text, so one pass sees the byline, the title and the body; offsets map back per field.
  const std::string byline_prefix = article.byline.empty() ? "" : "By ";
  std::string text = byline_prefix + article.byline + "\n\n";
  const std::size_t title_at = text.size();
  text += article.title + "\n\n";
  const std::size_t body_at = text.size();
  text += article.body;

  DocumentExtraction doc(gazetteer_, std::move(text));
  const std::vector<Raw> raws = doc.run();
  const auto& tokens = doc.tokens();

  const auto mention_of = [&](const Raw& r) {
    Mention m;
    m.surface = doc.surface_of(r.begin_tok, r.end_tok);
    m.form = doc.surface_of(r.name_begin, r.end_tok);
    const std::size_t at = tokens[r.begin_tok].begin;
    m.field = at >= body_at ? Field::body : at >= title_at ? Field::title : Field::byline;
    m.offset = at - (m.field == Field::body    ? body_at
                     : m.field == Field::title ? title_at
                                               : byline_prefix.size());
    return m;
  };

  std::vector<Entity> entities;
  std::map<std::pair<EntityType, std::string>, std::size_t> by_key;  // places and orgs
  std::vector<std::size_t> person_raws;
  for (std::size_t r = 0; r < raws.size(); ++r) {
    const Raw& raw = raws[r];
    if (raw.type == EntityType::person) {
      person_raws.push_back(r);
      continue;
    }
    const std::string key = raw.type == EntityType::org ? entity_text::org_key(raw.name) : raw.name;
    auto [it, fresh] = by_key.emplace(std::pair{raw.type, key}, entities.size());
    if (fresh) entities.push_back(Entity{raw.type, raw.name, {}});
    entities[it->second].mentions.push_back(mention_of(raw));
  }

  // People: full names with evidence found clusters; short forms join the cluster they fit.
  std::sort(person_raws.begin(), person_raws.end(),
            [&](std::size_t a, std::size_t b) { return raws[a].begin_tok < raws[b].begin_tok; });
  std::vector<PersonCluster> clusters;
  const auto keys_of = [&](const Raw& r) {
    std::vector<std::string> keys;
    for (std::size_t k = r.name_begin; k < r.end_tok; ++k) {
      if (gazetteer_.is_name_particle(tokens[k].key) && !tokens[k].cap) continue;
      keys.push_back(tokens[k].initial ? tokens[k].key : entity_text::name_key(tokens[k].key));
    }
    return keys;
  };
  const auto is_full = [&](const std::vector<std::string>& keys) {
    return keys.size() >= 2 && std::none_of(keys.begin(), keys.end(),
                                            [](const std::string& k) { return k.size() == 1; });
  };
  std::vector<std::size_t> fulls;
  for (std::size_t r : person_raws) {
    if (raws[r].evidence && is_full(keys_of(raws[r]))) fulls.push_back(r);
  }
  std::stable_sort(fulls.begin(), fulls.end(), [&](std::size_t a, std::size_t b) {
    return keys_of(raws[a]).size() > keys_of(raws[b]).size();
  });
  std::unordered_map<std::size_t, std::size_t> cluster_of;  // raw -> cluster
  for (std::size_t r : fulls) {
    const auto keys = keys_of(raws[r]);
    auto it = std::find_if(clusters.begin(), clusters.end(), [&](const PersonCluster& c) {
      return entity_text::person_names_compatible(c.keys, keys, false);
    });
    if (it == clusters.end()) {
      clusters.push_back(PersonCluster{keys, {}, 0});
      it = clusters.end() - 1;
    }
    cluster_of[r] = static_cast<std::size_t>(it - clusters.begin());
  }
  for (std::size_t r : person_raws) {  // text order: "the nearest earlier mention" is well defined
    if (!cluster_of.contains(r)) {
      const auto keys = keys_of(raws[r]);
      std::optional<std::size_t> best;
      for (std::size_t c = 0; c < clusters.size(); ++c) {
        if (!entity_text::person_names_compatible(clusters[c].keys, keys, true)) continue;
        if (!best || clusters[c].last_token > clusters[*best].last_token) best = c;
      }
      if (!best) {
        if (!raws[r].evidence) continue;
        clusters.push_back(PersonCluster{keys, {}, 0});
        best = clusters.size() - 1;
      }
      cluster_of[r] = *best;
    }
    clusters[cluster_of[r]].raws.push_back(r);
    clusters[cluster_of[r]].last_token = raws[r].begin_tok;
  }
  for (const PersonCluster& c : clusters) {
    if (c.raws.empty()) continue;
    Entity person{EntityType::person, {}, {}};
    for (std::size_t r : c.raws) person.mentions.push_back(mention_of(raws[r]));
    // Canonical: the most frequent of the most complete forms (full name, then initials, then
    // a bare surname).
    int best_tier = -1;
    for (const auto& [form, n] : person.forms()) {
      const auto keys = entity_text::person_keys(form);
      const int tier = is_full(keys) ? 2 : keys.size() >= 2 ? 1 : 0;
      if (tier > best_tier) {
        best_tier = tier;
        person.name = form;
      }
    }
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
