// Plain text: newsroom copy read line by line for its title, date and byline (metadata.cpp).
#include "formats.hpp"
#include "metadata.hpp"

namespace newsdex {

Result<std::vector<Article>> parse_plain_text(std::string_view text) {
  return std::vector<Article>{extract_text_metadata(text)};
}

}  // namespace newsdex
