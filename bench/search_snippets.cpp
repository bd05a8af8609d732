// Search latency with and without snippets, the way ../shared/bench/peers measures its peers:
// index the *.txt files of the given corpus folders (default brown, seeds, udhr), then for each
// query of the peers' query file, 2 warm-ups and REPS timed runs of "top 10" and "top 10 + a
// highlighted snippet each", in-process on one Searcher (no HTTP). Prints per-query medians and
// one JSON line with the peers' fields (median_of_medians_us, snip_median_of_medians_us). For
// comparison it also times Xapian's MSet::snippet over each hit's stored body.
//
// bench/search_snippets [--reps N] [--queries FILE] [CORPUS_DIR...]
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "indexer.hpp"
#include "schema.hpp"
#include "searcher.hpp"
#include "stored_record.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::ranges::sort(v);
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

std::uintmax_t dir_bytes(const fs::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) total += e.file_size();
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path shared = fs::path(NEWSDEX_SOURCE_DIR) / ".." / "shared";
  fs::path queries_file = shared / "bench" / "peers" / "queries.txt";
  int reps = 20;
  std::vector<fs::path> corpora;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--reps" && i + 1 < argc)
      reps = std::stoi(argv[++i]);
    else if (arg == "--queries" && i + 1 < argc)
      queries_file = argv[++i];
    else
      corpora.emplace_back(arg);
  }
  if (corpora.empty())
    for (const char* name : {"brown", "seeds", "udhr"}) corpora.push_back(shared / "corpus" / name);

  spdlog::set_level(spdlog::level::warn);
  const fs::path work =
      fs::temp_directory_path() / fmt::format("newsdex-bench-search-{}", ::getpid());
  fs::create_directories(work / "docs");
  std::size_t files = 0;
  for (const auto& corpus : corpora) {
    if (!fs::is_directory(corpus)) {
      std::cerr << corpus << " is absent\n";
      return 1;
    }
    for (const auto& e : fs::directory_iterator(corpus)) {
      if (e.path().extension() != ".txt" || e.path().filename() == "README.md") continue;
      fs::create_directories(work / "docs" / corpus.filename());
      fs::copy_file(e.path(), work / "docs" / corpus.filename() / e.path().filename());
      ++files;
    }
  }
  newsdex::Config config;
  config.paths.docs = work / "docs";
  config.paths.index = work / "index";
  const auto index_start = Clock::now();
  auto counters = newsdex::index_once(config);
  const double index_wall = std::chrono::duration<double>(Clock::now() - index_start).count();
  if (!counters) {
    std::cerr << counters.error().message << "\n";
    return 1;
  }

  std::vector<std::string> queries;
  std::ifstream in(queries_file);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) queries.push_back(line);

  newsdex::searchd::Metrics metrics;
  newsdex::searchd::Searcher searcher({config.paths.index.string()}, metrics);
  Xapian::Database db(config.paths.index.string());

  auto time_us = [](auto&& fn) {
    const auto start = Clock::now();
    fn();
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
  };
  std::vector<double> plain_medians, snippet_medians, mset_snippet_medians;
  nlohmann::json per_query = nlohmann::json::array();
  fmt::print("{:<28} {:>8} {:>10} {:>12} {:>6}\n", "query", "top10_us", "snip10_us", "mset.snip_us",
             "hits");
  for (const auto& q : queries) {
    newsdex::searchd::SearchRequest plain;
    plain.q = q;
    plain.limit = 10;
    plain.snippet = 0;
    newsdex::searchd::SearchRequest with = plain;
    with.snippet = 200;
    std::size_t hits = 0;
    for (int w = 0; w < 2; ++w) {
      searcher.search(plain);
      auto r = searcher.search(with);
      if (r.ok()) hits = r.value()["hits"].size();
    }
    std::vector<double> a, b, c;
    for (int r = 0; r < reps; ++r) a.push_back(time_us([&] { searcher.search(plain); }));
    for (int r = 0; r < reps; ++r) b.push_back(time_us([&] { searcher.search(with); }));
    // The usual way: MSet::snippet over each hit's whole stored body (English stemmer).
    for (int r = 0; r < reps; ++r)
      c.push_back(time_us([&] {
        Xapian::QueryParser qp;
        qp.set_database(db);
        qp.set_stemmer(Xapian::Stem("english"));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(Xapian::Query::OP_AND);
        Xapian::Enquire enquire(db);
        enquire.set_query(qp.parse_query(q, Xapian::QueryParser::FLAG_PHRASE));
        Xapian::MSet mset = enquire.get_mset(0, 10);
        for (auto m = mset.begin(); m != mset.end(); ++m) {
          (void)mset.snippet(newsdex::stored_record::body_of(m.get_document()).value(), 200,
                             Xapian::Stem("english"));
        }
      }));
    plain_medians.push_back(median(a));
    snippet_medians.push_back(median(b));
    mset_snippet_medians.push_back(median(c));
    per_query.push_back(
        {{"q", q}, {"median_us", median(a)}, {"snip_median_us", median(b)}, {"hits", hits}});
    fmt::print("{:<28} {:>8.0f} {:>10.0f} {:>12.0f} {:>6}\n", q.substr(0, 28), median(a), median(b),
               median(c), hits);
  }
  nlohmann::json summary = {
      {"peer", "newsdex"},
      {"docs", db.get_doccount()},
      {"files", files},
      {"index_wall_s", index_wall},
      {"index_bytes", dir_bytes(config.paths.index)},
      {"queries", queries.size()},
      {"reps", reps},
      {"median_of_medians_us", median(plain_medians)},
      {"snip_median_of_medians_us", median(snippet_medians)},
      {"mset_snippet_median_of_medians_us", median(mset_snippet_medians)},
      {"per_query", per_query},
  };
  fmt::print(
      "\ntop-10 median of medians: {:.0f} us; with snippets: {:.0f} us; "
      "with MSet::snippet instead: {:.0f} us ({} docs)\n",
      median(plain_medians), median(snippet_medians), median(mset_snippet_medians),
      db.get_doccount());
  std::cout << summary.dump() << "\n";
  fs::remove_all(work);
  return 0;
}
