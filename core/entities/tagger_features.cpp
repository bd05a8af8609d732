// tagger_features (tagger_features.hpp): the entity tagger's view of each token.
#include "tagger_features.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>

#include "entities.hpp"

namespace newsdex {
namespace {

using entity_text::Script;
using entity_text::Token;

constexpr std::uint32_t kFnvOffset = 2166136261u;
constexpr std::uint32_t kFnvPrime = 16777619u;

std::uint32_t fnv(std::uint32_t h, std::string_view bytes) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

// "Xxxx", "X.", "XX", "dd": each letter by its case, digits as d, other letters as u; runs of more
// than two of a kind shortened to two, so "Volyev" and "Ortmann" share "Xxx".
std::string shape_of(std::string_view word, bool dot_after) {
  std::string shape;
  for (const char ch : word) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte
    const char s = c >= 'A' && c <= 'Z'   ? 'X'
                   : c >= 'a' && c <= 'z' ? 'x'
                   : c >= '0' && c <= '9' ? 'd'
                   : c >= 0x80            ? 'u'
                                          : static_cast<char>(c);
    if (shape.size() >= 2 && shape[shape.size() - 1] == s && shape[shape.size() - 2] == s) continue;
    shape.push_back(s);
  }
  if (dot_after) shape.push_back('.');
  return shape;
}

// Writes the features of one token into the output, hashing names without building them unless
// they are kept.
class Emitter {
 public:
  Emitter(TokenFeatures& out, bool keep_names) : out_(out), keep_names_(keep_names) {}

  // "name", "name=value", or "name=value|second" when second is given.
  void add(std::string_view name, std::string_view value = {},
           std::optional<std::string_view> second = std::nullopt) {
    std::uint32_t h = fnv(kFnvOffset, name);
    if (!value.empty() || second) h = fnv(fnv(h, "="), value);
    if (second) h = fnv(fnv(h, "|"), *second);
    if (h == 0) h = 1;
    out_.hashes.push_back(h);
    if (!keep_names_) return;
    std::string full(name);
    if (!value.empty() || second) full += "=" + std::string(value);
    if (second) full += "|" + std::string(*second);
    out_.names.push_back(std::move(full));
  }
  void add_if(bool condition, std::string_view name) {
    if (condition) add(name);
  }

 private:
  TokenFeatures& out_;
  bool keep_names_;
};

// What covers each token: a label such as "person.B" from the rule candidates or gazetteer matches.
struct Cover {
  std::string rule;  // "person.B", "org.I", ... or empty
  std::string gaz;   // "place.B.town", ... or empty
};

std::vector<Cover> covers(std::span<const Token> tokens, const Gazetteer& gazetteer,
                          std::span<const Candidate> rules) {
  std::vector<Cover> cover(tokens.size());
  for (const Candidate& c : rules) {
    for (std::size_t k = c.name_begin; k < c.end_tok && k < tokens.size(); ++k) {
      std::string label(to_string(c.type));
      label += k == c.name_begin ? ".B" : ".I";
      if (c.type == EntityType::person) label += c.evidence ? ".ev" : ".weak";
      cover[k].rule = std::move(label);
    }
    for (std::size_t k = c.begin_tok; k < c.name_begin && k < tokens.size(); ++k)
      cover[k].rule = "title";
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].script == Script::latin && !tokens[i].cap) continue;  // no name starts so
    const auto m = gazetteer.match(tokens, i);
    if (!m) continue;
    const GazetteerEntry& e = *m->entry;
    std::string flags;
    if (e.demonym) flags += ".dem";
    if (e.town) flags += ".town";
    if (e.ambiguous) flags += ".amb";
    if (e.after_place) flags += ".abbr";
    if (e.acronym) flags += ".acr";
    for (std::size_t k = i; k < i + m->length; ++k) {
      if (!cover[k].gaz.empty()) continue;
      cover[k].gaz = std::string(to_string(e.type)) + (k == i ? ".B" : ".I") + flags;
    }
  }
  return cover;
}

// Word lists by name, for the word before, the word itself and the word after: WordList's bits in
// order, then name particles.
constexpr std::uint16_t kParticle = 512;
constexpr std::array<std::array<std::string_view, 3>, 10> kLists = {{
    {"given-1", "given", "given+1"},
    {"given~-1", "given~", "given~+1"},
    {"surname-1", "surname", "surname+1"},
    {"title-1", "title", "title+1"},
    {"role-1", "role", "role+1"},
    {"orgword-1", "orgword", "orgword+1"},
    {"common-1", "common", "common+1"},
    {"calendar-1", "calendar", "calendar+1"},
    {"speech-1", "speech", "speech+1"},
    {"particle-1", "particle", "particle+1"},
}};

}  // namespace

std::vector<bool> tagger_sentence_starts(std::span<const Token> tokens) {
  std::vector<bool> starts(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token* prev = i > 0 ? &tokens[i - 1] : nullptr;
    const bool abbreviation = prev != nullptr && prev->dot_after && prev->cap && !prev->all_caps &&
                              prev->key.size() <= 3 && !tokens[i].line_start;
    starts[i] = i == 0 || (tokens[i].sentence_start && !abbreviation);
  }
  return starts;
}

std::vector<TagRegion> tagger_regions(std::span<const Token> tokens, const Gazetteer& gazetteer) {
  const std::vector<bool> starts = tagger_sentence_starts(tokens);
  const auto cap = [&](std::size_t i) {
    return tokens[i].script == Script::latin && tokens[i].cap;
  };
  constexpr std::size_t kMostLowerCase = 2;  // "Society of the Cincinnati"
  // Lower-case words inside names ("Bank of England", "Music at Newport"), besides particles.
  static const std::unordered_set<std::string_view> kJoiners = {"of", "the", "and", "for",
                                                                "in", "at",  "on"};
  std::vector<TagRegion> regions;
  for (std::size_t i = 0; i < tokens.size();) {
    if (!cap(i)) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < tokens.size() && !starts[end]) {
      if (cap(end)) {
        ++end;
        continue;
      }
      std::size_t j = end;
      while (j < tokens.size() && j - end < kMostLowerCase && !starts[j] && !cap(j) &&
             tokens[j].script == Script::latin &&
             (kJoiners.contains(tokens[j].key) || gazetteer.is_name_particle(tokens[j].key)))
        ++j;
      if (j == end || j >= tokens.size() || starts[j] || !cap(j)) break;
      end = j + 1;
    }
    // "The", "However" alone at the start of a sentence: nothing to tag.
    if (end > i + 1 || !starts[i] || !gazetteer.is_common_word(tokens[i].key))
      regions.push_back(TagRegion{i, end});
    i = end;
  }
  return regions;
}

std::uint32_t feature_hash(std::string_view name) {
  const std::size_t eq = name.find('=');
  std::uint32_t h = fnv(kFnvOffset, name.substr(0, eq));
  if (eq != std::string_view::npos) h = fnv(fnv(h, "="), name.substr(eq + 1));
  return h == 0 ? 1 : h;
}

TokenFeatures tagger_features(std::span<const Token> tokens, std::string_view text,
                              const Gazetteer& gazetteer, std::span<const Candidate> rules,
                              bool keep_names) {
  TokenFeatures out;
  out.offsets.reserve(tokens.size() + 1);
  out.hashes.reserve(tokens.size() * 48);
  Emitter emit(out, keep_names);
  const std::vector<Cover> cover = covers(tokens, gazetteer, rules);
  std::vector<bool> wanted(tokens.size(), false);  // in a region
  out.regions = tagger_regions(tokens, gazetteer);
  for (const TagRegion& r : out.regions)
    std::fill(wanted.begin() + static_cast<std::ptrdiff_t>(r.begin),
              wanted.begin() + static_cast<std::ptrdiff_t>(r.end), true);
  // What a region's features read: its tokens and their neighbours.
  std::vector<bool> near(tokens.size(), false);
  for (std::size_t i = 0; i < tokens.size(); ++i)
    near[i] = wanted[i] || (i > 0 && wanted[i - 1]) || (i + 1 < wanted.size() && wanted[i + 1]);
  std::vector<std::string> shapes(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (near[i])
      shapes[i] = shape_of(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin),
                           tokens[i].dot_after);
  }

  // Neighbours are read within the sentence: "<s>" and "</s>" stand for its edges.
  const std::vector<bool> starts = tagger_sentence_starts(tokens);
  const auto in_sentence = [&](std::size_t i, int d) {
    if (d < 0) {
      if (i < static_cast<std::size_t>(-d)) return false;
      for (std::size_t k = i; k > i - static_cast<std::size_t>(-d); --k)
        if (k == 0 || starts[k]) return false;
      return true;
    }
    for (std::size_t k = i + 1; k <= i + static_cast<std::size_t>(d); ++k)
      if (k >= tokens.size() || starts[k]) return false;
    return true;
  };
  // The word lists each token is in, as bits of kLists (WordList's, then name particles).
  std::vector<std::uint16_t> lists(tokens.size(), 0);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!near[i]) continue;
    lists[i] = gazetteer.word_lists(tokens[i].key);
    if (!tokens[i].cap && gazetteer.is_name_particle(tokens[i].key)) lists[i] |= kParticle;
  }
  static constexpr std::array<std::string_view, 5> kWordNames = {"w-2", "w-1", "w", "w+1", "w+2"};
  static constexpr std::array<std::string_view, 5> kShapeNames = {"s-2", "s-1", "s", "s+1", "s+2"};
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    out.offsets.push_back(static_cast<std::uint32_t>(out.hashes.size()));
    if (!wanted[i]) continue;
    const Token& t = tokens[i];
    emit.add("bias");
    for (int d = -2; d <= 2; ++d) {
      const auto slot = static_cast<std::size_t>(d + 2);
      if (d != 0 && !in_sentence(i, d)) {
        emit.add(kWordNames[slot], d < 0 ? "<s>" : "</s>");
        continue;
      }
      const std::size_t k = i + static_cast<std::size_t>(d);
      emit.add(kWordNames[slot], tokens[k].key);
      if (d >= -1 && d <= 1) emit.add(kShapeNames[slot], shapes[k]);
    }
    if (in_sentence(i, -1)) {
      emit.add("w-1|w", tokens[i - 1].key, t.key);
      emit.add("s-1|s", shapes[i - 1], shapes[i]);
    }
    if (in_sentence(i, 1)) {
      emit.add("w|w+1", t.key, tokens[i + 1].key);
      emit.add("s|s+1", shapes[i], shapes[i + 1]);
    }
    const std::string_view key = t.key;
    for (std::size_t n = 2; n <= 4; ++n) {
      if (key.size() <= n) break;
      emit.add(n == 2 ? "suf2" : n == 3 ? "suf3" : "suf4", key.substr(key.size() - n));
    }
    if (key.size() > 3) emit.add("pre3", key.substr(0, 3));

    const bool cap = t.cap && t.script == Script::latin;
    emit.add("script", t.script == Script::latin ? "latin" : "other");
    emit.add_if(cap && starts[i], "cap.start");
    emit.add_if(cap && !starts[i], "cap.inner");
    emit.add_if(t.all_caps, "allcaps");
    emit.add_if(t.initial, "initial");
    emit.add_if(t.possessive, "possessive");
    emit.add_if(t.comma_after, "comma");
    if (in_sentence(i, -1)) {
      const Token& p = tokens[i - 1];
      emit.add_if(p.comma_after, "comma-1");
      emit.add_if(p.dot_after && !p.initial, "dot-1");
      emit.add_if(p.line_end, "line-1");
      emit.add_if(p.comma_after && cap, "comma-1|cap");
    }
    emit.add_if(t.hyphen_before, "hyphen");
    emit.add_if(t.paren_before || t.paren_after, "paren");
    emit.add_if(t.line_start && t.line_end, "whole-line");
    emit.add_if(t.digit, "digit");

    // Word lists of the gazetteer, for this word and its neighbours.
    for (int d = -1; d <= 1; ++d) {
      if (d != 0 && !in_sentence(i, d)) continue;
      const std::uint16_t in = lists[i + static_cast<std::size_t>(d)];
      for (std::size_t l = 0; l < kLists.size(); ++l)
        if ((in & (1u << l)) != 0) emit.add(kLists[l][static_cast<std::size_t>(d + 1)]);
    }

    // Gazetteer matches and rule candidates: over this token and its neighbours, and joined with
    // the capitals, which decide how far a match is to be trusted.
    emit.add("gaz", cover[i].gaz.empty() ? "-" : cover[i].gaz);
    emit.add("rule", cover[i].rule.empty() ? "-" : cover[i].rule);
    emit.add("rule|gaz", cover[i].rule, cover[i].gaz);
    emit.add("rule|s", cover[i].rule, shapes[i]);
    if (in_sentence(i, -1)) {
      emit.add("gaz-1", cover[i - 1].gaz.empty() ? "-" : cover[i - 1].gaz);
      emit.add("rule-1", cover[i - 1].rule.empty() ? "-" : cover[i - 1].rule);
    }
    if (in_sentence(i, 1)) {
      emit.add("gaz+1", cover[i + 1].gaz.empty() ? "-" : cover[i + 1].gaz);
      emit.add("rule+1", cover[i + 1].rule.empty() ? "-" : cover[i + 1].rule);
    }
  }
  out.offsets.push_back(static_cast<std::uint32_t>(out.hashes.size()));
  return out;
}

}  // namespace newsdex
