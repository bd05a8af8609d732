// train_tagger and project_names (tagger_training.hpp).
#include "tagger_training.hpp"

#include <cmath>
#include <map>
#include <random>
#include <unordered_map>

#include "entities.hpp"
#include "mention_finder.hpp"
#include "tagger_features.hpp"

namespace newsdex {
namespace {

using entity_text::Token;

// A name as tokens, with the label it projects (kUnknownLabel: not to learn from).
struct Form {
  std::vector<Token> tokens;
  int type = kUnknownLabel;
};

bool matches_at(std::span<const Token> tokens, std::size_t i, const Form& form) {
  if (i + form.tokens.size() > tokens.size()) return false;
  for (std::size_t j = 0; j < form.tokens.size(); ++j) {
    const Token& t = tokens[i + j];
    const Token& f = form.tokens[j];
    if (t.key != f.key || t.cap != f.cap) return false;
    if (j + 1 < form.tokens.size() && (t.comma_after != f.comma_after || t.line_end)) return false;
  }
  return true;
}

// One region (tagger_regions) to learn from: tokens [begin, end) of a document's features.
struct Example {
  std::size_t document;
  std::size_t begin;
  std::size_t end;
};

}  // namespace

std::vector<int> project_names(std::span<const Token> tokens,
                               const std::array<std::vector<std::string>, 3>& names,
                               std::span<const std::string> ambiguous) {
  // Forms by their first word; one written the same way under two types is ambiguous.
  std::map<std::string, Form> by_text;
  const auto add = [&](const std::string& name, int type) {
    auto folded = entity_text::tokenize(name);
    if (folded.empty()) return;
    std::string text;
    for (const Token& t : folded) text += t.key + (t.cap ? "^ " : " ");
    auto [it, fresh] = by_text.emplace(text, Form{std::move(folded), type});
    if (!fresh && it->second.type != type) it->second.type = kUnknownLabel;
  };
  for (std::size_t type = 0; type < names.size(); ++type)
    for (const std::string& name : names[type]) add(name, static_cast<int>(type));
  for (const std::string& name : ambiguous) add(name, kUnknownLabel);
  std::unordered_map<std::string, std::vector<const Form*>> by_first;
  for (const auto& entry : by_text)
    by_first[entry.second.tokens.front().key].push_back(&entry.second);

  std::vector<int> labels(tokens.size(), kOutside);
  for (std::size_t i = 0; i < tokens.size();) {
    const Form* best = nullptr;
    if (const auto it = by_first.find(tokens[i].key); it != by_first.end()) {
      for (const Form* form : it->second) {
        if ((best == nullptr || form->tokens.size() > best->tokens.size()) &&
            matches_at(tokens, i, *form))
          best = form;
      }
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    for (std::size_t j = 0; j < best->tokens.size(); ++j) {
      labels[i + j] = best->type == kUnknownLabel
                          ? kUnknownLabel
                          : begin_label(static_cast<EntityType>(best->type)) + (j == 0 ? 0 : 1);
    }
    i += best->tokens.size();
  }
  return labels;
}

TaggerModel train_tagger(std::span<const AnnotatedDocument> documents, const Gazetteer& gazetteer,
                         const TrainingOptions& options, TrainingReport* report) {
  TrainingReport counts;
  std::vector<TokenFeatures> features;
  std::vector<std::vector<int>> labels;
  std::vector<Example> examples;
  for (const AnnotatedDocument& doc : documents) {
    for (const Article& article : doc.articles) {
      MentionFinder finder(gazetteer, article_text(article).text);
      const std::vector<Candidate> rules = finder.run();
      const auto& tokens = finder.tokens();
      features.push_back(tagger_features(tokens, finder.text(), gazetteer, rules));
      labels.push_back(project_names(tokens, doc.names, doc.ambiguous));
      for (const TagRegion& r : features.back().regions) {
        const auto first = labels.back().begin() + static_cast<std::ptrdiff_t>(r.begin);
        const auto last = labels.back().begin() + static_cast<std::ptrdiff_t>(r.end);
        if (std::find(first, last, kUnknownLabel) != last) {
          ++counts.skipped;
          continue;
        }
        // A name reaching into a region from outside it ("de Gaulle") starts in it.
        if (*first != kOutside && !is_begin(static_cast<TagLabel>(*first))) --*first;
        examples.push_back(Example{features.size() - 1, r.begin, r.end});
        counts.tokens += r.end - r.begin;
        counts.entity_tokens += static_cast<std::size_t>(
            std::count_if(first, last, [](int l) { return l != kOutside; }));
      }
    }
  }
  counts.regions = examples.size();
  if (report != nullptr) *report = counts;

  // The features worth learning: seen at least min_count times in the examples learnt from.
  std::unordered_map<std::uint32_t, unsigned> seen;
  for (const Example& s : examples)
    for (std::size_t i = s.begin; i < s.end; ++i)
      for (const std::uint32_t f : features[s.document].of(i)) ++seen[f];
  std::vector<std::uint32_t> kept;
  for (const auto& [f, n] : seen)
    if (n >= options.min_count) kept.push_back(f);
  std::sort(kept.begin(), kept.end());
  TaggerModel model;  // the current weights, integers since every update is +1 or -1
  for (const std::uint32_t f : kept) model.add(f);

  // Averaging (Daumé's trick): totals[k] sums step * update, the average is w - totals / steps.
  std::vector<std::array<std::int64_t, kTagLabels>> totals(kept.size());
  std::array<std::array<std::int64_t, kTagLabels>, kTagLabels + 1> transition_totals{};
  std::int64_t step = 1;
  std::mt19937 rng(options.seed);
  std::vector<std::size_t> order(examples.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::vector<TagLabel> predicted;
  for (unsigned epoch = 0; epoch < options.epochs; ++epoch) {
    // Fisher-Yates with the generator's own numbers: std::shuffle differs between libraries.
    for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng() % k]);
    for (const std::size_t at : order) {
      const Example& s = examples[at];
      const TokenFeatures& f = features[s.document];
      const std::vector<int>& gold = labels[s.document];
      predicted.resize(s.end - s.begin);
      model.decode(f, s.begin, s.end, predicted);
      for (std::size_t i = s.begin; i < s.end; ++i) {
        const auto g = static_cast<std::size_t>(gold[i]);
        const std::size_t p = predicted[i - s.begin];
        const std::size_t g_from =
            i == s.begin ? kTagLabels : static_cast<std::size_t>(gold[i - 1]);
        const std::size_t p_from = i == s.begin ? kTagLabels : predicted[i - 1 - s.begin];
        if (g_from != p_from || g != p) {
          ++model.transition(g_from, g);
          --model.transition(p_from, p);
          transition_totals[g_from][g] += step;
          transition_totals[p_from][p] -= step;
        }
        if (g == p) continue;
        for (const std::uint32_t feature : f.of(i)) {
          if (!std::binary_search(kept.begin(), kept.end(), feature)) continue;
          const std::size_t k = model.add(feature);
          ++model.row(k)[g];
          --model.row(k)[p];
          totals[k][g] += step;
          totals[k][p] -= step;
        }
      }
      ++step;
    }
  }

  const auto average = [&](std::int32_t w, std::int64_t total) {
    const double a =
        static_cast<double>(w) - static_cast<double>(total) / static_cast<double>(step);
    const auto q = static_cast<std::int32_t>(std::lround(a * options.scale));
    return std::abs(q) < options.min_weight ? 0 : q;
  };
  TaggerModel averaged;
  for (std::size_t from = 0; from <= kTagLabels; ++from)
    for (std::size_t to = 0; to < kTagLabels; ++to)
      averaged.transition(from, to) =
          average(model.transition(from, to), transition_totals[from][to]);
  for (std::size_t k = 0; k < kept.size(); ++k) {
    TaggerModel::Row row{};
    bool any = false;
    for (std::size_t l = 0; l < kTagLabels; ++l) {
      row[l] = average(model.row(k)[l], totals[k][l]);
      any = any || row[l] != 0;
    }
    if (any) averaged.row(averaged.add(kept[k])) = row;
  }
  return averaged;
}

}  // namespace newsdex
