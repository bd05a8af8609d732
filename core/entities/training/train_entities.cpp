// newsdex-train-entities: trains the entity tagger from annotated documents and writes its model.
//   newsdex-train-entities [--documents DIR] [--out FILE] [--exclude NAME]... [GOLD_DIR...]
// Defaults retrain the model newsdex ships: the Brown corpus beside the repository
// (../shared/corpus/brown), the gold of core/entities/training/annotations and
// tests/data/gold/brown, written to core/entities/data/tagger.model. Only annotations whose
// "split" is "train" or "dev" are read; the test part is never learnt from.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "entities.hpp"
#include "formats.hpp"
#include "gazetteer.hpp"
#include "tagger_training.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every name of a gold entry: a string, or a list of names, canonical first.
void add_names(const nlohmann::json& entry, std::vector<std::string>& out) {
  if (entry.is_string()) out.push_back(entry.get<std::string>());
  if (!entry.is_array()) return;
  for (const auto& name : entry)
    if (name.is_string()) out.push_back(name.get<std::string>());
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path source = NEWSDEX_SOURCE_DIR;
  CLI::App app{"Trains newsdex's entity tagger from annotated documents"};
  fs::path documents = source.parent_path() / "shared/corpus/brown";
  fs::path out = source / "core/entities/data/tagger.model";
  std::vector<fs::path> gold_dirs = {source / "core/entities/training/annotations",
                                     source / "tests/data/gold/brown"};
  std::vector<std::string> exclude;
  newsdex::TrainingOptions options;
  app.add_option("--documents", documents, "folder of the annotated documents")
      ->capture_default_str();
  app.add_option("--out", out, "model file to write")->capture_default_str();
  app.add_option("--exclude", exclude, "document to leave out (held out to score it)");
  app.add_option("--epochs", options.epochs, "passes over the data")->capture_default_str();
  app.add_option("--seed", options.seed, "seed of the shuffles")->capture_default_str();
  app.add_option("gold", gold_dirs, "folders of annotation files (*.json)")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  std::vector<fs::path> files;
  for (const fs::path& dir : gold_dirs) {
    if (!fs::is_directory(dir)) {
      std::cerr << dir.string() << ": not a folder\n";
      return 2;
    }
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    return a.filename() != b.filename() ? a.filename() < b.filename() : a < b;
  });
  std::vector<newsdex::AnnotatedDocument> docs;
  for (const fs::path& file : files) {
    const auto gold = nlohmann::json::parse(slurp(file), nullptr, false);
    if (!gold.is_object()) {
      std::cerr << file.string() << ": not an annotation file\n";
      return 1;
    }
    const std::string split = gold.value("split", "");
    const std::string name = gold.value("document", "");
    if ((split != "train" && split != "dev") ||
        std::find(exclude.begin(), exclude.end(), name) != exclude.end())
      continue;
    const auto format = newsdex::format_for(name);
    auto articles = format ? newsdex::parse_document(*format, slurp(documents / name))
                           : newsdex::Result<std::vector<newsdex::Article>>(
                                 newsdex::make_error(newsdex::Errc::unsupported, "no format"));
    if (!articles.ok()) {
      std::cerr << (documents / name).string() << ": " << articles.error().message << '\n';
      return 1;
    }
    newsdex::AnnotatedDocument doc;
    doc.articles = std::move(articles.value());
    for (const auto type :
         {newsdex::EntityType::person, newsdex::EntityType::org, newsdex::EntityType::place}) {
      for (const auto& entry :
           gold.value(std::string(newsdex::to_string(type)), nlohmann::json::array()))
        add_names(entry, doc.names[static_cast<std::size_t>(type)]);
    }
    for (const auto& entry : gold.value("ambiguous", nlohmann::json::array()))
      add_names(entry, doc.ambiguous);
    docs.push_back(std::move(doc));
  }
  if (docs.empty()) {
    std::cerr << "no annotated documents to learn from\n";
    return 1;
  }
  const newsdex::Gazetteer gazetteer;
  newsdex::TrainingReport report;
  const newsdex::TaggerModel model = newsdex::train_tagger(docs, gazetteer, options, &report);
  const std::string bytes = model.serialise();
  std::ofstream(out, std::ios::binary) << bytes;
  std::printf(
      "%zu documents, %zu regions (%zu left out as ambiguous), %zu tokens, %zu in names: "
      "%zu features, %s %zu KiB\n",
      docs.size(), report.regions, report.skipped, report.tokens, report.entity_tokens,
      model.features(), out.string().c_str(), bytes.size() / 1024);
  return 0;
}
