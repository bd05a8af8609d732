// Builds a small valid PDF in memory for tests: one page, Helvetica, one line of text per
// entry, and an optional info dictionary. The cross-reference table is computed, not faked.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::testing {

struct PdfInfo {
  std::string title;
  std::string author;
  std::string creation_date;  // PDF form, e.g. "D:20210209120000Z"
};

// Escapes a PDF literal string (ASCII text only).
inline std::string pdf_string(std::string_view text) {
  std::string out = "(";
  for (const char c : text) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

inline std::string minimal_pdf(const std::vector<std::string>& lines, const PdfInfo& info = {}) {
  std::string content = "BT /F1 12 Tf 72 720 Td 16 TL\n";
  for (const auto& line : lines) content += pdf_string(line) + " Tj T*\n";
  content += "ET\n";

  std::string info_dictionary = "<<";
  if (!info.title.empty()) info_dictionary += " /Title " + pdf_string(info.title);
  if (!info.author.empty()) info_dictionary += " /Author " + pdf_string(info.author);
  if (!info.creation_date.empty()) {
    info_dictionary += " /CreationDate " + pdf_string(info.creation_date);
  }
  info_dictionary += " >>";

  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
      "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
      info_dictionary,
  };

  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const auto offset : offsets) {
    char entry[21];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R /Info 6 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace newsdex::testing
