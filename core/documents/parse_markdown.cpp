// Markdown: md4c parses the CommonMark (with GitHub's tables, strikethrough and task lists) and
// its callbacks keep the text a reader sees: no emphasis markers, link targets, heading hashes,
// code fences or HTML tags. That text is then read like plain copy, except that YAML front matter
// and a leading heading state the title, date and author outright.
#include <libxml/HTMLparser.h>
#include <md4c.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <string>

#include "formats.hpp"
#include "front_matter.hpp"
#include "metadata.hpp"
#include "text_lines.hpp"

namespace newsdex {
namespace {

// "&amp;", "&#233;", "&#xE9;" as the character; md4c leaves entities to its caller. Names beyond
// HTML 4's (libxml2's table) stay as written, as CommonMark keeps an unknown entity.
void append_entity(std::string_view entity, std::string& out) {
  UChar32 c = -1;
  if (entity.starts_with("&#x") || entity.starts_with("&#X")) {
    c = static_cast<UChar32>(std::strtol(std::string(entity.substr(3)).c_str(), nullptr, 16));
  } else if (entity.starts_with("&#")) {
    c = static_cast<UChar32>(std::strtol(std::string(entity.substr(2)).c_str(), nullptr, 10));
  } else {
    const std::string name(entity.substr(1, entity.size() - 2));
    const auto* known = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
    if (known == nullptr) {
      out += entity;
      return;
    }
    c = static_cast<UChar32>(known->value);
  }
  // CommonMark reads a zero, surrogate or out-of-range number as U+FFFD.
  if (c <= 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  icu::UnicodeString(c).toUTF8String(out);
}

class TextOfMarkdown {
 public:
  // The visible text, paragraphs separated by blank lines and the lines of a paragraph kept as
  // written (the metadata reader looks for a date or byline line). A heading that opens the
  // document goes to `leading_heading` instead.
  static std::string reduce(std::string_view markdown, std::string& leading_heading) {
    TextOfMarkdown state;
    const MD_PARSER parser{.abi_version = 0,
                           .flags = MD_DIALECT_GITHUB,
                           .enter_block = enter_block,
                           .leave_block = leave_block,
                           .enter_span = ignore_span,
                           .leave_span = ignore_span,
                           .text = text,
                           .debug_log = nullptr,
                           .syntax = nullptr};
    md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &state);
    leading_heading = std::move(state.leading_heading_);
    return std::move(state.out_);
  }

 private:
  static TextOfMarkdown& of(void* state) { return *static_cast<TextOfMarkdown*>(state); }

  static int enter_block(MD_BLOCKTYPE type, void*, void* state) {
    auto& self = of(state);
    if (type == MD_BLOCK_QUOTE || type == MD_BLOCK_UL || type == MD_BLOCK_OL) ++self.containers_;
    if (type == MD_BLOCK_H) {
      self.heading_.clear();
      self.in_heading_ = true;
    }
    if (type == MD_BLOCK_HTML) self.in_html_block_ = true;
    if (type == MD_BLOCK_TD || type == MD_BLOCK_TH) self.out_ += '\t';
    return 0;
  }

  static int leave_block(MD_BLOCKTYPE type, void*, void* state) {
    auto& self = of(state);
    switch (type) {
      case MD_BLOCK_QUOTE:
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        --self.containers_;
        self.out_ += "\n\n";
        break;
      case MD_BLOCK_H:
        self.in_heading_ = false;
        if (self.containers_ == 0 && self.leading_heading_.empty() &&
            text::trim(self.out_).empty()) {
          self.leading_heading_ = text::trim(self.heading_);
        } else {
          self.out_.append(self.heading_).append("\n\n");
        }
        break;
      case MD_BLOCK_HTML:
        self.in_html_block_ = self.in_tag_ = false;
        self.out_ += "\n\n";
        break;
      case MD_BLOCK_LI:
      case MD_BLOCK_TR:
        self.out_ += '\n';
        break;
      case MD_BLOCK_P:
      case MD_BLOCK_CODE:
      case MD_BLOCK_HR:
      case MD_BLOCK_TABLE:
        self.out_ += "\n\n";
        break;
      default:
        break;
    }
    return 0;
  }

  // Emphasis, links and code spans leave only their text, which arrives through text().
  static int ignore_span(MD_SPANTYPE, void*, void*) { return 0; }

  static int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* state) {
    auto& self = of(state);
    const std::string_view piece(data, size);
    std::string& out = self.in_heading_ ? self.heading_ : self.out_;
    switch (type) {
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        out += self.in_heading_ ? ' ' : '\n';  // a setext heading may span lines
        break;
      case MD_TEXT_NULLCHAR:
        out += "\uFFFD";
        break;
      case MD_TEXT_ENTITY:
        append_entity(piece, out);
        break;
      case MD_TEXT_HTML:
        // Inline tags go; an HTML block keeps the text between its tags, which may span lines.
        if (self.in_html_block_) {
          for (const char c : piece) {
            if (c == '<' || c == '>')
              self.in_tag_ = c == '<';
            else if (!self.in_tag_)
              out += c;
          }
        }
        break;
      default:
        out += piece;
    }
    return 0;
  }

  std::string out_, heading_, leading_heading_;
  int containers_ = 0;  // block quotes and lists around the current block
  bool in_heading_ = false, in_html_block_ = false, in_tag_ = false;
};

}  // namespace

Result<std::vector<Article>> parse_markdown(std::string_view text) {
  FrontMatter front;
  const auto content = read_front_matter(text, front);
  std::string heading;
  const std::string reduced = TextOfMarkdown::reduce(content, heading);
  Article known;
  known.title = !front.title.empty() ? front.title : heading;
  known.byline = front.author;
  known.url = front.url;
  known.date = front.date;
  known.lang_hint = text::ascii_lower(front.lang.substr(0, front.lang.find_first_of("-_")));
  if (known.lang_hint.size() != 2) known.lang_hint.clear();
  // A heading that did not become the title (front matter named another) stays in the text.
  const std::string body =
      !front.title.empty() && !heading.empty() ? heading + "\n\n" + reduced : reduced;
  return std::vector<Article>{extract_text_metadata(body, std::move(known))};
}

}  // namespace newsdex
