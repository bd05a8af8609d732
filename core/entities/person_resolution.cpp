// group_people and canonical_person_name (person_resolution.hpp): resolving a document's person
// candidates into people.
#include "person_resolution.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace newsdex {
namespace {

using entity_text::Token;

// One person while grouping.
struct PersonCluster {
  std::vector<std::string> keys;  // of the longest full form
  std::vector<std::size_t> candidates;
  std::size_t last_token = 0;
};

// Two name words or more, none of them an initial.
bool is_full(const std::vector<std::string>& keys) {
  return keys.size() >= 2 &&
         std::none_of(keys.begin(), keys.end(), [](const std::string& k) { return k.size() == 1; });
}

}  // namespace

std::vector<std::vector<std::size_t>> group_people(std::span<const Candidate> candidates,
                                                   std::span<const Token> tokens,
                                                   const Gazetteer& gazetteer) {
  std::vector<std::size_t> people;
  for (std::size_t r = 0; r < candidates.size(); ++r)
    if (candidates[r].type == EntityType::person) people.push_back(r);
  std::sort(people.begin(), people.end(), [&](std::size_t a, std::size_t b) {
    return candidates[a].begin_tok < candidates[b].begin_tok;
  });
  const auto keys_of = [&](const Candidate& r) {
    std::vector<std::string> keys;
    for (std::size_t k = r.name_begin; k < r.end_tok; ++k) {
      if (gazetteer.is_name_particle(tokens[k].key) && !tokens[k].cap) continue;
      // name_key also writes other scripts in Latin letters, so "И." is the initial "i".
      keys.push_back(entity_text::name_key(tokens[k].key));
    }
    return keys;
  };
  std::vector<std::size_t> fulls;
  for (std::size_t r : people) {
    if (candidates[r].evidence && is_full(keys_of(candidates[r]))) fulls.push_back(r);
  }
  std::stable_sort(fulls.begin(), fulls.end(), [&](std::size_t a, std::size_t b) {
    return keys_of(candidates[a]).size() > keys_of(candidates[b]).size();
  });
  std::vector<PersonCluster> clusters;
  std::unordered_map<std::size_t, std::size_t> cluster_of;  // candidate -> cluster
  for (std::size_t r : fulls) {
    const auto keys = keys_of(candidates[r]);
    auto it = std::find_if(clusters.begin(), clusters.end(), [&](const PersonCluster& c) {
      return entity_text::person_names_compatible(c.keys, keys, false);
    });
    if (it == clusters.end()) {
      clusters.push_back(PersonCluster{keys, {}, 0});
      it = clusters.end() - 1;
    }
    cluster_of[r] = static_cast<std::size_t>(it - clusters.begin());
  }
  for (std::size_t r : people) {  // text order: "the nearest earlier mention" is well defined
    if (!cluster_of.contains(r)) {
      const auto keys = keys_of(candidates[r]);
      std::optional<std::size_t> best;
      for (std::size_t c = 0; c < clusters.size(); ++c) {
        if (!entity_text::person_names_compatible(clusters[c].keys, keys, true)) continue;
        if (!best || clusters[c].last_token > clusters[*best].last_token) best = c;
      }
      if (!best) {
        if (!candidates[r].evidence) continue;
        clusters.push_back(PersonCluster{keys, {}, 0});
        best = clusters.size() - 1;
      }
      cluster_of[r] = *best;
    }
    clusters[cluster_of[r]].candidates.push_back(r);
    clusters[cluster_of[r]].last_token = candidates[r].begin_tok;
  }
  std::vector<std::vector<std::size_t>> groups;
  for (PersonCluster& c : clusters)
    if (!c.candidates.empty()) groups.push_back(std::move(c.candidates));
  return groups;
}

std::string canonical_person_name(const Entity& person) {
  std::string name;
  int best_tier = -1;
  for (const auto& [form, n] : person.forms()) {
    const auto keys = entity_text::person_keys(form);
    const int tier = is_full(keys) ? 2 : keys.size() >= 2 ? 1 : 0;
    if (tier > best_tier) {
      best_tier = tier;
      name = form;
    }
  }
  return name;
}

}  // namespace newsdex
