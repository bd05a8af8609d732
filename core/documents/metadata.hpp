// Metadata from plain newsroom copy: the title (first meaningful line, or the line after a
// date/dateline line), the publication date in common written forms (parsed with ICU), and a
// byline ("By Name" lines, or a lone name line under the title).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "article.hpp"

namespace newsdex {

// Fills title, date, byline and body (the text without the lines taken as metadata).
Article extract_text_metadata(std::string_view text);

// The same for a document that already states some fields (front matter, HTML <meta>, a PDF's
// info dictionary): the non-empty fields of `known` are kept and only the missing ones are
// looked for; a first line repeating the known title is dropped from the body.
Article extract_text_metadata(std::string_view text, Article known);

// A date written as "February 9, 2021", "9 February 2021", "Feb. 9, 2021", "2021-11-24",
// "24.11.2021", "24/11/2021" or an ISO 8601 timestamp; nullopt when the text is not such a date.
std::optional<Date> parse_date(std::string_view text);

// The first date found inside a longer line ("HALVERTON, Mar 3, 2022 (WNS): ..."), if any.
std::optional<Date> find_date(std::string_view line);

}  // namespace newsdex
