#include "file_processor.hpp"

#include <algorithm>
#include <chrono>

#include "file_reader.hpp"
#include "formats.hpp"
#include "sha256.hpp"

namespace newsdex {
namespace {

using Kind = FileUpdate::Kind;

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

FileUpdate FileProcessor::process(const FileJob& job) {
  FileUpdate update;
  update.relative_path = job.relative_path;
  update.was_indexed = job.known.has_value() && !job.moved_from;
  update.moved_from = job.moved_from;
  update.source.relative_path = job.relative_path;

  auto format = format_for(job.relative_path);
  if (!format) {
    update.error = "not a document format newsdex indexes";
    return update;
  }
  update.source.format = *format;

  auto file = read_file(root_ / job.relative_path, max_file_bytes_);
  if (!file) {
    update.kind = file.error().code == Errc::not_found ? Kind::remove : Kind::failed;
    update.error = file.error().message;
    return update;
  }
  update.source.size = file->size;
  update.source.mtime_ns = file->mtime_ns;
  update.source.sha256 = sha256_hex(file->bytes);
  update.indexed_at_s = now_seconds();
  if (job.known && job.known->sha256 == update.source.sha256) {
    const bool same_format = !job.moved_from || format_for(*job.moved_from) == format;
    if (same_format) {
      update.kind = job.moved_from ? Kind::move : Kind::touch;
      return update;
    }
  }

  auto articles = parse_document(*format, file->bytes);
  if (!articles) {
    update.error = articles.error().message;
    return update;
  }
  const bool multi = articles->size() > 1;
  for (std::size_t i = 0; i < articles->size(); ++i) {
    const auto& article = (*articles)[i];
    auto analysed = analyse_article(analyzer_, article);
    update.langs.push_back(analysed.body.lang);
    update.docs.push_back({build_document(update.source, multi ? static_cast<int>(i) : -1, article,
                                          analysed, update.indexed_at_s),
                           extractor_.extract(article, analysed.body.lang)});
  }
  if (update.docs.empty()) {
    update.error = "no article with any text in it";
    return update;
  }
  update.kind = Kind::replace;
  return update;
}

}  // namespace newsdex
