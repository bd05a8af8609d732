// Fuzzes the query builder as searchd drives it: raw query text (valid UTF-8, which searchd checks
// before) is normalised, parsed once per language of the tiny index, run for a first page, and
// its date words go through compact_date; its positive words and, for a plain query, its relaxed
// form are built and run too. Promises checked: only Xapian::QueryParserError (a 400
// for the user) may be thrown, the normalised text is still UTF-8, and compact_date gives "" or
// eight digits.
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "analyzer.hpp"
#include "encoding.hpp"
#include "fuzz_target.hpp"
#include "query.hpp"
#include "tiny_index.hpp"

namespace {

void check_date(std::string_view text, bool end) {
  const std::string compact = newsdex::compact_date(text, end);
  newsdex::fuzz::check(
      compact.empty() ||
          (compact.size() == 8 &&
           std::ranges::all_of(compact, [](unsigned char c) { return std::isdigit(c); })),
      "compact_date gives \"\" or YYYYMMDD", compact);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static newsdex::Analyzer analyzer;
  static const Xapian::Database db(newsdex::fuzz::tiny_index().string());
  const std::string_view raw = newsdex::fuzz::as_text(data, size);
  if (!newsdex::is_valid_utf8(raw)) return 0;
  check_date(raw, false);
  check_date(raw, true);

  const std::string normalized = newsdex::normalize_query(raw, analyzer);
  newsdex::fuzz::check(newsdex::is_valid_utf8(normalized), "normalize_query keeps UTF-8",
                       normalized);
  try {
    const newsdex::BuiltQuery built = newsdex::build_query(db, normalized);
    Xapian::Enquire enquire(db);
    enquire.set_query(built.query);
    enquire.get_mset(0, 10);
    // What ranking and relaxation read from the same text.
    const std::vector<std::string> words = newsdex::positive_words(normalized);
    for (const auto& word : words)
      newsdex::fuzz::check(!word.empty() && newsdex::is_valid_utf8(word),
                           "positive_words gives non-empty UTF-8 words", word);
    if (newsdex::is_plain(normalized) && words.size() <= 8) {
      if (const auto relaxed = newsdex::relax(db, words)) {
        newsdex::fuzz::check(relaxed->required >= 1 && relaxed->required < words.size(),
                             "a relaxed query requires fewer words than it has", normalized);
        enquire.set_query(relaxed->query);
        enquire.get_mset(0, 10);
      }
    }
  } catch (const Xapian::QueryParserError&) {
    // A syntax error the user is told about.
  }
  return 0;
}
