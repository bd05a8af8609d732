#include "searcher.hpp"

#include <filesystem>
#include <system_error>

#include "ascii.hpp"
#include "explain.hpp"
#include "facets.hpp"
#include "highlighter.hpp"
#include "hit_json.hpp"
#include "indexer_status.hpp"
#include "query.hpp"
#include "related.hpp"
#include "schema.hpp"
#include "similar.hpp"
#include "stored_record.hpp"
#include "versions.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

Xapian::Query any_of(const std::vector<std::string>& values, auto term_of) {
  std::vector<Xapian::Query> terms;
  for (const auto& value : values) terms.push_back(term_of(value));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Everything of a request with no query and no filter that shapes its reply.
std::string browse_request_key(const SearchRequest& r) {
  json key = {r.facets,
              static_cast<int>(r.interval),
              r.sort ? static_cast<int>(*r.sort) : -1,
              r.offset,
              r.limit,
              r.snippet,
              r.highlight_pre,
              r.highlight_post,
              r.fields,
              r.explain,
              r.correct,
              r.collapse ? static_cast<int>(*r.collapse) : -1};
  return key.dump();
}

std::uintmax_t directory_bytes(const std::string& spec) {
  std::error_code ec;
  std::uintmax_t total = 0;
  for (auto it = std::filesystem::recursive_directory_iterator(spec, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

json metadata_json(const Xapian::Database& db, const char* key) {
  const std::string value = db.get_metadata(key);
  if (value.empty()) return nullptr;
  json parsed = json::parse(value, nullptr, false);
  return parsed.is_discarded() ? json(value) : parsed;
}

ApiError shard_unavailable(const std::vector<std::string>& missing) {
  std::string list;
  for (const auto& spec : missing) list += (list.empty() ? "" : ", ") + spec;
  return ApiError{503, "shard_unavailable", "index shards cannot be reached: " + list,
                  "server.allow_partial is false", 1};
}

// A record this server cannot read is never shown as a document with empty fields: one of an
// older schema waits for the indexer, which rebuilds such an index when it starts.
ApiError unreadable(Xapian::docid id, const Error& error) {
  std::string detail = "document " + std::to_string(id) + ": " + error.message;
  if (error.code == Errc::unsupported)
    return ApiError{503, "index_outdated",
                    "the index was written by another version of newsdex; the indexer rebuilds it "
                    "when it starts",
                    std::move(detail)};
  return ApiError{500, "index_error", "the index could not be read", std::move(detail)};
}

// The indexer's state as clients may see it: a degraded state's reason names index paths and
// Xapian's texts, so it stays with the operator (`newsdex-indexer --status` and the indexer's log).
json public_indexer_state(json state) {
  if (state.is_object()) state.erase("reason");
  return state;
}

// The words of a relaxed query that a hit lacks (none of the word's terms matched it).
json missing_words(const Xapian::Enquire& enquire, const Xapian::MSetIterator& hit,
                   const RelaxedQuery& relaxed) {
  std::vector<std::string> matched(enquire.get_matching_terms_begin(hit),
                                   enquire.get_matching_terms_end(hit));
  std::ranges::sort(matched);
  const std::vector<std::string>& words = relaxed.words;
  json missing = json::array();
  for (std::size_t i = 0; i < words.size(); ++i)
    if (std::ranges::none_of(relaxed.word_terms[i], [&](const std::string& term) {
          return std::ranges::binary_search(matched, term);
        }))
      missing.push_back(words[i]);
  return missing;
}

// A neighbour's summary: the opening of its body, as no query words pick a passage.
constexpr std::size_t kSummaryChars = 160;

// The docid of the document with this id, or 404.
ApiResult<Xapian::docid> find_document(const Xapian::Database& db, const std::string& id) {
  const std::string term = schema::id_term(id);
  auto posting = db.postlist_begin(term);
  if (posting == db.postlist_end(term))
    return ApiError{404, "not_found", "no document with id '" + id + "'"};
  return *posting;
}

}  // namespace

std::optional<Xapian::Query> request_filter(const SearchRequest& request,
                                            const EntityValueFilter& entity) {
  std::vector<Xapian::Query> parts;
  auto entities = [&](const std::vector<std::string>& values, EntityType type) {
    for (const auto& value : values) parts.push_back(entity(type, value));
  };
  entities(request.person, EntityType::person);
  entities(request.org, EntityType::org);
  entities(request.place, EntityType::place);
  if (!request.lang.empty())
    parts.push_back(any_of(request.lang, [](const std::string& v) {
      return Xapian::Query(std::string(schema::kPrefixLang) + ascii_lower(v));
    }));
  if (!request.type.empty())
    parts.push_back(any_of(request.type, [](const std::string& v) {
      // A MIME type ("text/html") or a file extension ("pdf").
      return v.find('/') != std::string::npos
                 ? Xapian::Query(schema::hashed_key(schema::kPrefixMime, ascii_lower(v)))
                 : Xapian::Query(schema::hashed_key(schema::kPrefixExt, ascii_lower(v)));
    }));
  if (!request.folder.empty())
    parts.push_back(any_of(request.folder, [](const std::string& v) {
      return Xapian::Query(schema::hashed_key(schema::kPrefixFolder, v));
    }));
  if (!request.from.empty() || !request.to.empty()) {
    if (request.to.empty())
      parts.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, request.from);
    else if (request.from.empty())
      parts.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, request.to);
    else
      parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, request.from,
                         request.to);
  }
  if (!request.only_ids.empty())
    parts.push_back(any_of(request.only_ids, [](const std::string& id) {
      return Xapian::Query(schema::id_term(id));
    }));
  if (parts.empty()) return std::nullopt;
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Searcher::Searcher(std::vector<std::string> index_specs, Metrics& metrics, SearchOptions options)
    : index_(std::move(index_specs), metrics, options.shards), options_(options) {}

template <class Op>
ApiResult<json> Searcher::with_index(Op op) {
  for (int attempt = 0;; ++attempt) {
    auto db = index_.refresh();
    if (!db.ok()) return db.error();
    try {
      const std::vector<std::string> missing = index_.missing();
      if (!missing.empty() && !options_.allow_partial) return shard_unavailable(missing);
      auto reply = op(*db.value());
      if (reply.ok() && !missing.empty() && reply.value().is_object()) {
        // The answer of the shards that are up, and which are not.
        reply.value()["partial"] = true;
        reply.value()["failed_shards"] = missing;
      }
      return reply;
    } catch (const Xapian::DatabaseModifiedError& e) {
      // The indexer committed twice during this search: read the newest revision and retry.
      if (attempt >= 3)
        return ApiError{503, "index_busy", "the index is being rewritten; try again",
                        e.get_description(), 1};
      index_.recover();
    } catch (const QueryTooLarge& e) {
      return bad_request("too_many_terms", e.what());
    } catch (const Xapian::QueryParserError& e) {
      // Our own range processor's messages and the parser's syntax messages: about the query.
      return bad_request("query_syntax", e.get_msg());
    } catch (const Xapian::NetworkError& e) {
      // A shard stopped answering during this request: the others answer it again.
      index_.shard_failed();
      if (attempt >= 3 || index_.missing().size() == index_.specs().size())
        return ApiError{503, "shard_unavailable", "a remote index shard cannot be reached",
                        e.get_description(), 1};
    } catch (const Xapian::Error& e) {
      return ApiError{500, "index_error", "the index could not be read", e.get_description()};
    }
  }
}

Xapian::Query Searcher::entity_value_filter(const Xapian::Database& db, EntityType type,
                                            const std::string& value) {
  const std::string_view prefix = type == EntityType::person ? schema::kPrefixPerson
                                  : type == EntityType::org  ? schema::kPrefixOrg
                                                             : schema::kPrefixPlace;
  const std::string own = entity_filter_term(prefix, value);
  if (db.term_exists(own)) return Xapian::Query(own);
  // An unreadable table only loses the alias lookup: the filter then matches nothing.
  const auto table = directory_.at(db);
  if (!table) return Xapian::Query(own);
  const auto canonical = table.value()->resolve(type, value);
  return Xapian::Query(canonical ? entity_filter_term(prefix, *canonical) : own);
}

std::vector<std::string> Searcher::named_entities(const Xapian::Database& db,
                                                  const std::vector<std::string>& words) {
  // Canonical names only: resolving aliases scans the entity table, too slow for every query.
  std::vector<std::string> terms;
  for (const std::string& name : word_sequences(words))
    for (const std::string_view prefix :
         {schema::kPrefixPerson, schema::kPrefixOrg, schema::kPrefixPlace}) {
      std::string term = entity_filter_term(prefix, name);
      if (db.term_exists(term) && std::ranges::find(terms, term) == terms.end())
        terms.push_back(std::move(term));
    }
  return terms;
}

ApiResult<json> Searcher::entities(const EntityListRequest& request) {
  return with_index([&](const Xapian::Database& db) -> ApiResult<json> {
    const auto table = directory_.at(db);
    if (!table)
      return ApiError{500, "index_error", "the entity table could not be read",
                      table.error().message};
    json list = json::array();
    for (const EntityTable::Record* record :
         table.value()->list(request.type, request.q, request.limit)) {
      json aliases = json::array();
      for (const auto& [form, mentions] : record->forms)
        if (form != record->name) aliases.push_back(form);
      list.push_back({{"name", record->name}, {"docs", record->docs}, {"aliases", aliases}});
    }
    return json{{"type", to_string(request.type)}, {"entities", std::move(list)}};
  });
}

ApiResult<json> Searcher::search(const SearchRequest& request) {
  return with_index([&](const Xapian::Database& db) { return run_search(db, request); });
}

ApiResult<json> Searcher::with_database(
    const std::function<ApiResult<json>(const Xapian::Database&)>& op) {
  return with_index(op);
}

ApiResult<json> Searcher::search_at(const Xapian::Database& db, const SearchRequest& request) {
  return run_search(db, request);
}

std::optional<std::vector<std::string>> Searcher::anchor_terms(const Xapian::Database& db,
                                                               const SearchRequest& request) {
  const std::string normalized = normalize_query(request.q, analyzer_);
  if (!is_plain(normalized) || positive_words(normalized).empty()) return std::nullopt;
  const Xapian::Query query = build_query(db, normalized, options_.query, false).query;
  // A plain query's words, stemmed per language or not: no boolean filter term (an upper-case
  // prefix other than Z), which every document of a language holds.
  std::vector<std::string> terms;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (!term.empty() && (term[0] == 'Z' || term[0] < 'A' || term[0] > 'Z')) terms.push_back(term);
  }
  if (terms.empty()) return std::nullopt;
  return terms;
}

ApiResult<json> Searcher::run_search(const Xapian::Database& db, const SearchRequest& request) {
  const std::string normalized = normalize_query(request.q, analyzer_);
  const std::optional<Xapian::Query> filter =
      request_filter(request, [&](EntityType type, const std::string& value) {
        return entity_value_filter(db, type, value);
      });
  const bool empty_query = normalized.find_first_not_of(' ') == std::string::npos;
  // Browsing everything is the costliest request (facets count every document) and the most
  // repeated one: answered once per revision.
  std::string cache_key;
  if (empty_query && !filter) {
    cache_key = revision_of(db) + '\n' + browse_request_key(request);
    if (browse_cache_.key == cache_key) return browse_cache_.reply;
  }
  // An empty query lists documents newest first (filtered when filters are given).
  const Sort sort = request.sort.value_or(empty_query ? Sort::date_descending : Sort::relevance);
  const bool collapse = request.collapse.value_or(options_.versions.collapse);
  // Facets must see every match; otherwise count at least a few hundred so totals are exact for
  // most queries (the response says when the total is an estimate).
  const Xapian::doccount check_at_least =
      request.facets.empty() ? std::max(request.offset + request.limit, 200u) : db.get_doccount();

  struct Outcome {
    Xapian::Enquire enquire;
    Xapian::MSet mset;
    std::unique_ptr<FacetCounter> facets;
    Xapian::Query query;
    Xapian::Query match;     // without the ranking boosts
    RankingParts ranking;    // the boosts
    bool timed_out = false;  // Xapian stops counting at the limit without saying so
  };
  const auto start = std::chrono::steady_clock::now();
  const auto limit = options_.match_time_limit;
  const RankingConfig& ranking = options_.ranking;
  const double half_life = request.recency_days.value_or(options_.default_recency_days);
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  // match: the documents; words: what the ranking boosts look for.
  auto run = [&](const Xapian::Query& match, const std::vector<std::string>& words) {
    Outcome outcome{Xapian::Enquire(db),
                    {},
                    std::make_unique<FacetCounter>(request.facets, request.interval),
                    {},
                    {},
                    {},
                    false};
    outcome.match = filter ? Xapian::Query(Xapian::Query::OP_FILTER, match, *filter) : match;
    if (sort == Sort::relevance && !empty_query)
      outcome.ranking = ranking_parts(
          db, words,
          ranking.entity_weight > 0 ? named_entities(db, words) : std::vector<std::string>{},
          ranking, half_life, today);
    outcome.query = ranked(outcome.match, outcome.ranking);
    outcome.enquire.set_query(outcome.query);
    outcome.enquire.set_weighting_scheme(*weighting(ranking));
    if (sort != Sort::relevance)
      outcome.enquire.set_sort_by_value_then_relevance(schema::kSlotDate,
                                                       sort == Sort::date_descending);
    // Each version group once, its best hit standing for it (the value is unset, so never
    // collapsed, for documents too short to group).
    if (collapse) outcome.enquire.set_collapse_key(schema::kSlotVersionGroup);
    outcome.facets->attach(outcome.enquire, index_.has_remote_shards()
                                                ? FacetCounter::Reading::spies
                                                : FacetCounter::Reading::streams);
    if (limit.count() > 0)
      outcome.enquire.set_time_limit(std::chrono::duration<double>(limit).count());
    const auto match_start = std::chrono::steady_clock::now();
    outcome.mset = outcome.enquire.get_mset(request.offset, request.limit, check_at_least);
    outcome.timed_out =
        limit.count() > 0 && std::chrono::steady_clock::now() - match_start >= limit;
    outcome.facets->count(db);
    return outcome;
  };

  BuiltQuery built = build_query(db, normalized, options_.query, /*suggest=*/false);
  built.corrected = spelling_correction(db, normalized, index_.has_remote_shards());
  std::string searched = normalized;
  Outcome outcome = run(built.query, positive_words(normalized));
  json suggestion = built.corrected.empty() ? json() : json(built.corrected);
  auto out_of_time = [&] {
    return limit.count() > 0 && std::chrono::steady_clock::now() - start >= limit;
  };
  if (outcome.mset.get_matches_upper_bound() == 0 && !built.corrected.empty() && request.correct &&
      !out_of_time()) {
    // Nothing for what was typed: answer for the suggestion instead ("results_for" says so).
    searched = built.corrected;
    outcome = run(build_query(db, searched, options_.query, /*suggest=*/false).query,
                  positive_words(searched));
  }
  // Still nothing: the documents holding the most of the words, as a reader misremembers some.
  std::optional<RelaxedQuery> relaxed;
  if (outcome.mset.get_matches_upper_bound() == 0 && request.relax && is_plain(searched) &&
      !out_of_time()) {
    const std::vector<std::string> words = positive_words(searched);
    relaxed = relax(db, words, options_.query);
    if (relaxed) outcome = run(relaxed->query, words);
  }

  const Xapian::MSet& mset = outcome.mset;
  HighlightTags tags{request.highlight_pre, request.highlight_post, "\xE2\x80\xA6"};
  json hits = json::array();
  // Wildcards expand per document; otherwise the query's own terms serve every hit.
  const bool per_hit_terms = normalized.find('*') != std::string::npos;
  const MatchedTerms all_terms = per_hit_terms ? MatchedTerms{} : query_terms(outcome.query);
  for (auto hit = mset.begin(); hit != mset.end(); ++hit) {
    const Xapian::Document doc = hit.get_document();
    const unsigned fields = request.fields;
    // The entities section is the bulk of a record: never decoded for a hit.
    auto record = stored_record::decode(doc.get_data(), stored_record::kHead);
    if (!record) return unreadable(*hit, record.error());
    const json& data = record->fields;
    const std::string title = data.value(schema::field::kTitle, std::string());
    const std::vector<std::string> langs = hit_langs(data);
    json entry = hit_fields(doc, data, fields, hit.get_weight());
    if (request.explain)
      entry["explain"] = explain_score(db, outcome.match, outcome.ranking, ranking,
                                       schema::id_term(entry["id"].get<std::string>()));
    if (relaxed) entry["missing"] = missing_words(outcome.enquire, hit, *relaxed);
    if (collapse && (fields & kHitVersions) != 0)
      entry["versions"] = other_matching_versions(db, outcome.match, doc);
    if (request.snippet > 0 && (fields & kHitSnippet) != 0) {
      const MatchedTerms hit_terms =
          per_hit_terms ? matched_terms(outcome.enquire, hit) : MatchedTerms{};
      const MatchedTerms& terms = per_hit_terms ? hit_terms : all_terms;
      auto body = stored_record::body_of(doc);
      if (!body) return unreadable(*hit, body.error());
      entry["snippet"] =
          body_snippet(db, mset, hit, doc, *body, langs, terms, request.snippet, tags);
      entry["title_highlighted"] = highlight_title(
          analyzer_, title, langs.empty() ? std::string() : langs.front(), terms, tags);
    }
    hits.push_back(std::move(entry));
  }
  const bool timed_out = outcome.timed_out;
  json reply{
      {"total",
       {{"value", mset.get_matches_estimated()},
        {"exact", !timed_out && mset.get_matches_lower_bound() == mset.get_matches_upper_bound()}}},
      {"hits", std::move(hits)},
      {"facets", outcome.facets->result()},
      {"suggestion", suggestion},
  };
  if (timed_out) reply["timed_out"] = true;
  if (searched != normalized) reply["results_for"] = searched;
  if (relaxed) reply["relaxed"] = {{"words", relaxed->words}, {"required", relaxed->required}};
  if (!cache_key.empty() && !timed_out) browse_cache_ = {std::move(cache_key), reply};
  return reply;
}

ApiResult<json> Searcher::document(const std::string& id) {
  return with_index([&](const Xapian::Database& db) -> ApiResult<json> {
    const auto docid = find_document(db, id);
    if (!docid.ok()) return docid.error();
    auto data = stored_record::decode_all(db.get_document(docid.value()));
    if (!data) return unreadable(docid.value(), data.error());
    (*data)["id"] = id;
    if (!data->contains(schema::field::kEntities))
      (*data)[schema::field::kEntities] = json::object();
    return std::move(*data);
  });
}

ApiResult<json> Searcher::neighbour_hits(Xapian::Enquire& enquire, unsigned limit,
                                         const HitNote& each_hit) {
  if (options_.match_time_limit.count() > 0)
    enquire.set_time_limit(std::chrono::duration<double>(options_.match_time_limit).count());
  const Xapian::MSet mset = enquire.get_mset(0, limit);
  json hits = json::array();
  for (auto hit = mset.begin(); hit != mset.end(); ++hit) {
    const Xapian::Document doc = hit.get_document();
    auto record = stored_record::decode(doc.get_data(), stored_record::kHead);
    if (!record) return unreadable(*hit, record.error());
    json entry = hit_fields(doc, record->fields, kAllHitFields, hit.get_weight());
    auto summary = hit_summary(doc, kSummaryChars, HighlightTags{});
    if (!summary) return unreadable(*hit, summary.error());
    entry["snippet"] = std::move(*summary);
    if (each_hit) each_hit(enquire, hit, entry);
    hits.push_back(std::move(entry));
  }
  return hits;
}

ApiResult<json> Searcher::similar(const CoverageRequest& request) {
  return with_index([&](const Xapian::Database& db) -> ApiResult<json> {
    const auto docid = find_document(db, request.id);
    if (!docid.ok()) return docid.error();
    const SimilarQuery similar = similar_query(db, docid.value(), schema::id_term(request.id));
    json reply{{"id", request.id}, {"words", similar.words}, {"hits", json::array()}};
    if (similar.words.empty()) return reply;
    Xapian::Enquire enquire(db);
    enquire.set_query(similar.query);
    enquire.set_weighting_scheme(*weighting(options_.ranking));
    auto hits = neighbour_hits(enquire, request.limit, nullptr);
    if (!hits.ok()) return hits;
    reply["hits"] = std::move(hits.value());
    return reply;
  });
}

ApiResult<json> Searcher::related(const CoverageRequest& request) {
  return with_index([&](const Xapian::Database& db) -> ApiResult<json> {
    const auto docid = find_document(db, request.id);
    if (!docid.ok()) return docid.error();
    const RelatedQuery related =
        related_query(db, db.get_document(docid.value()), schema::id_term(request.id));
    json reply{{"id", request.id}, {"hits", json::array()}};
    if (related.query.empty()) return reply;
    Xapian::Enquire enquire(db);
    enquire.set_query(related.query);
    enquire.set_weighting_scheme(Xapian::CoordWeight());
    // Stories sharing equally rare entities: the newest first.
    enquire.set_sort_by_relevance_then_value(schema::kSlotDate, true);
    auto shared = [&](const Xapian::Enquire& e, const Xapian::MSetIterator& hit, json& entry) {
      json names = {{"person", json::array()}, {"org", json::array()}, {"place", json::array()}};
      for (auto term = e.get_matching_terms_begin(hit); term != e.get_matching_terms_end(hit);
           ++term)
        if (const auto found = related.names.find(*term); found != related.names.end())
          names[found->second.first].push_back(found->second.second);
      entry["shared"] = std::move(names);
    };
    auto hits = neighbour_hits(enquire, request.limit, shared);
    if (!hits.ok()) return hits;
    reply["hits"] = std::move(hits.value());
    return reply;
  });
}

ApiResult<json> Searcher::versions(const std::string& id) {
  return with_index([&](const Xapian::Database& db) -> ApiResult<json> {
    return list_versions(db, id, options_.versions);
  });
}

ApiResult<json> Searcher::stats() {
  return with_index([&](const Xapian::Database& db) -> ApiResult<json> {
    json languages = json::object();
    const std::string prefix(schema::kPrefixLang);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
      languages[(*t).substr(prefix.size())] = t.get_termfreq();
    std::uintmax_t bytes = 0;
    for (const auto& spec : index_.specs())
      if (!spec.starts_with("tcp://")) bytes += directory_bytes(spec);
    return json{
        {"documents", db.get_doccount()},
        {"languages", languages},
        {"index_bytes", bytes},
        {"shards", index_.shard_states()},
        {"schema_version", metadata_json(db, schema::kMetaSchemaVersion)},
        {"last_commit", metadata_json(db, schema::kMetaLastCommit)},
        {"docs_indexed", metadata_json(db, schema::kMetaDocsIndexed)},
        {"errors", metadata_json(db, schema::kMetaErrors)},
        {"indexer", public_indexer_state(indexer_state(db))},
    };
  });
}

// The indexer's latest state, from its status file beside the primary index when it has one (the
// only place a `degraded` state can reach while no commit lands), else from the metadata.
json Searcher::indexer_state(const Xapian::Database& db) const {
  const auto& primary = index_.specs().front();
  if (primary.starts_with("tcp://")) return metadata_json(db, schema::kMetaIndexerState);
  return read_indexer_state(db, primary);
}

ApiResult<json> Searcher::health() {
  return with_index([&](const Xapian::Database& db) -> ApiResult<json> {
    // Searching still works while the indexer cannot write; the index just stops changing.
    const auto indexer = indexer_state(db);
    const bool degraded = indexer.is_object() && indexer.value("state", "") == "degraded";
    // A shard down also degrades the service ("failed_shards" names it).
    const bool shard_down = !index_.missing().empty();
    json health{{"status", degraded || shard_down ? "degraded" : "ok"},
                {"documents", db.get_doccount()}};
    if (degraded) health["indexer"] = {{"state", "degraded"}};
    return health;
  });
}

}  // namespace newsdex::searchd
