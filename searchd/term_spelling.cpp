#include "term_spelling.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

#include "encoding.hpp"  // code_points

namespace newsdex {
namespace {

constexpr unsigned kMaxEdits = 2;
constexpr unsigned kMaxCandidates = 20000;

}  // namespace

unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit) {
  const std::u32string x = code_points(a), y = code_points(b);
  const std::size_t n = x.size(), m = y.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Optimal string alignment: three rows of the dynamic programme.
  std::vector<unsigned> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = static_cast<unsigned>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = static_cast<unsigned>(i);
    unsigned row_best = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const unsigned cost = x[i - 1] == y[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

std::string suggest_from_terms(const Xapian::Database& db, std::string_view word) {
  const std::u32string letters = code_points(word);
  if (letters.size() < 3) return {};
  // Words share their first letters with their misspellings far more often than not; the first
  // two for words long enough to spare them.
  std::size_t prefix_bytes = 0;
  const std::size_t shared = letters.size() > 4 ? 2 : 1;
  for (std::size_t k = 0; k < shared; ++k) U8_FWD_1_UNSAFE(word.data(), prefix_bytes);
  const std::string prefix(word.substr(0, prefix_bytes));
  std::string best;
  unsigned best_edits = kMaxEdits + 1;
  Xapian::doccount best_freq = 0;
  unsigned read = 0;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && read < kMaxCandidates;
       ++t, ++read) {
    const std::string term = *t;
    const unsigned edits = edit_distance(word, term, kMaxEdits);
    if (edits == 0 || edits > kMaxEdits) continue;
    const Xapian::doccount freq = t.get_termfreq();
    if (edits < best_edits || (edits == best_edits && freq > best_freq))
      best = term, best_edits = edits, best_freq = freq;
  }
  return best;
}

}  // namespace newsdex
