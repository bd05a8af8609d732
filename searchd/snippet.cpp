#include "snippet.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstring>
#include <optional>
#include <vector>

#include "prose.hpp"

namespace newsdex {
namespace {

// The code point at i (advancing i), or U+FFFD for a broken sequence.
UChar32 next_code_point(std::string_view text, std::size_t& i) {
  UChar32 c = 0;
  auto at = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), at, static_cast<int32_t>(text.size()), c);
  i = static_cast<std::size_t>(at);
  return c < 0 ? 0xFFFD : c;
}

bool is_word_char(UChar32 c) {
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0 || c == 0x200C || c == 0x200D;
}

bool is_inner_joiner(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == '.' || c == '_';
}

// Bytes holding `chars` code points from offset on (or up to the end).
std::size_t bytes_for_chars(std::string_view text, std::size_t offset, std::size_t chars) {
  std::size_t i = offset;
  for (std::size_t n = 0; n < chars && i < text.size(); ++n) next_code_point(text, i);
  return i - offset;
}

// The offset just past the text's last non-space byte before end.
std::size_t trim_end(std::string_view text, std::size_t end) {
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\t' ||
                     text[end - 1] == '\r'))
    --end;
  return end;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::size_t word_length(std::string_view text, std::size_t offset, std::size_t limit) {
  limit = std::min(limit, text.size());
  std::size_t i = offset;
  std::size_t end = offset;
  while (i < limit) {
    const UChar32 c = next_code_point(text, i);
    if (is_word_char(c)) {
      end = i;
    } else if (!(is_inner_joiner(c) && end == i - U8_LENGTH(c) && end > offset)) {
      break;
    }
  }
  return end - offset;
}

std::string highlight_spans(std::string_view text, std::span<const TextSpan> spans,
                            const HighlightTags& tags) {
  std::string out;
  std::size_t at = 0;
  for (const TextSpan& span : spans) {
    if (span.offset < at || span.offset + span.length > text.size()) continue;
    out += html_escape(text.substr(at, span.offset - at));
    out += tags.open;
    out += html_escape(text.substr(span.offset, span.length));
    out += tags.close;
    at = span.offset + span.length;
  }
  out += html_escape(text.substr(at));
  return out;
}

namespace {

constexpr std::size_t npos = std::string_view::npos;

// The characters " … " between two fragments take.
constexpr std::size_t kGapChars = 3;

// A matched word in body order, with whether its sentence reads as prose (see prose.hpp).
struct Hit {
  std::uint32_t word = 0;  // index into the word offsets
  std::uint32_t term = 0;
  std::uint32_t slot = 0;  // the term's bit in Window::terms
  std::size_t offset = 0;
  std::size_t sentence_start = npos;  // npos when not found near the word
  bool prose = false;
};

// The hits from `first` to `last` (inclusive) starting within some length of the first's offset.
struct Window {
  std::size_t first = 0, last = 0;
  std::size_t limit = 0;    // the byte the length ends at
  std::uint64_t terms = 0;  // a bit for each distinct term
  std::size_t distinct = 0, count = 0;
};

struct Pair {
  Window first, second;
  std::size_t distinct = 0;
};

// A byte range of the body to show, and whether it was cut inside a sentence at either end.
struct Passage {
  std::size_t start = 0, end = 0;
  bool cut_start = false, cut_end = false;
};

// The matches inside the body in body order, one per word, with their sentences classified.
std::vector<Hit> hits_in_body(std::string_view body, std::span<const std::uint32_t> word_offsets,
                              std::span<const MatchedWord> matches) {
  std::vector<Hit> hits;
  hits.reserve(matches.size());
  for (const MatchedWord& m : matches) {
    if (m.position >= 1 && m.position <= word_offsets.size() &&
        word_offsets[m.position - 1] < body.size())
      hits.push_back(
          {.word = m.position - 1, .term = m.term, .offset = word_offsets[m.position - 1]});
  }
  std::ranges::sort(hits, {}, &Hit::word);
  hits.erase(
      std::unique(hits.begin(), hits.end(), [](auto& a, auto& b) { return a.word == b.word; }),
      hits.end());
  SentenceScanner sentences(body);
  for (Hit& hit : hits) {
    const Sentence& sentence = sentences.at(hit.offset);
    hit.prose = sentence.prose;
    if (sentence.whole) hit.sentence_start = sentence.start;
  }
  return hits;
}

// The term's bit: its index among the terms seen so far (the 64th and later share the last bit).
std::uint32_t slot_of(std::vector<std::uint32_t>& terms, std::uint32_t term) {
  auto found = std::ranges::find(terms, term);
  if (found == terms.end()) found = terms.insert(terms.end(), term);
  return static_cast<std::uint32_t>(std::min<std::ptrdiff_t>(found - terms.begin(), 63));
}

Window window_at(std::string_view body, std::span<const Hit> hits, std::size_t first,
                 std::size_t length) {
  Window w{.first = first, .last = first};
  w.limit = hits[first].offset + bytes_for_chars(body, hits[first].offset, length);
  for (std::size_t j = first; j < hits.size() && hits[j].offset < w.limit; ++j) {
    w.last = j;
    ++w.count;
    w.terms |= std::uint64_t{1} << hits[j].slot;
  }
  w.distinct = static_cast<std::size_t>(std::popcount(w.terms));
  return w;
}

// The two windows of `length` characters, the second after the first, holding the most distinct
// terms together (then the earliest). Windows are grouped by the terms they hold, so that only the
// earliest window of each group is paired with the earliest that follows it of each other group.
std::optional<Pair> best_pair(std::string_view body, std::span<const Hit> hits,
                              std::size_t length) {
  constexpr std::size_t kMaxGroups = 64;
  std::vector<std::vector<Window>> groups;  // windows with the same terms, in body order
  for (std::size_t first = 0; first < hits.size(); ++first) {
    const Window w = window_at(body, hits, first, length);
    auto group = std::ranges::find_if(groups, [&](auto& g) { return g.front().terms == w.terms; });
    if (group != groups.end())
      group->push_back(w);
    else if (groups.size() < kMaxGroups)
      groups.push_back({w});
  }
  std::optional<Pair> best;
  for (const auto& a : groups) {
    const Window& first = a.front();
    for (const auto& b : groups) {
      auto second = std::ranges::find_if(
          b, [&](const Window& w) { return hits[w.first].offset >= first.limit; });
      if (second == b.end()) continue;
      const auto distinct = static_cast<std::size_t>(std::popcount(first.terms | second->terms));
      if (!best || distinct > best->distinct ||
          (distinct == best->distinct && hits[first.first].offset < hits[best->first.first].offset))
        best = Pair{first, *second, distinct};
    }
  }
  return best;
}

// The byte length of punctuation at i that closes the word before it, or 0.
std::size_t closing_punctuation_at(std::string_view text, std::size_t i) {
  if (i < text.size() && std::string_view(".,!?;:)\"'").find(text[i]) != npos) return 1;
  for (std::string_view mark : {"。", "！", "？", "，", "、", "…", "”", "’", "»", "」", "）"})
    if (text.substr(i, mark.size()) == mark) return mark.size();
  return 0;
}

// The passage of `length` characters from start: up to a sentence end in its last third (past
// not_before), else after the last whole word that fits. A passage of prose (prose_only) ends
// before the first line past not_before that does not begin with prose.
Passage end_passage(std::string_view body, std::span<const std::uint32_t> word_offsets,
                    std::size_t start, std::size_t not_before, std::size_t length,
                    bool prose_only) {
  Passage p{.start = start, .cut_start = start > 0};
  const std::size_t budget_end = start + bytes_for_chars(body, start, length);
  const std::size_t body_end = trim_end(body, body.size());
  std::size_t sentence_end = npos;
  for (std::size_t from = std::max(start, not_before), e;
       (e = next_sentence_end(body, from, std::min(budget_end, body_end))) != npos; from = e) {
    sentence_end = e;
    // A passage of prose stops before a line that is not: a reference, a table row or the like.
    std::size_t next = e;
    while (next < body_end && std::isspace(static_cast<unsigned char>(body[next])) != 0) ++next;
    if (prose_only && next < body_end && std::memchr(body.data() + e, '\n', next - e) != nullptr &&
        !prose_at(body, next)) {
      p.end = trim_end(body, e);
      return p;
    }
  }
  if (budget_end >= body_end) {
    p.end = body_end;
    return p;
  }
  if (sentence_end != npos && (sentence_end - start) * 3 >= (budget_end - start) * 2) {
    p.end = trim_end(body, sentence_end);
    return p;
  }
  // End after the last whole word that fits.
  p.end = start;
  auto w = std::ranges::lower_bound(word_offsets, static_cast<std::uint32_t>(start));
  for (; w != word_offsets.end() && *w < budget_end; ++w) {
    const std::size_t next = w + 1 != word_offsets.end() ? *(w + 1) : body.size();
    const std::size_t word_end = *w + word_length(body, *w, next);
    if (word_end > budget_end) break;
    p.end = word_end;
  }
  if (word_offsets.empty()) p.end = trim_end(body, std::min(body.size(), budget_end));
  // Keep punctuation that closes the last word ("ended." rather than "ended").
  for (std::size_t n; p.end < budget_end && (n = closing_punctuation_at(body, p.end)) > 0 &&
                      p.end + n <= budget_end;)
    p.end += n;
  p.cut_end = body_end > p.end;
  return p;
}

// The passage of `length` characters holding the window's hits, not before floor: from the start
// of the first hit's sentence when the window's hits fit after it, else from a few words before
// the first hit.
Passage place(std::string_view body, std::span<const std::uint32_t> word_offsets,
              std::span<const Hit> hits, const Window& window, std::size_t length,
              std::size_t floor) {
  const Hit& first = hits[window.first];
  const Hit& last = hits[window.last];
  const std::size_t next =
      last.word + 1 < word_offsets.size() ? word_offsets[last.word + 1] : body.size();
  const std::size_t last_end = last.offset + word_length(body, last.offset, next);
  if (first.sentence_start != npos && first.sentence_start >= floor &&
      first.sentence_start + bytes_for_chars(body, first.sentence_start, length) >= last_end) {
    Passage p =
        end_passage(body, word_offsets, first.sentence_start, last_end, length, first.prose);
    p.cut_start = false;
    return p;
  }
  // Start a few words before the first hit, so it reads in context, but keep the window's hits
  // inside the length.
  const std::size_t span = last.offset - first.offset;  // bytes, a safe over-estimate of chars
  const std::size_t lead_budget = span < length ? (length - span) / 3 : 0;
  std::size_t first_word = first.word;
  while (first_word > 0 && word_offsets[first_word - 1] >= floor) {
    const std::size_t prev = word_offsets[first_word - 1];
    if (bytes_for_chars(body, prev, lead_budget) < first.offset - prev) break;
    --first_word;
  }
  return end_passage(body, word_offsets, word_offsets[first_word], last_end, length, first.prose);
}

// The passage (and a second one, after it) HTML-escaped with every hit inside marked, an ellipsis
// where cut inside a sentence and between two passages.
std::string render(std::string_view body, std::span<const std::uint32_t> word_offsets,
                   std::span<const Hit> hits, const Passage& passage, const HighlightTags& tags,
                   const Passage* second) {
  std::string out;
  if (passage.cut_start) out += tags.ellipsis;
  for (const Passage* p : {&passage, second}) {
    if (p == nullptr) continue;
    if (p == second) {
      const std::string_view gap = body.substr(passage.end, second->start - passage.end);
      const bool adjacent = std::ranges::all_of(gap, [](char c) { return std::isspace(c) != 0; });
      out += adjacent ? " " : " " + tags.ellipsis + " ";
    }
    std::vector<TextSpan> spans;
    for (const Hit& hit : hits) {
      if (hit.offset < p->start || hit.offset >= p->end) continue;
      const std::size_t next =
          hit.word + 1 < word_offsets.size() ? word_offsets[hit.word + 1] : body.size();
      const auto len =
          static_cast<std::uint32_t>(word_length(body, hit.offset, std::min(next, p->end)));
      if (len > 0) spans.push_back({static_cast<std::uint32_t>(hit.offset - p->start), len});
    }
    out += highlight_spans(body.substr(p->start, p->end - p->start), spans, tags);
  }
  if ((second != nullptr ? second : &passage)->cut_end) out += tags.ellipsis;
  return out;
}

}  // namespace

std::string snippet_from_offsets(std::string_view body, std::span<const std::uint32_t> word_offsets,
                                 std::span<const MatchedWord> matches, std::size_t length,
                                 const HighlightTags& tags) {
  const std::vector<Hit> hits = hits_in_body(body, word_offsets, matches);
  if (hits.empty()) {
    const Passage passage = end_passage(body, word_offsets, 0, 0, length, false);
    return render(body, word_offsets, hits, passage, tags, nullptr);
  }
  // Passages in prose first: the other matches count only when no prose holds one.
  std::vector<Hit> ranked;
  std::ranges::copy_if(hits, std::back_inserter(ranked), &Hit::prose);
  if (ranked.empty()) ranked = hits;
  std::vector<std::uint32_t> terms;
  for (Hit& hit : ranked) hit.slot = slot_of(terms, hit.term);

  Window best;
  std::uint64_t all_terms = 0;
  for (std::size_t first = 0; first < ranked.size(); ++first) {
    const Window w = window_at(body, ranked, first, length);
    all_terms |= w.terms;
    if (w.distinct > best.distinct || (w.distinct == best.distinct && w.count > best.count))
      best = w;
  }
  // Terms too far apart for one passage: two half-length ones, if they hold more of them.
  const std::size_t half = length > 2 * kGapChars ? (length - kGapChars) / 2 : 0;
  if (best.distinct < static_cast<std::size_t>(std::popcount(all_terms)) && half > 0) {
    if (auto pair = best_pair(body, ranked, half); pair && pair->distinct > best.distinct) {
      const Passage a = place(body, word_offsets, ranked, pair->first, half, 0);
      const Passage b = place(body, word_offsets, ranked, pair->second, half, a.end);
      return render(body, word_offsets, hits, a, tags, &b);
    }
  }
  return render(body, word_offsets, hits, place(body, word_offsets, ranked, best, length, 0), tags,
                nullptr);
}

}  // namespace newsdex
