#include "word_diff.hpp"

#include <algorithm>

namespace newsdex {
namespace {

using Words = std::vector<std::string_view>;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Appends words[from, to) as op, merged with the last part when it has the same op.
void emit(WordDiff& diff, DiffPart::Op op, const Words& words, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    if (diff.parts.empty() || diff.parts.back().op != op) diff.parts.push_back({op, {}});
    std::string& text = diff.parts.back().text;
    if (!text.empty()) text += ' ';
    text.append(words[i]);
  }
}

// One edit of the shortest script, in text order once reversed.
struct Step {
  DiffPart::Op op;
  std::size_t a, b;  // the word's index in the older (remove) or newer (insert) text
};

// Myers' greedy forward search, keeping each round's frontier to walk the path back. a and b
// have no common head or tail. Returns false when more than max_edits edits are needed.
bool shortest_script(const Words& a, const Words& b, std::size_t max_edits, WordDiff& diff,
                     std::size_t a0, std::size_t b0) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long max_d = std::min<long>(n + m, static_cast<long>(max_edits));
  std::vector<long> v(2 * max_d + 3, 0);
  const long off = max_d + 1;
  std::vector<std::vector<int>> trace;  // trace[d][k + d]: furthest x on diagonal k after round d
  for (long d = 0; d <= max_d; ++d) {
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1]
                                                                        : v[off + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[off + k] = x;
      if (x < n || y < m) continue;
      // Found: walk back from (n, m) through the rounds.
      std::vector<Step> steps;
      std::vector<std::pair<long, long>> snakes;  // equal runs as (x_end, length)
      long cx = n, cy = m;
      for (long e = d; e > 0; --e) {
        const std::vector<int>& prev = trace[e - 1];
        const long ck = cx - cy;
        const bool down = ck == -e || (ck != e && prev[ck - 1 + (e - 1)] < prev[ck + 1 + (e - 1)]);
        const long pk = down ? ck + 1 : ck - 1;
        const long px = prev[pk + (e - 1)], py = px - pk;
        // The snake after the edit: equal words from the edit's end to (cx, cy).
        const long sx = down ? px : px + 1;
        snakes.emplace_back(cx, cx - sx);
        steps.push_back(down ? Step{DiffPart::Op::insert, 0, static_cast<std::size_t>(py)}
                             : Step{DiffPart::Op::remove, static_cast<std::size_t>(px), 0});
        cx = px, cy = py;
      }
      // The opening snake from (0, 0).
      emit(diff, DiffPart::Op::equal, a, a0, a0 + cx);
      for (std::size_t i = steps.size(); i-- > 0;) {
        const Step& s = steps[i];
        if (s.op == DiffPart::Op::insert)
          emit(diff, s.op, b, b0 + s.b, b0 + s.b + 1);
        else
          emit(diff, s.op, a, a0 + s.a, a0 + s.a + 1);
        const auto [x_end, length] = snakes[i];
        emit(diff, DiffPart::Op::equal, a, a0 + x_end - length, a0 + x_end);
      }
      return true;
    }
    trace.emplace_back(v.begin() + off - d, v.begin() + off + d + 1);
  }
  return false;
}

}  // namespace

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && is_space(text[at])) ++at;
    const std::size_t start = at;
    while (at < text.size() && !is_space(text[at])) ++at;
    if (at > start) words.push_back(text.substr(start, at - start));
  }
  return words;
}

std::string_view op_symbol(DiffPart::Op op) {
  return op == DiffPart::Op::equal ? "=" : op == DiffPart::Op::insert ? "+" : "-";
}

WordDiff diff_words(std::string_view older, std::string_view newer, std::size_t max_edits) {
  const Words a = split_words(older), b = split_words(newer);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  WordDiff diff;
  emit(diff, DiffPart::Op::equal, a, 0, head);
  const Words mid_a(a.begin() + head, a.end() - tail), mid_b(b.begin() + head, b.end() - tail);
  WordDiff middle;
  if (!shortest_script(mid_a, mid_b, max_edits, middle, 0, 0)) {
    middle.parts.clear();
    emit(middle, DiffPart::Op::remove, mid_a, 0, mid_a.size());
    emit(middle, DiffPart::Op::insert, mid_b, 0, mid_b.size());
    diff.complete = false;
  }
  for (auto& part : middle.parts) {
    if (!diff.parts.empty() && diff.parts.back().op == part.op)
      diff.parts.back().text += ' ' + part.text;
    else
      diff.parts.push_back(std::move(part));
  }
  emit(diff, DiffPart::Op::equal, a, a.size() - tail, a.size());
  return diff;
}

}  // namespace newsdex
