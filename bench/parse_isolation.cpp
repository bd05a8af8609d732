// Parsing throughput in-process against newsdex-parse-helper (what isolating a format costs):
//   build/bench/parse_isolation DIR [FORMAT...]
// reads every .html/.pdf file under DIR once, then parses them all both ways on one thread and
// prints documents per second for each.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "file_reader.hpp"
#include "formats.hpp"
#include "isolated_parser.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: parse_isolation DIR\n");
    return 2;
  }
  struct Doc {
    newsdex::Format format;
    std::string bytes;
  };
  std::vector<Doc> docs;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
    const auto format = newsdex::format_for(entry.path());
    if (!entry.is_regular_file() || !format ||
        (*format != newsdex::Format::html && *format != newsdex::Format::pdf))
      continue;
    auto file = newsdex::read_file(entry.path(), 64u << 20);
    if (file) docs.push_back({*format, std::move(file->bytes)});
  }
  auto settings = newsdex::parser_isolation(newsdex::IndexerConfig{});
  if (!settings) {
    fmt::print(stderr, "{}\n", settings.error().message);
    return 1;
  }
  newsdex::IsolatedParser isolated(*settings);
  auto measure = [&](const char* name, auto parse) {
    const auto start = std::chrono::steady_clock::now();
    std::size_t ok = 0;
    for (const auto& doc : docs) ok += parse(doc.format, doc.bytes).ok();
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print("{:<11} {} documents ({} parsed) in {:.2f} s: {:.0f} documents/s\n", name,
               docs.size(), ok, s, docs.size() / s);
  };
  for (int round = 0; round < 2; ++round) {
    measure("in-process",
            [](auto format, const auto& bytes) { return newsdex::parse_document(format, bytes); });
    measure("helper",
            [&](auto format, const auto& bytes) { return isolated.parse(format, bytes); });
  }
}
