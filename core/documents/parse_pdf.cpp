// PDF with poppler-cpp: the text of every page in reading order, and the title, author and
// creation date from the document's info dictionary when it has them.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <chrono>
#include <memory>
#include <string>

#include "formats.hpp"
#include "metadata.hpp"
#include "text_lines.hpp"

namespace newsdex {
namespace {

std::string utf8(const poppler::ustring& text) {
  const auto bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Authoring tools fill Title with the file name ("Microsoft Word - draft3.docx"); that is
// worse than the headline the text itself starts with.
bool is_useful_title(std::string_view title) {
  const auto lower = text::ascii_lower(title);
  return !lower.empty() && lower != "untitled" && !lower.starts_with("microsoft word - ") &&
         !lower.ends_with(".doc") && !lower.ends_with(".docx") && !lower.ends_with(".pdf");
}

std::optional<Date> date_of(time_t seconds) {
  constexpr time_t kLastSecond = 253402300799;  // 9999-12-31T23:59:59Z, the last 4-digit year
  if (seconds <= 0 || seconds > kLastSecond) return std::nullopt;  // 0: poppler's "no date"
  // Whole days, not system_clock::from_time_t: its nanoseconds overflow after the year 2262, and
  // a PDF may claim any year (found by fuzz_pdf).
  const std::chrono::year_month_day day{std::chrono::sys_days{std::chrono::days{seconds / 86400}}};
  return Date{static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
              static_cast<int>(static_cast<unsigned>(day.day()))};
}

void ignore_poppler_message(const std::string&, void*) {}

}  // namespace

Result<std::vector<Article>> parse_pdf(std::string_view bytes) {
  // Poppler reports every oddity of a damaged file on stderr; the caller already turns a failure
  // into one warning, so its chatter is silenced (once: the setting is process-wide).
  static const bool silenced =
      (poppler::set_debug_error_function(ignore_poppler_message, nullptr), true);
  (void)silenced;
  if (!bytes.starts_with("%PDF-"))
    return make_error(Errc::parse_error, "not a PDF (no %PDF- header)");
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) return make_error(Errc::parse_error, "damaged PDF (poppler cannot load it)");
  if (document->is_locked())
    return make_error(Errc::parse_error, "encrypted PDF (password needed)");

  std::string text;
  for (int i = 0; i < document->pages(); ++i) {
    const std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) continue;
    text += utf8(page->text(poppler::rectf(), poppler::page::raw_order_layout));
    text += "\n\n";
  }
  if (text::trim(text).empty()) {
    return make_error(Errc::parse_error, "no text in PDF (scanned images need OCR)");
  }

  Article known;
  if (auto title = utf8(document->get_title()); is_useful_title(text::trim(title))) {
    known.title = text::trim(title);
  }
  known.byline = text::trim(utf8(document->get_author()));
  known.date = date_of(document->get_creation_date_t());
  return std::vector<Article>{extract_text_metadata(text, std::move(known))};
}

}  // namespace newsdex
