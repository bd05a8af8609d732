#include "file_processor.hpp"

#include <time.h>

#include <algorithm>

#include "file_reader.hpp"
#include "formats.hpp"
#include "sha256.hpp"

namespace newsdex {
namespace {

using Kind = FileUpdate::Kind;

// CLOCK_REALTIME_COARSE is the clock file timestamps come from (the kernel's current_time()), so
// a change made after this reading has a ctime at or after it; the precise clock may run up to a
// tick ahead of it.
std::int64_t file_clock_now_ns() {
  timespec now{};
  clock_gettime(CLOCK_REALTIME_COARSE, &now);
  return std::int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
}

}  // namespace

FileProcessor::FileProcessor(std::filesystem::path root, std::uint64_t max_file_bytes,
                             const EntityExtractor& extractor, ParserIsolation isolation)
    : root_(std::move(root)),
      max_file_bytes_(max_file_bytes),
      extractor_(extractor),
      limits_(isolation.limits()) {
  if (!isolation.formats.empty())
    isolated_ = std::make_unique<IsolatedParser>(std::move(isolation));
}

Result<std::vector<Article>> FileProcessor::parse(Format format, std::string_view bytes) {
  if (isolated_ && isolated_->isolates(format)) return isolated_->parse(format, bytes);
  return parse_document(format, bytes);
}

FileUpdate FileProcessor::process(const FileJob& job) {
  FileUpdate update;
  update.relative_path = job.relative_path;
  update.was_indexed = job.known.has_value() && !job.moved_from;
  update.moved_from = job.moved_from;
  update.source.relative_path = job.relative_path;
  update.parse_limits = limits_;

  auto format = format_for(job.relative_path);
  if (!format) {
    update.error = "not a document format newsdex indexes";
    return update;
  }
  update.source.format = *format;

  update.indexed_at_ns = file_clock_now_ns();
  auto file = read_file(root_ / job.relative_path, max_file_bytes_);
  if (!file) {
    update.kind = file.error().code == Errc::not_found ? Kind::remove : Kind::failed;
    update.error = file.error().message;
    return update;
  }
  update.source.size = file->size;
  update.source.mtime_ns = file->mtime_ns;
  update.source.sha256 = sha256_hex(file->bytes);
  if (job.known && job.known->sha256 == update.source.sha256 && !job.known->skipped.empty()) {
    // The very bytes that failed before: not handed to a parser again.
    update.error = job.known->skipped;
    update.remember_skip = true;
    return update;
  }
  if (job.known && job.known->sha256 == update.source.sha256) {
    const bool same_format = !job.moved_from || format_for(*job.moved_from) == format;
    if (same_format) {
      update.kind = job.moved_from ? Kind::move : Kind::touch;
      return update;
    }
  }

  auto articles = parse(*format, file->bytes);
  if (!articles) {
    update.error = articles.error().message;
    // io_error: the parse helper could not be run, which says nothing about the file.
    update.remember_skip = articles.error().code != Errc::io_error;
    return update;
  }
  const bool multi = articles->size() > 1;
  for (std::size_t i = 0; i < articles->size(); ++i) {
    const auto& article = (*articles)[i];
    auto analysed = analyse_article(analyzer_, article);
    update.langs.push_back(analysed.body.lang);
    update.docs.push_back({build_document(update.source, multi ? static_cast<int>(i) : -1, article,
                                          analysed, update.indexed_at_ns),
                           extractor_.extract(article, analysed.body.lang)});
  }
  if (update.docs.empty()) {
    update.error = "no article with any text in it";
    update.remember_skip = true;
    return update;
  }
  update.kind = Kind::replace;
  return update;
}

}  // namespace newsdex
