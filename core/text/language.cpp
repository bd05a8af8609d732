#include "language.hpp"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <array>
#include <cstdio>  // compact_lang_det.h uses it without including it
#include <string>

#include "ascii.hpp"

namespace newsdex {
namespace {

// CLD2's code reduced to the ISO 639-1 language ("zh-Hant" -> "zh"); CLD2's old codes renamed.
std::string iso_code(CLD2::Language lang) {
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return {};
  std::string_view code = CLD2::LanguageCode(lang);
  code = code.substr(0, code.find('-'));
  if (code.empty() || code == "un" || code == "xx") return {};
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kRenamed{
      {{"iw", "he"}, {"jw", "jv"}, {"in", "id"}}};
  for (const auto& [old_code, new_code] : kRenamed)
    if (code == old_code) return std::string(new_code);
  return std::string(code);
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// CLD2 may cut a chunk inside a word, even inside a character: move the cut to the next space
// (near enough to be the same word) or at least to the next character.
std::size_t snap(std::string_view text, std::size_t at) {
  constexpr std::size_t kMaxWordBytes = 64;
  for (std::size_t i = at; i < text.size() && i < at + kMaxWordBytes; ++i)
    if (is_space(text[i]) || (i > 0 && is_space(text[i - 1]))) return i;
  while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  return at;
}

// CLD2's chunks can leave gaps (markup, spaces): stretch each span to the next one's start so the
// spans tile the whole input.
std::vector<LanguageSpan> tile_spans(const CLD2::ResultChunkVector& chunks, std::string_view text) {
  std::vector<LanguageSpan> spans;
  for (const auto& chunk : chunks) {
    auto begin =
        snap(text, std::min<std::size_t>(static_cast<std::size_t>(chunk.offset), text.size()));
    if (spans.empty()) begin = 0;
    if (!spans.empty() && begin <= spans.back().offset)
      continue;  // inside the previous span's word
    if (!spans.empty()) spans.back().length = begin - spans.back().offset;
    spans.push_back({begin, 0, iso_code(static_cast<CLD2::Language>(chunk.lang1))});
  }
  if (!spans.empty()) spans.back().length = text.size() - spans.back().offset;
  return spans;
}

struct Detection {
  CLD2::Language lang = CLD2::UNKNOWN_LANGUAGE;
  bool reliable = false;
  CLD2::ResultChunkVector chunks;
};

Detection detect(std::string_view text, const CLD2::CLDHints& hints) {
  Detection d;
  CLD2::Language top3[3];
  int percent3[3];
  double score3[3];
  int text_bytes = 0;
  d.lang = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &hints,
      CLD2::kCLDFlagBestEffort, top3, percent3, score3, &d.chunks, &text_bytes, &d.reliable);
  return d;
}

// CLD2 leaves a span unknown when its evidence within the whole text was too weak, typically the
// first sentence after a change of language. Detected alone it usually names a language; that is
// kept when another span of the text has it too (a single stray letter stays unknown).
void settle_unknown_spans(std::string_view text, const CLD2::CLDHints& hints,
                          std::vector<LanguageSpan>& spans) {
  for (auto& span : spans) {
    if (!span.lang.empty()) continue;
    std::string lang = iso_code(detect(text.substr(span.offset, span.length), hints).lang);
    if (std::ranges::any_of(
            spans, [&](const LanguageSpan& other) { return !lang.empty() && other.lang == lang; }))
      span.lang = std::move(lang);
  }
}

std::vector<LanguageSpan> merge_neighbours(std::vector<LanguageSpan> spans) {
  std::vector<LanguageSpan> merged;
  for (auto& span : spans) {
    if (!merged.empty() && merged.back().lang == span.lang)
      merged.back().length += span.length;
    else
      merged.push_back(std::move(span));
  }
  return merged;
}

}  // namespace

LanguageInfo detect_languages(std::string_view utf8, std::string_view hint) {
  LanguageInfo info;
  if (utf8.empty()) return info;
  // html lang="en-GB" hints "en"
  const std::string hint_text = ascii_lower(hint.substr(0, hint.find_first_of("-_")));
  const CLD2::CLDHints hints{hint_text.empty() ? nullptr : hint_text.c_str(), nullptr,
                             CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  const Detection whole = detect(utf8, hints);
  info.lang = iso_code(whole.lang);
  info.reliable = whole.reliable;
  auto spans = tile_spans(whole.chunks, utf8);
  if (spans.size() > 1) settle_unknown_spans(utf8, hints, spans);
  info.spans = merge_neighbours(std::move(spans));
  if (info.spans.empty()) info.spans.push_back({0, utf8.size(), info.lang});
  return info;
}

}  // namespace newsdex
