// Wire-story versions: how well the indexer's version groups find rewrites of a story and keep
// other stories apart. Stories of the scale corpus (shared/corpus/scale.sh) are rewritten by edits
// of known size (sentences replaced, words replaced, sentences added, the end cut), then every
// original and rewrite is grouped exactly as the indexer groups them (versions::assign_group over a
// glass index, originals first) at several thresholds. Prints pairwise precision and recall, recall
// per edit with the true and estimated similarity, and the cost per document.
//   build/bench/versions SCALE_DIR [STORIES=1000]
// SCALE_DIR needs 2 x STORIES documents: the second half donates the replacement text.
#include <fmt/format.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>

#include "analyzer.hpp"
#include "config.hpp"
#include "version_groups.hpp"

namespace {

namespace fs = std::filesystem;
using newsdex::versions::Signature;

struct Edit {
  std::string kind;  // sentences, words, append, cut
  double size;       // fraction of the body's words
  std::string name() const { return fmt::format("{} {:.0f}%", kind, size * 100); }
};

const std::vector<Edit> kEdits = {
    {"sentences", 0.05}, {"sentences", 0.1}, {"sentences", 0.2}, {"sentences", 0.3},
    {"sentences", 0.5},  {"words", 0.02},    {"words", 0.05},    {"words", 0.1},
    {"words", 0.2},      {"append", 0.1},    {"append", 0.3},    {"cut", 0.2},
    {"cut", 0.4},
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

std::size_t word_count(const std::string& line) {
  std::istringstream in(line);
  return std::distance(std::istream_iterator<std::string>(in),
                       std::istream_iterator<std::string>());
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

// The body of a scale document: its sentences, one a line, after the title, date and blank line.
std::vector<std::string> body_sentences(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  auto lines = lines_of(text.str());
  lines.erase(lines.begin(), lines.begin() + std::min<std::size_t>(2, lines.size()));
  return lines;
}

// The story rewritten by one edit, with replacement text taken from the donor story.
std::string rewrite(const std::vector<std::string>& story, const std::vector<std::string>& donor,
                    const Edit& edit, std::mt19937& rng) {
  std::size_t words = 0;
  for (const auto& s : story) words += word_count(s);
  const auto target = static_cast<std::size_t>(edit.size * static_cast<double>(words));
  std::vector<std::string> out = story;
  std::size_t done = 0, next_donor = 0;
  auto donor_sentence = [&] { return donor[next_donor++ % donor.size()]; };
  if (edit.kind == "sentences") {
    std::vector<std::size_t> order(out.size());
    std::iota(order.begin(), order.end(), 0);
    std::ranges::shuffle(order, rng);
    for (std::size_t i : order) {
      if (done >= target) break;
      done += word_count(out[i]);
      out[i] = donor_sentence();
    }
  } else if (edit.kind == "words") {
    std::vector<std::string> all, donor_words;
    for (const auto& s : out)
      for (std::istringstream in(s); in;)
        if (std::string w; in >> w) all.push_back(w);
    for (const auto& s : donor)
      for (std::istringstream in(s); in;)
        if (std::string w; in >> w) donor_words.push_back(w);
    std::vector<std::size_t> order(all.size());
    std::iota(order.begin(), order.end(), 0);
    std::ranges::shuffle(order, rng);
    for (std::size_t i = 0; i < target && i < order.size(); ++i)
      all[order[i]] = donor_words[i % donor_words.size()];
    return join(all, " ");
  } else if (edit.kind == "append") {
    while (done < target) {
      out.push_back(donor_sentence());
      done += word_count(out.back());
    }
  } else {  // cut: the end of the story dropped
    while (done < target && out.size() > 1) {
      done += word_count(out.back());
      out.pop_back();
    }
  }
  return join(out, "\n");
}

struct Doc {
  int story;  // the original it comes from
  int edit;   // index into kEdits, -1 for the original
  std::vector<std::string> terms;
  Signature sig;
};

double true_jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  auto shingles = [](const std::vector<std::string>& w) {
    std::set<std::string> set;
    for (std::size_t i = 0; i + newsdex::versions::kShingleWords <= w.size(); ++i)
      set.insert(join({w.begin() + i, w.begin() + i + newsdex::versions::kShingleWords}, " "));
    return set;
  };
  const auto sa = shingles(a), sb = shingles(b);
  std::size_t common = 0;
  for (const auto& s : sa) common += sb.count(s);
  return static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr,
               "usage: {} SCALE_DIR [STORIES=1000]  (make it with shared/corpus/scale.sh)\n",
               argv[0]);
    return 2;
  }
  const fs::path scale = argv[1];
  const std::size_t stories = argc > 2 ? std::stoul(argv[2]) : 1000;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(scale))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::ranges::sort(files);
  if (files.size() < 2 * stories) {
    fmt::print(stderr, "{} holds {} documents; {} stories need {}\n", scale.string(), files.size(),
               stories, 2 * stories);
    return 2;
  }

  // Originals and rewrites, analysed as the indexer analyses bodies.
  newsdex::Analyzer analyzer;
  std::mt19937 rng(20240303);
  std::vector<Doc> docs;
  auto add_doc = [&](int story, int edit, const std::string& body) {
    Doc doc{story, edit, {}, {}};
    for (const auto& token : analyzer.analyze(body).tokens) doc.terms.push_back(token.term);
    doc.sig = *newsdex::versions::signature({doc.terms.begin(), doc.terms.end()});
    docs.push_back(std::move(doc));
  };
  for (std::size_t i = 0; i < stories; ++i)
    add_doc(static_cast<int>(i), -1, join(body_sentences(files[i]), "\n"));
  // Two rewrites per story, by different edits; inserted after every original, in random order.
  for (std::size_t i = 0; i < stories; ++i) {
    const auto story = body_sentences(files[i]);
    const auto donor = body_sentences(files[stories + i]);
    for (int k = 0; k < 2; ++k) {
      const int edit = static_cast<int>((2 * i + k) % kEdits.size());
      add_doc(static_cast<int>(i), edit, rewrite(story, donor, kEdits[edit], rng));
    }
  }
  std::shuffle(docs.begin() + static_cast<long>(stories), docs.end(), rng);

  // Per edit: the true similarity to the original and MinHash's estimate of it.
  std::map<int, std::pair<double, double>> similarity;  // edit -> sums
  std::map<int, int> per_edit;
  for (std::size_t d = stories; d < docs.size(); ++d) {
    const Doc& doc = docs[d];
    const Doc& original = docs[static_cast<std::size_t>(doc.story)];
    similarity[doc.edit].first += true_jaccard(original.terms, doc.terms);
    similarity[doc.edit].second += newsdex::versions::estimate_similarity(original.sig, doc.sig);
    ++per_edit[doc.edit];
  }

  fmt::print("{} stories from {}, {} rewrites ({} edits), {} documents\n\n", stories,
             scale.string(), docs.size() - stories, kEdits.size(), docs.size());
  fmt::print("{:>9} {:>9} {:>7} {:>7} {:>10} {:>10} {:>9} {:>6}\n", "threshold", "precision",
             "recall", "groups", "lookup us", "write us", "compared", "false");
  std::map<double, std::map<int, int>> recalled;  // threshold -> edit -> rewrites grouped right
  const std::vector<double> thresholds = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
  for (double threshold : thresholds) {
    const fs::path dir =
        fs::temp_directory_path() / fmt::format("newsdex-bench-versions-{}", ::getpid());
    fs::remove_all(dir);
    newsdex::VersionsConfig config;
    config.threshold = threshold;
    std::vector<std::string> group(docs.size());
    std::size_t compared = 0;
    double lookup_seconds = 0;  // assign_group alone: candidate query and signature comparisons
    const auto start = std::chrono::steady_clock::now();
    {
      Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
      for (std::size_t d = 0; d < docs.size(); ++d) {
        Xapian::Document doc;
        const auto lookup = std::chrono::steady_clock::now();
        const auto assignment =
            newsdex::versions::assign_group(db, doc, std::to_string(d), docs[d].sig, config);
        lookup_seconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - lookup).count();
        group[d] = assignment.group;
        compared += assignment.compared;
        db.add_document(doc);
        if (d % 1000 == 999) db.commit();
      }
      db.commit();
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fs::remove_all(dir);
    // Pairwise: of the pairs put in one group, how many are versions of one story (precision);
    // of the pairs that are, how many were put in one group (recall).
    std::map<std::string, std::vector<int>> members;
    for (std::size_t d = 0; d < docs.size(); ++d) members[group[d]].push_back(docs[d].story);
    std::size_t grouped_pairs = 0, right_pairs = 0, false_pairs = 0;
    for (const auto& [g, stories_in] : members)
      for (std::size_t a = 0; a < stories_in.size(); ++a)
        for (std::size_t b = a + 1; b < stories_in.size(); ++b) {
          ++grouped_pairs;
          (stories_in[a] == stories_in[b] ? right_pairs : false_pairs)++;
        }
    const std::size_t true_pairs = stories * 3;  // three documents per story
    for (std::size_t d = stories; d < docs.size(); ++d)
      if (group[d] == group[static_cast<std::size_t>(docs[d].story)])
        ++recalled[threshold][docs[d].edit];
    fmt::print("{:>9.1f} {:>9.4f} {:>7.4f} {:>7} {:>10.0f} {:>10.0f} {:>9.1f} {:>6}\n", threshold,
               grouped_pairs ? static_cast<double>(right_pairs) / grouped_pairs : 1.0,
               static_cast<double>(right_pairs) / true_pairs, members.size(),
               lookup_seconds * 1e6 / docs.size(), (seconds - lookup_seconds) * 1e6 / docs.size(),
               static_cast<double>(compared) / docs.size(), false_pairs);
  }

  fmt::print(
      "\nper edit: rewrites in their original's group, by threshold\n{:<14} {:>5} {:>6} {:>6}",
      "edit", "n", "J", "est");
  for (double t : thresholds) fmt::print(" {:>6.1f}", t);
  fmt::print("\n");
  for (int e = 0; e < static_cast<int>(kEdits.size()); ++e) {
    const double n = per_edit[e];
    fmt::print("{:<14} {:>5} {:>6.3f} {:>6.3f}", kEdits[e].name(), per_edit[e],
               similarity[e].first / n, similarity[e].second / n);
    for (double t : thresholds) fmt::print(" {:>6.3f}", recalled[t][e] / n);
    fmt::print("\n");
  }
  fmt::print(
      "\nprecision, recall: pairwise over the 3 documents of each story; false: pairs of different "
      "stories grouped\nlookup us: assign_group per document (candidate query and comparisons); "
      "write us: adding it to a glass\nindex, committed every 1,000; compared: signatures compared "
      "per document\nJ: true Jaccard similarity of the 5-word shingles to the original; est: "
      "MinHash's estimate (means)\n");
  return 0;
}
