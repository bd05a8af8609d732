#include "language.hpp"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>
#include <array>
#include <cstdio>  // compact_lang_det.h uses it without including it
#include <string>

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
// spans tile the whole input, and merge equal neighbours.
std::vector<LanguageSpan> tile_spans(const CLD2::ResultChunkVector& chunks, std::string_view text) {
  const std::size_t size = text.size();
  std::vector<LanguageSpan> spans;
  for (const auto& chunk : chunks) {
    auto begin = snap(text, std::min<std::size_t>(static_cast<std::size_t>(chunk.offset), size));
    if (!spans.empty() && begin <= spans.back().offset) {
      continue;  // swallowed by the previous span's word
    }
    std::string lang = iso_code(static_cast<CLD2::Language>(chunk.lang1));
    if (!spans.empty() && spans.back().lang == lang) continue;
    if (spans.empty()) begin = 0;
    if (!spans.empty()) spans.back().length = begin - spans.back().offset;
    spans.push_back({begin, 0, std::move(lang)});
  }
  if (!spans.empty()) spans.back().length = size - spans.back().offset;
  return spans;
}

}  // namespace

LanguageInfo detect_languages(std::string_view utf8, std::string_view hint) {
  LanguageInfo info;
  if (utf8.empty()) return info;
  const std::string hint_text(hint);
  CLD2::CLDHints hints{hint_text.empty() ? nullptr : hint_text.c_str(), nullptr,
                       CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language top3[3];
  int percent3[3];
  double score3[3];
  CLD2::ResultChunkVector chunks;
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language main = CLD2::ExtDetectLanguageSummary(
      utf8.data(), static_cast<int>(utf8.size()), /*is_plain_text=*/true, &hints,
      CLD2::kCLDFlagBestEffort, top3, percent3, score3, &chunks, &text_bytes, &reliable);
  info.lang = iso_code(main);
  info.reliable = reliable;
  info.spans = tile_spans(chunks, utf8);
  if (info.spans.empty()) info.spans.push_back({0, utf8.size(), info.lang});
  return info;
}

}  // namespace newsdex
