// Internal to newsdex_entities: the second stage of Latin-script extraction. The tagger
// (tagger.hpp), which sees the rule candidates among its features, decides which spans are
// people, organisations and places; the rule candidates lend their names to the spans they agree
// with (gazetteer canonical names, "West Berlin") and keep the text the tagger does not read
// (Cyrillic, Arabic-script and CJK names).
#pragma once

#include <span>
#include <vector>

#include "mention_finder.hpp"
#include "tagger.hpp"

namespace newsdex {

// The candidates of a document: the tagger's spans over `finder`'s tokens (labels and their
// margins, one per token, TaggerModel::tag), the rule candidates outside Latin script, and the
// rules' places where the tagger saw nothing.
std::vector<Candidate> tagged_candidates(const MentionFinder& finder, const Gazetteer& gazetteer,
                                         std::span<const TagLabel> labels,
                                         std::span<const std::int32_t> margins,
                                         std::span<const Candidate> rules);

}  // namespace newsdex
