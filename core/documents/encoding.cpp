#include "encoding.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>

#include "text_lines.hpp"

namespace newsdex {
namespace {

using namespace std::string_view_literals;  // the byte-order marks hold NUL bytes

struct Utf8Counts {
  std::size_t multibyte = 0;  // well-formed non-ASCII sequences
  std::size_t invalid = 0;    // ill-formed subsequences
};

// ICU's U8_NEXT rejects overlongs, surrogates and code points past U+10FFFF, which a naive
// byte-pattern check would let through.
Utf8Counts count_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int64_t>(bytes.size());
  Utf8Counts counts;
  for (std::int64_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    ++(c < 0 ? counts.invalid : counts.multibyte);
  }
  return counts;
}

std::string replace_invalid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int64_t>(bytes.size());
  std::string out;
  out.reserve(bytes.size());
  for (std::int64_t i = 0; i < length;) {
    const std::int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
    } else {
      out.append(bytes.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

// True when the UTF-8 text holds nothing but white space (including NBSP and friends).
bool is_blank(std::string_view utf8) {
  return text::all_code_points(
      utf8, [](UChar32 c) { return c >= 0 && (u_isUWhiteSpace(c) || c == 0xFEFF || c == 0x200B); });
}

bool is_control_byte(unsigned char c) {
  // Tab, newline, vertical tab, form feed, carriage return and escape occur in real text files.
  return (c < 0x20 && (c < 0x09 || c > 0x0D) && c != 0x1B) || c == 0x7F;
}

// NUL bytes never occur in 8-bit or UTF-8 text; a tenth of other control bytes means "not text".
bool looks_binary(std::string_view bytes) {
  if (bytes.find('\0') != std::string_view::npos) return true;
  const auto controls = std::count_if(bytes.begin(), bytes.end(), [](char c) {
    return is_control_byte(static_cast<unsigned char>(c));
  });
  return static_cast<std::size_t>(controls) * 10 > bytes.size();
}

Result<std::string> finish(std::string text) {
  if (is_blank(text)) return make_error(Errc::parse_error, "empty file");
  return text;
}

// Converts with an ICU converter; nullopt when the converter is unknown or the result holds
// more than a handful of substitution characters (the guess was wrong).
std::optional<std::string> convert(std::string_view bytes, const char* charset) {
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
  if (text.isBogus()) return std::nullopt;
  int32_t substitutions = 0;
  for (int32_t i = 0; i < text.length(); ++i) {
    const char16_t c = text[i];
    if (c == 0xFFFD || c == 0x1A) ++substitutions;
  }
  if (text.isEmpty() || substitutions * 200 > text.length()) return std::nullopt;
  std::string out;
  text.toUTF8String(out);
  return out;
}

struct Bom {
  std::string_view bytes;
  const char* charset;
};

// Longest marks first: the UTF-32LE mark begins with the UTF-16LE one.
constexpr Bom kBoms[] = {
    {"\xFF\xFE\x00\x00"sv, "UTF-32LE"}, {"\x00\x00\xFE\xFF"sv, "UTF-32BE"},
    {"\xEF\xBB\xBF"sv, "UTF-8"},        {"\xFF\xFE"sv, "UTF-16LE"},
    {"\xFE\xFF"sv, "UTF-16BE"},
};

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

// Below this ICU confidence (0..100) a guess is noise; single-byte charsets on short news
// texts typically score 20-60, random high bytes under 10.
constexpr int32_t kMinConfidence = 10;
constexpr std::size_t kDetectionSample = 16 * 1024;

Result<std::string> detect_and_convert(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
  if (U_FAILURE(status)) return make_error(Errc::bad_encoding, "charset detector unavailable");
  // The detector's n-gram scan costs more than the conversion; a sample decides as well.
  const auto sample = bytes.substr(0, kDetectionSample);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status)) return make_error(Errc::bad_encoding, "charset detection failed");
  // Candidates come best first; the first that converts cleanly wins.
  for (int32_t i = 0; i < count; ++i) {
    const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    const char* name = ucsdet_getName(matches[i], &status);
    if (U_FAILURE(status) || confidence < kMinConfidence) break;
    if (auto text = convert(bytes, name)) return finish(std::move(*text));
  }
  return make_error(Errc::bad_encoding, "not valid UTF-8 and no charset detected with confidence");
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  return count_utf8(bytes).invalid == 0;
}

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    UChar32 c = 0;
    auto at = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), at, static_cast<int32_t>(utf8.size()),
            c);
    i = static_cast<std::size_t>(at);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

Result<std::string> decode_text(std::string_view bytes) {
  if (bytes.empty()) return make_error(Errc::parse_error, "empty file");
  for (const auto& bom : kBoms) {
    if (!bytes.starts_with(bom.bytes)) continue;
    bytes.remove_prefix(bom.bytes.size());
    if (std::string_view(bom.charset) == "UTF-8") break;
    auto text = convert(bytes, bom.charset);
    if (!text) return make_error(Errc::bad_encoding, fmt::format("invalid {} text", bom.charset));
    return finish(std::move(*text));
  }
  if (looks_binary(bytes)) {
    return make_error(Errc::unsupported, "binary content (NUL or control bytes), not text");
  }
  const Utf8Counts counts = count_utf8(bytes);
  if (counts.invalid == 0) return finish(std::string(bytes));
  // Mostly-valid UTF-8 (a stray Latin-1 byte, a character cut at the end) keeps its good text
  // and gets U+FFFD for the bad bytes. The share is measured over non-ASCII sequences only: a
  // windows-1252 file is >99% "valid UTF-8" by bytes (its ASCII), yet has almost no well-formed
  // multi-byte sequence, and must go to the detector instead.
  if (counts.multibyte >= 10 * counts.invalid) return finish(replace_invalid_utf8(bytes));
  return detect_and_convert(bytes);
}

}  // namespace newsdex
