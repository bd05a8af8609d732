// Internal to newsdex_documents: where a date sits inside a line, for the metadata extractor, which
// needs to know what else the line holds. The public parse_date/find_date are in metadata.hpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "article.hpp"

namespace newsdex {

struct DateSpan {
  Date date;
  std::size_t begin = 0;  // byte offsets into the line
  std::size_t end = 0;
};

// The first date in the line and its byte range, if any.
std::optional<DateSpan> find_date_span(std::string_view line);

}  // namespace newsdex
