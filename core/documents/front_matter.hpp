// YAML front matter, the `---` block that static-site generators put at the top of a Markdown
// file to state its title, date and authors (internal to newsdex_documents; read with yaml-cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "article.hpp"

namespace newsdex {

struct FrontMatter {
  std::string title;
  std::string author;  // a YAML list of authors joined with ", "
  std::string lang;
  std::string url;
  std::optional<Date> date;
};

// Reads the front matter that opens `text` into `front` and returns the text after its closing
// `---` (or `...`) line; returns `text` itself, with `front` untouched, when the first line is not
// `---` or no closing line follows. Never throws: a block that is not valid YAML is still front
// matter, and is read one top-level `key: value` entry at a time.
std::string_view read_front_matter(std::string_view text, FrontMatter& front);

}  // namespace newsdex
