// tagged_candidates (tagged_mentions.hpp).
#include "tagged_mentions.hpp"

#include <algorithm>

namespace newsdex {
namespace {

using entity_text::Script;
using entity_text::Token;

bool latin(std::span<const Token> tokens, std::size_t begin, std::size_t end) {
  return std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                     tokens.begin() + static_cast<std::ptrdiff_t>(end),
                     [](const Token& t) { return t.script == Script::latin; });
}

}  // namespace

std::vector<Candidate> tagged_candidates(const MentionFinder& finder, const Gazetteer& gazetteer,
                                         std::span<const TagLabel> labels,
                                         std::vector<Candidate> rules) {
  const auto& tokens = finder.tokens();
  std::vector<Candidate> out;
  for (Candidate& c : rules)
    if (!latin(tokens, c.begin_tok, c.end_tok)) out.push_back(std::move(c));

  for (std::size_t b = 0; b < labels.size();) {
    if (!is_begin(labels[b])) {
      ++b;
      continue;
    }
    const EntityType type = label_type(labels[b]);
    std::size_t e = b + 1;
    while (e < labels.size() && labels[e] == labels[b] + 1) ++e;
    const std::size_t begin = b;
    b = e;
    if (!latin(tokens, begin, e)) continue;
    // A rule candidate naming the same tokens the same way lends its name, title and cues.
    const auto same = std::find_if(rules.begin(), rules.end(), [&](const Candidate& r) {
      return r.type == type && r.name_begin == begin && r.end_tok == e;
    });
    Candidate c{type, begin, e, begin, {}};
    if (same != rules.end()) c = *same;
    if (type == EntityType::person) {
      c.evidence = true;
    } else if (c.name.empty()) {
      const auto m = gazetteer.match(tokens, begin);
      const GazetteerEntry* entry = m && m->length == e - begin ? m->entry : nullptr;
      if (entry == nullptr) entry = gazetteer.find(finder.surface_of(begin, e));
      c.name = entry != nullptr && entry->type == type && !entry->demonym
                   ? entry->name
                   : finder.surface_of(begin, e);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace newsdex
