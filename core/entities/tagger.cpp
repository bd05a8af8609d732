// TaggerModel (tagger.hpp): the model's text format, its feature table and Viterbi decoding.
#include "tagger.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <numeric>

namespace newsdex {
namespace {

constexpr std::string_view kMagic = "newsdex-tagger 1";

// I-X may follow only B-X or I-X of the same type.
bool allowed(std::size_t from, std::size_t to) {
  if (to == kOutside || is_begin(static_cast<TagLabel>(to))) return true;
  return from != kTagLabels && from != kOutside &&
         label_type(static_cast<TagLabel>(from)) == label_type(static_cast<TagLabel>(to));
}

std::string_view next_line(std::string_view& text) {
  const std::size_t nl = text.find('\n');
  const std::string_view line = text.substr(0, nl);
  text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  return line;
}

bool read_int(std::string_view s, std::int32_t& out, int base = 10) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out, base);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::string_view label_name(TagLabel label) {
  static constexpr std::array<std::string_view, kTagLabels> kNames = {
      "O", "B-person", "I-person", "B-org", "I-org", "B-place", "I-place"};
  return label < kTagLabels ? kNames[label] : "?";
}

std::size_t TaggerModel::add(std::uint32_t feature) {
  if (const Row* row = find(feature)) return static_cast<std::size_t>(row - rows_.data());
  keys_.push_back(feature);
  rows_.push_back(Row{});
  if (keys_.size() * 2 > slots_.size()) {
    rehash();
  } else {
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = feature & mask;
    while (slots_[s].index != 0) s = (s + 1) & mask;
    slots_[s] = Slot{feature, static_cast<std::uint32_t>(keys_.size())};
  }
  return keys_.size() - 1;
}

void TaggerModel::rehash() {
  std::size_t size = 1024;
  while (size < keys_.size() * 3) size *= 2;
  slots_.assign(size, Slot{});
  const std::size_t mask = size - 1;
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    std::size_t s = keys_[k] & mask;
    while (slots_[s].index != 0) s = (s + 1) & mask;
    slots_[s] = Slot{keys_[k], static_cast<std::uint32_t>(k + 1)};
  }
}

const TaggerModel::Row* TaggerModel::find(std::uint32_t feature) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t s = feature & mask;; s = (s + 1) & mask) {
    const Slot slot = slots_[s];
    if (slot.index == 0) return nullptr;
    if (slot.key == feature) return &rows_[slot.index - 1];
  }
}

void TaggerModel::decode(const TokenFeatures& features, std::size_t begin, std::size_t end,
                         std::span<TagLabel> out, std::span<std::int32_t> margins) const {
  const std::size_t n = end - begin;
  if (n == 0) return;
  constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::min() / 4;
  std::vector<std::array<std::int64_t, kTagLabels>> best(n);
  std::vector<std::array<TagLabel, kTagLabels>> back(n);
  std::vector<std::array<std::int64_t, kTagLabels>> emits(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::array<std::int64_t, kTagLabels>& emit = emits[i];
    for (const std::uint32_t f : features.of(begin + i)) {
      if (const Row* row = find(f))
        for (std::size_t l = 0; l < kTagLabels; ++l) emit[l] += (*row)[l];
    }
    for (std::size_t to = 0; to < kTagLabels; ++to) {
      std::int64_t top = kNever;
      TagLabel arg = kOutside;
      if (i == 0) {
        if (allowed(kTagLabels, to)) top = transitions_[kTagLabels][to];
      } else {
        for (std::size_t from = 0; from < kTagLabels; ++from) {
          if (!allowed(from, to) || best[i - 1][from] == kNever) continue;
          const std::int64_t s = best[i - 1][from] + transitions_[from][to];
          if (s > top) {
            top = s;
            arg = static_cast<TagLabel>(from);
          }
        }
      }
      best[i][to] = top == kNever ? kNever : top + emit[to];
      back[i][to] = arg;
    }
  }
  TagLabel last = kOutside;
  for (std::size_t l = 1; l < kTagLabels; ++l)
    if (best[n - 1][l] > best[n - 1][last]) last = static_cast<TagLabel>(l);
  for (std::size_t i = n; i-- > 0;) {
    out[i] = last;
    if (!margins.empty())
      margins[i] = static_cast<std::int32_t>(emits[i][last] - emits[i][kOutside]);
    last = back[i][last];
  }
}

std::vector<TagLabel> TaggerModel::tag(std::span<const entity_text::Token> tokens,
                                       const TokenFeatures& features,
                                       std::vector<std::int32_t>* margins) const {
  std::vector<TagLabel> labels(tokens.size(), kOutside);
  if (margins != nullptr) margins->assign(tokens.size(), 0);
  if (empty()) return labels;
  for (const TagRegion& r : features.regions) {
    const std::size_t n = r.end - r.begin;
    decode(
        features, r.begin, r.end, std::span(labels).subspan(r.begin, n),
        margins != nullptr ? std::span(*margins).subspan(r.begin, n) : std::span<std::int32_t>());
  }
  return labels;
}

std::string TaggerModel::serialise() const {
  std::string out(kMagic);
  out += '\n';
  for (std::size_t from = 0; from <= kTagLabels; ++from) {
    out += 't';
    for (std::size_t to = 0; to < kTagLabels; ++to)
      out += ' ' + std::to_string(transitions_[from][to]);
    out += '\n';
  }
  std::vector<std::size_t> order(keys_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return keys_[a] < keys_[b]; });
  char hex[16];
  for (const std::size_t k : order) {
    const auto [end, ec] = std::to_chars(hex, hex + sizeof hex, keys_[k], 16);
    out.append(hex, end);
    for (std::size_t l = 0; l < kTagLabels; ++l) {
      if (rows_[k][l] == 0) continue;
      out += ' ' + std::to_string(l) + ':' + std::to_string(rows_[k][l]);
    }
    out += '\n';
  }
  return out;
}

Result<TaggerModel> TaggerModel::parse(std::string_view text) {
  const auto bad = [](std::string_view why) {
    return make_error(Errc::parse_error, "tagger model: " + std::string(why));
  };
  if (next_line(text) != kMagic) return bad("not a newsdex-tagger 1 model");
  TaggerModel model;
  for (std::size_t from = 0; from <= kTagLabels; ++from) {
    std::string_view line = next_line(text);
    if (!line.starts_with("t ")) return bad("transitions expected");
    line.remove_prefix(2);
    for (std::size_t to = 0; to < kTagLabels; ++to) {
      const std::size_t sp = line.find(' ');
      if (!read_int(line.substr(0, sp), model.transitions_[from][to])) return bad("bad transition");
      line.remove_prefix(sp == std::string_view::npos ? line.size() : sp + 1);
    }
  }
  while (!text.empty()) {
    std::string_view line = next_line(text);
    if (line.empty()) continue;
    std::size_t sp = line.find(' ');
    std::uint32_t hash = 0;
    {
      const std::string_view h = line.substr(0, sp);
      const auto [p, ec] = std::from_chars(h.data(), h.data() + h.size(), hash, 16);
      if (ec != std::errc() || p != h.data() + h.size() || hash == 0) return bad("bad feature");
    }
    Row row{};
    while (sp != std::string_view::npos) {
      line.remove_prefix(sp + 1);
      sp = line.find(' ');
      const std::string_view item = line.substr(0, sp);
      const std::size_t colon = item.find(':');
      std::int32_t label = 0, weight = 0;
      if (colon == std::string_view::npos || !read_int(item.substr(0, colon), label) || label < 0 ||
          label >= static_cast<std::int32_t>(kTagLabels) ||
          !read_int(item.substr(colon + 1), weight))
        return bad("bad weight");
      row[static_cast<std::size_t>(label)] = weight;
    }
    model.keys_.push_back(hash);
    model.rows_.push_back(row);
  }
  model.rehash();
  return model;
}

}  // namespace newsdex
