// The document formats newsdex indexes, chosen by file extension, and one parser per format.
// A parser turns a file's raw bytes into one or more Articles (JSON arrays and NDJSON hold many).
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "article.hpp"
#include "result.hpp"

namespace newsdex {

enum class Format { text, markdown, html, json, pdf };

// The format for a path's extension (case-insensitive), or nullopt when we do not index it.
std::optional<Format> format_for(const std::filesystem::path& path);

// "text/plain", "text/markdown", "text/html", "application/json", "application/pdf".
std::string_view mime_type(Format format);

// Parses raw file bytes. Errors: unsupported (binary), bad_encoding, parse_error (empty, malformed
// JSON, unreadable PDF), each with a message saying what was wrong.
Result<std::vector<Article>> parse_document(Format format, std::string_view bytes);

// The per-format parsers behind parse_document (text is already UTF-8 for all but PDF).
Result<std::vector<Article>> parse_plain_text(std::string_view text);
Result<std::vector<Article>> parse_markdown(std::string_view text);
Result<std::vector<Article>> parse_html(std::string_view text);
Result<std::vector<Article>> parse_json(std::string_view text);
Result<std::vector<Article>> parse_pdf(std::string_view bytes);

}  // namespace newsdex
