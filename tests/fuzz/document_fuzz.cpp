// Fuzzes one document parser (NEWSDEX_FUZZ_FORMAT, set per target by CMake) through
// parse_document, as the indexer calls it with a file's raw bytes. Promises checked: a failure has
// a message; every article's text fields are UTF-8 and its date, when set, a calendar-shaped date.
#include <string>

#include "encoding.hpp"
#include "formats.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using newsdex::fuzz::check;
  const auto parsed = newsdex::parse_document(newsdex::Format::NEWSDEX_FUZZ_FORMAT,
                                              newsdex::fuzz::as_text(data, size));
  if (!parsed.ok()) {
    check(!parsed.error().message.empty(), "a parse failure says what was wrong");
    return 0;
  }
  for (const newsdex::Article& article : parsed.value()) {
    for (const std::string* field : {&article.title, &article.body, &article.byline, &article.url})
      check(newsdex::is_valid_utf8(*field), "article text is UTF-8", *field);
    if (article.date)
      check(article.date->month >= 1 && article.date->month <= 12 && article.date->day >= 1 &&
                article.date->day <= 31 && article.date->year > 0,
            "an article date is a calendar date", article.date->iso());
  }
  return 0;
}
