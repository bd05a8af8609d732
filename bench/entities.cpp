// bench/entities: entity quality (precision/recall/F1 per type) on the Brown gold's development and
// test parts, on the non-English examples and on the seed articles, and the cost of extraction
// plus canonicalisation on a scale corpus, as docs/s and as the slowdown it would add to an
// indexer running at a given rate.
//   usage: entities [SCALE_DIR=/tmp/scale2k] [INDEXER_DOCS_PER_S=215]
//   NEWSDEX_ENTITY_ERRORS=1 also lists the development part's missed and spurious entities.
//   NEWSDEX_TAGGER_MODEL=FILE scores another tagger model than the compiled-in one ("none": the
//   rules alone); NEWSDEX_BROWN_GOLD=DIR other Brown gold files (a part held out of training).
//   make the corpus with: ../shared/corpus/scale.sh 2000 /tmp/scale2k
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "entity_eval.hpp"
#include "entity_table.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const fs::path scale_dir = argc > 1 ? argv[1] : "/tmp/scale2k";
  const double indexer_rate =
      argc > 2 ? std::stod(argv[2]) : 215.0;  // DESIGN.md's measured writer rate
  const fs::path source = NEWSDEX_SOURCE_DIR;

  const auto t0 = std::chrono::steady_clock::now();
  const char* model_file = std::getenv("NEWSDEX_TAGGER_MODEL");
  const newsdex::EntityExtractor extractor = [&] {
    if (model_file == nullptr) return newsdex::EntityExtractor();
    if (std::string_view(model_file) == "none")
      return newsdex::EntityExtractor(newsdex::TaggerModel{});
    std::ifstream in(model_file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    auto model = newsdex::TaggerModel::parse(s.str());
    if (!model.ok()) {
      std::cerr << model_file << ": " << model.error().message << '\n';
      std::exit(1);
    }
    return newsdex::EntityExtractor(std::move(model.value()));
  }();
  const double build_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "gazetteer: " << extractor.gazetteer().size()
            << " phrases, tagger: " << extractor.tagger().features() << " features, built in "
            << build_s * 1000 << " ms\n";

  const bool show_errors = std::getenv("NEWSDEX_ENTITY_ERRORS") != nullptr;
  const fs::path corpus = source.parent_path() / "shared/corpus";
  const fs::path gold = source / "tests/data/gold";
  const char* brown_gold = std::getenv("NEWSDEX_BROWN_GOLD");
  const fs::path brown = brown_gold != nullptr ? fs::path(brown_gold) : gold / "brown";
  struct Part {
    const char* name;
    fs::path documents;
    fs::path gold;
    std::string_view split;
  };
  for (const Part& part : {Part{"brown dev", corpus / "brown", brown, "dev"},
                           Part{"brown test", corpus / "brown", brown, "test"},
                           Part{"examples", source / "examples", gold / "examples", "dev"},
                           Part{"seeds", corpus / "seeds", gold, {}}}) {
    if (!fs::exists(part.documents)) {
      std::cout << part.name << ": " << part.documents.string() << " absent, not scored\n";
      continue;
    }
    const auto scores =
        newsdex::evaluate_entities(extractor, part.documents, part.gold, part.split);
    if (!scores.ok()) {
      std::cout << part.name << ": " << scores.error().message << '\n';
      continue;
    }
    for (auto type :
         {newsdex::EntityType::person, newsdex::EntityType::org, newsdex::EntityType::place}) {
      const auto& s = (*scores)[static_cast<std::size_t>(type)];
      std::printf("%-10s %-6s P %.3f R %.3f F1 %.3f (tp %u fp %u fn %u)\n", part.name,
                  std::string(newsdex::to_string(type)).c_str(), s.precision(), s.recall(), s.f1(),
                  s.true_positives, s.false_positives, s.false_negatives);
      // Errors are listed for the development part only: the test part is scored, never read.
      if (show_errors && part.split == "dev") {
        for (const auto& m : s.missed) std::cout << "    missed   " << m << '\n';
        for (const auto& m : s.spurious) std::cout << "    spurious " << m << '\n';
      }
    }
  }

  if (!fs::exists(scale_dir)) {
    std::cout << scale_dir << " absent: run ../shared/corpus/scale.sh 2000 " << scale_dir << '\n';
    return 0;
  }
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(scale_dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    bytes += s.str().size();
    texts.push_back(s.str());
  }
  newsdex::EntityTable table;
  std::size_t entities = 0;
  const auto t1 = std::chrono::steady_clock::now();
  for (const std::string& text : texts) {
    newsdex::Article article;
    article.body = text;
    const auto found = table.add_document(extractor.extract(article, "en"));
    entities += found.size();
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  const double rate = static_cast<double>(texts.size()) / secs;
  std::cout << texts.size() << " docs (" << bytes / 1e6 << " MB): extraction + table " << rate
            << " docs/s, " << bytes / 1e6 / secs << " MB/s, " << entities << " document entities, "
            << table.size() << " table records, table " << table.serialise().size() / 1024
            << " KiB\n";
  // Single-threaded, added to every document: an indexer at R docs/s slows to 1/(1/R + 1/rate).
  const double slowed = 1.0 / (1.0 / indexer_rate + 1.0 / rate);
  std::cout << "at " << indexer_rate << " docs/s without entities: " << slowed
            << " docs/s with them (" << (indexer_rate / slowed - 1.0) * 100 << "% slower)\n";
  return 0;
}
