// tagged_candidates (tagged_mentions.hpp).
#include "tagged_mentions.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace newsdex {
namespace {

using entity_text::Script;
using entity_text::Token;

bool latin(std::span<const Token> tokens, std::size_t begin, std::size_t end) {
  return std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                     tokens.begin() + static_cast<std::ptrdiff_t>(end),
                     [](const Token& t) { return t.script == Script::latin; });
}

struct Span {
  EntityType type;
  std::size_t begin;
  std::size_t end;
};

// Margins (how much the features alone favour a label over O) below which a name the rules did
// not find is dropped, by EntityType, in the model's units (its weights are eighths).
constexpr std::array<std::int32_t, 3> kClearMargin = {100, 0, 60};

std::int32_t least_margin(std::span<const std::int32_t> margins, const Span& s) {
  return *std::min_element(margins.begin() + static_cast<std::ptrdiff_t>(s.begin),
                           margins.begin() + static_cast<std::ptrdiff_t>(s.end));
}

// The tagger's names: B-X I-X... runs, cut at commas, parentheses and line ends ("Ohio, Texas"
// are two places), in Latin script only.
std::vector<Span> spans_of(std::span<const Token> tokens, std::span<const TagLabel> labels,
                           std::span<const Candidate> rules) {
  // A comma inside a rule candidate ("Washington, D.C.") does not cut.
  std::vector<bool> joined(tokens.size(), false);  // token i and i + 1 are in one rule candidate
  for (const Candidate& c : rules)
    for (std::size_t k = c.begin_tok; k + 1 < c.end_tok; ++k) joined[k] = true;
  std::vector<Span> spans;
  for (std::size_t b = 0; b < labels.size();) {
    if (labels[b] == kOutside) {
      ++b;
      continue;
    }
    const EntityType type = label_type(labels[b]);
    const TagLabel inside = begin_label(type) + 1;
    std::size_t e = b + 1;
    while (e < labels.size() && labels[e] == inside &&
           ((!tokens[e - 1].comma_after && !tokens[e - 1].line_end && !tokens[e - 1].paren_after &&
             !tokens[e].paren_before) ||
            joined[e - 1]))
      ++e;
    const std::size_t begin = b;
    b = e;
    if (latin(tokens, begin, e)) spans.push_back(Span{type, begin, e});
  }
  // Names of one type side by side that one rule candidate of that type covers are one name: the
  // tagger may begin "D.C." afresh after "Washington,", the rules know "City, State".
  const auto covered = [&](const Span& a, const Span& b) {
    return std::any_of(rules.begin(), rules.end(), [&](const Candidate& c) {
      return c.type == a.type && c.begin_tok <= a.begin && b.end <= c.end_tok;
    });
  };
  for (std::size_t i = 0; i + 1 < spans.size();) {
    if (spans[i].type == spans[i + 1].type && spans[i].end == spans[i + 1].begin &&
        covered(spans[i], spans[i + 1])) {
      spans[i].end = spans[i + 1].end;
      spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    } else {
      ++i;
    }
  }
  return spans;
}

}  // namespace

std::vector<Candidate> tagged_candidates(const MentionFinder& finder, const Gazetteer& gazetteer,
                                         std::span<const TagLabel> labels,
                                         std::span<const std::int32_t> margins,
                                         std::span<const Candidate> rules) {
  const auto& tokens = finder.tokens();
  std::vector<Candidate> out;
  // The rules' names outside Latin script, and their places where the tagger saw nothing (a
  // place after "in", "near" whose name is also a word: "near Reading").
  for (const Candidate& c : rules) {
    const bool untagged = std::all_of(labels.begin() + static_cast<std::ptrdiff_t>(c.begin_tok),
                                      labels.begin() + static_cast<std::ptrdiff_t>(c.end_tok),
                                      [](TagLabel l) { return l == kOutside; });
    if (!latin(tokens, c.begin_tok, c.end_tok) || (c.type == EntityType::place && untagged)) {
      out.push_back(c);
    } else if (c.type == EntityType::person && untagged && c.evidence) {
      // "I. Volyev" opening a sentence, where "I" is mostly the pronoun: a person the rules name
      // with evidence and the tagger not at all may still be a short form of a person the
      // document names in full.
      Candidate weak = c;
      weak.evidence = false;
      out.push_back(std::move(weak));
    }
  }

  std::vector<Span> spans = spans_of(tokens, labels, rules);
  const std::vector<bool> starts = tagger_sentence_starts(tokens);
  // One name, one type within a document: the type most of its occurrences were given.
  const auto key_of = [&](const Span& s) {
    std::string key;
    for (std::size_t k = s.begin; k < s.end; ++k) (key += tokens[k].key) += ' ';
    return key;
  };
  std::map<std::string, std::array<unsigned, 3>> votes;
  for (const Span& s : spans) ++votes[key_of(s)][static_cast<std::size_t>(s.type)];
  for (Span& s : spans) {
    const auto& v = votes[key_of(s)];
    const auto top = static_cast<std::size_t>(std::max_element(v.begin(), v.end()) - v.begin());
    if (v[top] > v[static_cast<std::size_t>(s.type)]) s.type = static_cast<EntityType>(top);
  }

  for (const Span& s : spans) {
    // A name the rules also found (a person with evidence of their own) is taken; one only the
    // tagger found must be clear enough on its own: by the margin of its least certain word, and
    // never a lone word opening a sentence ("Frank talks followed") nor an organisation (measured
    // on the development part held out of training: the tagger's organisations alone were mostly
    // wrong). A person that is not clear enough may still be a short form of a person the
    // document names in full ("Volyev" after "Tamir Volyev"), as the rules' weak candidates are.
    const bool backed = std::any_of(rules.begin(), rules.end(), [&](const Candidate& r) {
      return r.type == s.type && r.begin_tok < s.end && s.begin < r.end_tok &&
             (r.type != EntityType::person || r.evidence);
    });
    const bool lone_opener =
        s.type == EntityType::person && s.end == s.begin + 1 && starts[s.begin];
    const bool clear =
        backed || (s.type != EntityType::org && !lone_opener &&
                   least_margin(margins, s) >= kClearMargin[static_cast<std::size_t>(s.type)]);
    if (!clear && s.type != EntityType::person) continue;
    // A rule candidate naming the same tokens the same way lends its name, title and cues.
    const auto same = std::find_if(rules.begin(), rules.end(), [&](const Candidate& r) {
      return r.type == s.type && r.name_begin == s.begin && r.end_tok == s.end;
    });
    Candidate c{s.type, s.begin, s.end, s.begin, {}};
    if (same != rules.end()) c = *same;
    if (s.type == EntityType::person) {
      c.evidence = clear;
    } else if (c.name.empty()) {
      const std::string surface = finder.surface_of(s.begin, s.end);
      const auto m = gazetteer.match(tokens, s.begin);
      const GazetteerEntry* entry = m && m->length == s.end - s.begin ? m->entry : nullptr;
      if (entry == nullptr) entry = gazetteer.find(surface);
      c.name = entry != nullptr && entry->type == s.type && !entry->demonym ? entry->name : surface;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace newsdex
