#include "ranking.hpp"

#include "recency.hpp"
#include "schema.hpp"

namespace newsdex::searchd {
namespace {

constexpr std::size_t kLongestName = 4;  // words

Xapian::Query scaled(Xapian::Query query, double factor) {
  if (query.empty() || factor <= 0) return {};
  return factor == 1.0 ? query : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, factor);
}

Xapian::Query or_of(std::vector<Xapian::Query> parts) {
  std::erase_if(parts, [](const Xapian::Query& q) { return q.empty(); });
  if (parts.empty()) return {};
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query prefixed_words(std::string_view prefix, const std::vector<std::string>& words) {
  std::vector<Xapian::Query> terms;
  for (const auto& word : words) terms.emplace_back(std::string(prefix) + word);
  return or_of(std::move(terms));
}

}  // namespace

RankingParts ranking_parts(const Xapian::Database& db, const std::vector<std::string>& words,
                           const std::vector<std::string>& entity_terms,
                           const RankingConfig& options, double half_life_days,
                           std::chrono::sys_days today) {
  RankingParts parts;
  // Title and byline words are indexed unstemmed (schema.hpp), like the folded query words.
  parts.title = scaled(prefixed_words(schema::kPrefixTitle, words), options.title_weight);
  parts.byline = scaled(prefixed_words(schema::kPrefixAuthor, words), options.byline_weight);
  if (words.size() > 1 && options.proximity_window > 1) {
    std::vector<Xapian::Query> pairs;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      if (words[i] == words[i + 1]) continue;
      const Xapian::Query pair[] = {Xapian::Query(words[i]), Xapian::Query(words[i + 1])};
      pairs.emplace_back(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair),
                         options.proximity_window);
    }
    parts.proximity = scaled(or_of(std::move(pairs)), options.proximity_weight);
  }
  if (!entity_terms.empty() && options.entity_weight > 0) {
    // Entity terms are boolean (no within-document frequency): a fixed weight for having one.
    std::vector<Xapian::Query> entities;
    for (const auto& term : entity_terms)
      entities.emplace_back(
          Xapian::Query::OP_FILTER,
          Xapian::Query((new Xapian::FixedWeightPostingSource(options.entity_weight))->release()),
          Xapian::Query(term));
    parts.entity = or_of(std::move(entities));
  }
  if (half_life_days > 0 && options.recency_weight > 0)
    parts.recency = recency_prior(db, options.recency_weight, half_life_days, today);
  return parts;
}

Xapian::Query ranked(const Xapian::Query& match, const RankingParts& parts) {
  std::vector<Xapian::Query> boosts;
  for (const Xapian::Query* part :
       {&parts.title, &parts.byline, &parts.proximity, &parts.entity, &parts.recency})
    if (!part->empty()) boosts.push_back(*part);
  if (boosts.empty() || match.empty()) return match;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, match,
                       Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
}

std::unique_ptr<Xapian::Weight> weighting(const RankingConfig& options) {
  // k2 = 0, k3 = 1 and min_normlen 0.5 are Xapian's defaults.
  return std::make_unique<Xapian::BM25Weight>(options.bm25_k1, 0, 1, options.bm25_b, 0.5);
}

std::vector<std::string> word_sequences(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (std::size_t n = std::min(kLongestName, words.size()); n >= 1; --n)
    for (std::size_t i = 0; i + n <= words.size(); ++i) {
      std::string name = words[i];
      for (std::size_t j = i + 1; j < i + n; ++j) name += ' ' + words[j];
      out.push_back(std::move(name));
    }
  return out;
}

}  // namespace newsdex::searchd
