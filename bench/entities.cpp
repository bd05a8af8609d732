// bench/entities: entity quality on the seeds (precision/recall per type) and the cost of
// extraction plus canonicalisation on a scale corpus, as docs/s and as the slowdown it would add to
// an indexer running at a given rate.
//   usage: entities [SCALE_DIR=/tmp/scale2k] [INDEXER_DOCS_PER_S=215]
//   make the corpus with: ../shared/corpus/scale.sh 2000 /tmp/scale2k
#include <chrono>
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
  const fs::path source = fs::path(__FILE__).parent_path().parent_path();

  const auto t0 = std::chrono::steady_clock::now();
  const newsdex::EntityExtractor extractor;
  const double build_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "gazetteer: " << extractor.gazetteer().size() << " phrases, built in "
            << build_s * 1000 << " ms\n";

  const fs::path seeds = source.parent_path() / "shared/corpus/seeds";
  if (fs::exists(seeds)) {
    const auto scores = newsdex::evaluate_entities(extractor, seeds, source / "tests/data/gold");
    if (scores.ok()) {
      for (auto type :
           {newsdex::EntityType::person, newsdex::EntityType::org, newsdex::EntityType::place}) {
        const auto& s = (*scores)[static_cast<std::size_t>(type)];
        std::cout << newsdex::to_string(type) << ": precision " << s.precision() << ", recall "
                  << s.recall() << '\n';
      }
    } else {
      std::cout << "seeds: " << scores.error().message << '\n';
    }
  } else {
    std::cout << "seeds absent: no precision/recall\n";
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
