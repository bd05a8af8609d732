// Internal to newsdex_entities: the features the entity tagger (tagger.hpp) sees at each token,
// computed by one function for training and for extraction, so the two can never diverge. A
// feature is a 32-bit hash of its name ("w=volyev", "shape-1=Xx", "gaz=place.B"); the names
// themselves are kept only when asked for (tests, debugging).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "gazetteer.hpp"
#include "mention_finder.hpp"

namespace newsdex {

// A run of tokens the tagger labels, [begin, end): capitalised Latin-script words and the few
// lower-case words between them ("League of Women Voters"), within one sentence, but not a lone
// common word opening a sentence ("The"). Every token outside a region is O: names in Latin
// script are written with capitals.
struct TagRegion {
  std::size_t begin;
  std::size_t end;
};

// The features of a run of tokens, flattened: token i's are hashes[offsets[i]..offsets[i+1]).
struct TokenFeatures {
  std::vector<std::uint32_t> hashes;
  std::vector<std::uint32_t> offsets;  // tokens + 1 entries
  std::vector<std::string> names;      // parallel to hashes, filled only when asked for
  std::vector<TagRegion> regions;      // the runs the tagger labels (tagger_regions)
  std::span<const std::uint32_t> of(std::size_t token) const {
    return std::span(hashes).subspan(offsets[token], offsets[token + 1] - offsets[token]);
  }
};

// Features of every token of a region (tokens outside regions have none): the word and its
// neighbours (folded), shape, capitals, affixes, where it stands in its sentence, the gazetteer's
// word lists and matches, and what the rule passes (MentionFinder) made of it. `rules` are the rule
// candidates over the same tokens.
TokenFeatures tagger_features(std::span<const entity_text::Token> tokens, std::string_view text,
                              const Gazetteer& gazetteer, std::span<const Candidate> rules,
                              bool keep_names = false);

// Where the tagger takes sentences to start: the tokenizer's sentence starts, except after a short
// capitalised abbreviation on the same line ("St. Louis", "Mt. Vernon", "Gov. Volyev").
std::vector<bool> tagger_sentence_starts(std::span<const entity_text::Token> tokens);
// The regions of a text's tokens, in text order.
std::vector<TagRegion> tagger_regions(std::span<const entity_text::Token> tokens,
                                      const Gazetteer& gazetteer);

// The hash of one feature name, as tagger_features computes it (never 0).
std::uint32_t feature_hash(std::string_view name);

}  // namespace newsdex
