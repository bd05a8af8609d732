// The entity tagger: a linear sequence model over BIO labels for people, organisations and places
// (an averaged perceptron, trained by core/entities/training/train_entities.cpp), decoded region
// by region (runs of capitalised words, tagger_features.hpp) with Viterbi. Its features are tagger_features.hpp's. The model newsdex ships is
// core/entities/data/tagger.model, compiled in; TaggerModel reads and writes that text format.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "result.hpp"
#include "tagger_features.hpp"

namespace newsdex {

// O, then B- and I- for person, org and place, in EntityType order.
inline constexpr std::size_t kTagLabels = 7;
using TagLabel = std::uint8_t;
inline constexpr TagLabel kOutside = 0;
inline constexpr TagLabel begin_label(EntityType type) {
  return static_cast<TagLabel>(1 + 2 * static_cast<int>(type));
}
inline constexpr bool is_begin(TagLabel label) {
  return label % 2 == 1;
}
inline constexpr EntityType label_type(TagLabel label) {
  return static_cast<EntityType>((label - 1) / 2);
}
std::string_view label_name(TagLabel label);  // "O", "B-person", "I-place"...

// Integer label weights of features and of label transitions (the decoder only compares sums).
class TaggerModel {
 public:
  using Row = std::array<std::int32_t, kTagLabels>;

  TaggerModel() = default;  // empty: tags everything O

  // Reads the text format written by serialise(); fails on anything else.
  static Result<TaggerModel> parse(std::string_view text);
  // "newsdex-tagger 1", the transitions, then one line per feature (hex hash and its non-zero
  // label weights), sorted by hash, so equal models serialise to equal bytes.
  std::string serialise() const;

  bool empty() const { return keys_.empty(); }
  std::size_t features() const { return keys_.size(); }

  // A feature's weights by label, added as zeros when new (training writes its model through
  // these). Indexes stay valid as features are added.
  std::size_t add(std::uint32_t feature);
  Row& row(std::size_t index) { return rows_[index]; }
  // Transitions: from kTagLabels (the sentence start) or a label, to a label.
  std::int32_t& transition(std::size_t from, std::size_t to) { return transitions_[from][to]; }

  // The best label sequence for tokens [begin, end) of `features` (one region), where I-X may
  // only follow B-X or I-X, written to `out` (end - begin labels); and to `margins` (when not
  // empty) how much more each token's features alone favour its label than O (0 for O).
  void decode(const TokenFeatures& features, std::size_t begin, std::size_t end,
              std::span<TagLabel> out, std::span<std::int32_t> margins = {}) const;
  // Labels for every token, region by region (O outside them), and their margins when asked for.
  std::vector<TagLabel> tag(std::span<const entity_text::Token> tokens,
                            const TokenFeatures& features,
                            std::vector<std::int32_t>* margins = nullptr) const;

 private:
  const Row* find(std::uint32_t feature) const;
  void rehash();

  std::vector<std::uint32_t> keys_;  // feature hashes, parallel to rows_
  std::vector<Row> rows_;
  struct Slot {
    std::uint32_t key = 0;
    std::uint32_t index = 0;  // into keys_ plus one, 0: empty
  };
  std::vector<Slot> slots_;  // open addressing by feature hash
  std::array<std::array<std::int32_t, kTagLabels>, kTagLabels + 1> transitions_{};
};

// The model newsdex ships (core/entities/data/tagger.model), compiled in.
namespace tagger_data {
std::string_view model();
}  // namespace tagger_data

}  // namespace newsdex
