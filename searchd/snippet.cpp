#include "snippet.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

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

std::string snippet_from_offsets(std::string_view body, std::span<const std::uint32_t> word_offsets,
                                 std::span<const MatchedWord> matches, std::size_t length,
                                 const HighlightTags& tags) {
  // Matched word indexes in body order, each with its term.
  std::vector<MatchedWord> hits;
  hits.reserve(matches.size());
  for (const MatchedWord& m : matches) {
    if (m.position >= 1 && m.position <= word_offsets.size() &&
        word_offsets[m.position - 1] < body.size())
      hits.push_back({m.position - 1, m.term});
  }
  std::ranges::sort(hits, {}, &MatchedWord::position);
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](auto& a, auto& b) { return a.position == b.position; }),
             hits.end());

  // Slide a window of `length` characters starting at each hit; keep the one with the most distinct
  // terms, then the most hits. Windows are counted in bytes from the hit's offset.
  std::size_t best_first = 0, best_distinct = 0, best_count = 0;
  std::vector<std::uint32_t> seen;
  for (std::size_t first = 0; first < hits.size(); ++first) {
    const std::size_t start = word_offsets[hits[first].position];
    const std::size_t limit = start + bytes_for_chars(body, start, length);
    seen.clear();
    std::size_t count = 0;
    for (std::size_t j = first; j < hits.size() && word_offsets[hits[j].position] < limit; ++j) {
      ++count;
      if (std::ranges::find(seen, hits[j].term) == seen.end()) seen.push_back(hits[j].term);
    }
    if (seen.size() > best_distinct || (seen.size() == best_distinct && count > best_count)) {
      best_first = first;
      best_distinct = seen.size();
      best_count = count;
    }
  }

  // Start a few words before the first hit of the passage, so it reads in context, but keep the
  // passage's hits inside the length.
  std::size_t first_word = 0;
  if (!hits.empty()) {
    first_word = hits[best_first].position;
    std::size_t last_hit_end = word_offsets[first_word];
    for (std::size_t j = best_first; j < hits.size(); ++j) {
      const std::size_t o = word_offsets[hits[j].position];
      if (o >= word_offsets[hits[best_first].position] +
                   bytes_for_chars(body, word_offsets[hits[best_first].position], length))
        break;
      last_hit_end = o;
    }
    const std::size_t span_chars =
        last_hit_end - word_offsets[first_word];  // bytes, a safe over-estimate of chars
    const std::size_t lead_budget = span_chars < length ? (length - span_chars) / 3 : 0;
    while (first_word > 0) {
      const std::size_t prev = word_offsets[first_word - 1];
      if (bytes_for_chars(body, prev, lead_budget) < word_offsets[hits[best_first].position] - prev)
        break;
      --first_word;
    }
  }

  const std::size_t start = word_offsets.empty() ? 0 : word_offsets[first_word];
  const std::size_t budget_end = start + bytes_for_chars(body, start, length);
  // End after the last whole word that fits.
  std::size_t end = start;
  std::size_t w = first_word;
  for (; w < word_offsets.size() && word_offsets[w] < budget_end; ++w) {
    const std::size_t next = w + 1 < word_offsets.size() ? word_offsets[w + 1] : body.size();
    const std::size_t word_end = word_offsets[w] + word_length(body, word_offsets[w], next);
    if (word_end > budget_end) break;
    end = word_end;
  }
  const bool cut_end = w < word_offsets.size() || trim_end(body, body.size()) > end;
  if (word_offsets.empty()) end = trim_end(body, std::min(body.size(), budget_end));
  // Keep punctuation that closes the last word ("ended." rather than "ended").
  while (end < body.size() && end < budget_end &&
         (body[end] == '.' || body[end] == ',' || body[end] == '!' || body[end] == '?' ||
          body[end] == ';' || body[end] == ')'))
    ++end;

  std::vector<TextSpan> spans;
  for (const MatchedWord& hit : hits) {
    const std::size_t o = word_offsets[hit.position];
    if (o < start || o >= end) continue;
    const std::size_t next =
        hit.position + 1 < word_offsets.size() ? word_offsets[hit.position + 1] : body.size();
    const auto len = static_cast<std::uint32_t>(word_length(body, o, std::min(next, end)));
    if (len > 0) spans.push_back({static_cast<std::uint32_t>(o - start), len});
  }
  std::string out;
  if (start > 0) out += tags.ellipsis;
  out += highlight_spans(body.substr(start, end - start), spans, tags);
  if (cut_end) out += tags.ellipsis;
  return out;
}

}  // namespace newsdex
