// What a parser makes of a document: the article's fields before text analysis.
#pragma once

#include <optional>
#include <string>

namespace newsdex {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  std::string iso() const;      // "2021-02-09"
  std::string compact() const;  // "20210209", the D term and the date value slot
  friend bool operator==(const Date&, const Date&) = default;
};

struct Article {
  std::string title;
  std::string body;  // plain UTF-8 text, paragraphs separated by blank lines
  std::string byline;
  std::string url;
  std::optional<Date> date;
  std::string lang_hint;  // ISO 639-1 from the document itself (html lang=, a json "lang"), or ""
};

}  // namespace newsdex
