#include "formats.hpp"

#include "encoding.hpp"
#include "text_lines.hpp"

namespace newsdex {

std::optional<Format> format_for(const std::filesystem::path& path) {
  struct Extension {
    std::string_view name;
    Format format;
  };
  static constexpr Extension kExtensions[] = {
      {".txt", Format::text},          {".text", Format::text}, {".md", Format::markdown},
      {".markdown", Format::markdown}, {".html", Format::html}, {".htm", Format::html},
      {".xhtml", Format::html},        {".json", Format::json}, {".ndjson", Format::json},
      {".jsonl", Format::json},        {".pdf", Format::pdf},
  };
  const auto extension = text::ascii_lower(path.extension().string());
  for (const auto& [name, format] : kExtensions) {
    if (extension == name) return format;
  }
  return std::nullopt;
}

std::string_view mime_type(Format format) {
  switch (format) {
    case Format::text:
      return "text/plain";
    case Format::markdown:
      return "text/markdown";
    case Format::html:
      return "text/html";
    case Format::json:
      return "application/json";
    case Format::pdf:
      return "application/pdf";
  }
  return "application/octet-stream";
}

Result<std::vector<Article>> parse_document(Format format, std::string_view bytes) {
  // PDF is binary and carries its own text encoding; everything else is text first.
  if (format == Format::pdf) return parse_pdf(bytes);
  auto text = decode_text(bytes);
  if (!text) return text.error();
  switch (format) {
    case Format::text:
      return parse_plain_text(*text);
    case Format::markdown:
      return parse_markdown(*text);
    case Format::html:
      return parse_html(*text);
    case Format::json:
      return parse_json(*text);
    case Format::pdf:
      break;
  }
  return make_error(Errc::unsupported, "unknown format");
}

}  // namespace newsdex
