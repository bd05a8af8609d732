// HTML with libxml2's forgiving HTML parser: metadata from <title>, <meta>, <time> and <html
// lang>; the text from the article itself (<article>, else <main>, else <body>) without the
// page furniture (scripts, styles, navigation, headers, footers, asides).
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>

#include "formats.hpp"
#include "metadata.hpp"
#include "text_lines.hpp"

namespace newsdex {
namespace {

struct DocumentFree {
  void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};

std::string_view name_of(const xmlNode* node) {
  return node->name ? reinterpret_cast<const char*>(node->name) : "";
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::ranges::find(names, name) != names.end();
}

bool is_dropped(std::string_view name) {
  static constexpr std::array<std::string_view, 14> kDropped = {
      "script",   "style", "noscript", "nav",    "header", "footer", "aside",
      "template", "svg",   "form",     "button", "iframe", "select", "object"};
  return one_of(name, kDropped);
}

bool is_block(std::string_view name) {
  static constexpr std::array<std::string_view, 32> kBlocks = {
      "p",  "div",   "section", "article",    "main",    "h1",     "h2",         "h3",
      "h4", "h5",    "h6",      "ul",         "ol",      "li",     "dl",         "dt",
      "dd", "table", "tr",      "blockquote", "pre",     "figure", "figcaption", "address",
      "hr", "body",  "caption", "details",    "summary", "center", "thead",      "tbody"};
  return one_of(name, kBlocks);
}

// Visits every node below root in document order without recursion (hostile pages nest
// hundreds of thousands of levels deep): enter(node) says whether to visit its children,
// leave(node) runs after them.
template <class Enter, class Leave>
void walk(const xmlNode* root, Enter enter, Leave leave) {
  const xmlNode* node = root->children;
  while (node) {
    if (enter(node) && node->children) {
      node = node->children;
      continue;
    }
    leave(node);
    while (!node->next && node->parent != root) {
      node = node->parent;
      leave(node);
    }
    node = node->next;
  }
}

void append_text(std::string_view content, bool preformatted, std::string& out) {
  if (preformatted) {
    out += content;
    return;
  }
  for (const char c : content) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
    if (!space) {
      out += c;
    } else if (!out.empty() && out.back() != ' ' && out.back() != '\n') {
      out += ' ';
    }
  }
}

// The page's text as a reader sees it: block elements become paragraph breaks, runs of
// source white space become one space (except inside <pre>).
void render(const xmlNode* root, std::string& out) {
  std::size_t open_pre = 0;
  const auto enter = [&](const xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      append_text(reinterpret_cast<const char*>(node->content), open_pre > 0, out);
      return false;
    }
    if (node->type != XML_ELEMENT_NODE) return false;
    const auto name = name_of(node);
    if (is_dropped(name)) return false;
    if (name == "br") {
      out += '\n';
      return false;
    }
    if (is_block(name)) out += "\n\n";
    if (name == "td" || name == "th") out += ' ';
    if (name == "pre") ++open_pre;
    return true;
  };
  // Called for every node enter() saw, so it repeats enter()'s decisions.
  const auto leave = [&](const xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE) return;
    const auto name = name_of(node);
    if (is_dropped(name) || name == "br") return;
    if (name == "pre") --open_pre;
    if (is_block(name)) out += "\n\n";
  };
  walk(root, enter, leave);
}

std::string rendered(const xmlNode* node) {
  std::string out;
  render(node, out);
  return text::tidy_paragraphs(out);
}

std::string collapsed_text(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (!content) return {};
  std::string out = text::tidy_paragraphs(reinterpret_cast<const char*>(content));
  xmlFree(content);
  std::ranges::replace(out, '\n', ' ');
  return out;
}

// What the page says about itself, gathered in one walk over the whole tree.
struct PageFacts {
  std::string title_tag, og_title, h1;
  std::string author, byline_element;
  std::string meta_date, time_date;
  std::string lang, url;
  std::vector<const xmlNode*> articles;
  const xmlNode* main = nullptr;
  const xmlNode* body = nullptr;
};

void take_meta(const xmlNode* node, PageFacts& facts) {
  static constexpr std::array<std::string_view, 7> kAuthor = {
      "author",          "article:author", "dc.creator",     "byl",
      "sailthru.author", "parsely-author", "citation_author"};
  static constexpr std::array<std::string_view, 12> kDate = {
      "date",          "pubdate",          "publishdate",     "article:published_time",
      "dc.date",       "dc.date.issued",   "dcterms.created", "og:published_time",
      "sailthru.date", "parsely-pub-date", "datepublished",   "citation_publication_date"};
  auto key = attribute(node, "property");
  if (key.empty()) key = attribute(node, "name");
  if (key.empty()) key = attribute(node, "itemprop");
  key = text::ascii_lower(key);
  const auto content = std::string(text::trim(attribute(node, "content")));
  if (content.empty()) {
    return;
  } else if (key == "og:title" && facts.og_title.empty()) {
    facts.og_title = content;
  } else if (one_of(key, kAuthor) && facts.author.empty() && !content.starts_with("http")) {
    facts.author = content;
  } else if (one_of(key, kDate) && facts.meta_date.empty()) {
    facts.meta_date = content;
  } else if (key == "og:url" && facts.url.empty()) {
    facts.url = content;
  } else if (text::ascii_lower(attribute(node, "http-equiv")) == "content-language" &&
             facts.lang.empty()) {
    facts.lang = content;
  }
}

bool names_author(const xmlNode* node) {
  const auto rel = text::ascii_lower(attribute(node, "rel"));
  const auto itemprop = text::ascii_lower(attribute(node, "itemprop"));
  const auto cls = text::ascii_lower(attribute(node, "class"));
  return rel == "author" || itemprop == "author" || cls.find("byline") != cls.npos;
}

void take_facts(const xmlNode* node, PageFacts& facts) {
  const auto name = name_of(node);
  if (name == "title" && facts.title_tag.empty()) {
    facts.title_tag = collapsed_text(node);
  } else if (name == "meta") {
    take_meta(node, facts);
  } else if (name == "link" && text::ascii_lower(attribute(node, "rel")) == "canonical") {
    facts.url = attribute(node, "href");
  } else if (name == "html" && facts.lang.empty()) {
    facts.lang = attribute(node, "lang");
  } else if (name == "time" && facts.time_date.empty()) {
    facts.time_date = attribute(node, "datetime");
    if (facts.time_date.empty()) facts.time_date = collapsed_text(node);
  } else if (name == "h1" && facts.h1.empty()) {
    facts.h1 = collapsed_text(node);
  } else if (name == "article") {
    facts.articles.push_back(node);
  } else if (name == "main" && !facts.main) {
    facts.main = node;
  } else if (name == "body" && !facts.body) {
    facts.body = node;
  }
  if (!facts.main && text::ascii_lower(attribute(node, "role")) == "main") facts.main = node;
  if (facts.byline_element.empty() && names_author(node)) {
    facts.byline_element = collapsed_text(node);
  }
}

// The root element and every element inside it.
PageFacts gather(const xmlNode* root) {
  PageFacts facts;
  take_facts(root, facts);
  walk(
      root,
      [&](const xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return false;
        take_facts(node, facts);
        return true;
      },
      [](const xmlNode*) {});
  return facts;
}

// <title> often carries the site name ("Headline | Site"); og:title or the h1 is then the same
// headline without it.
std::string choose_title(const PageFacts& facts) {
  for (const auto* shorter : {&facts.og_title, &facts.h1}) {
    if (!shorter->empty() && facts.title_tag.size() > shorter->size() &&
        facts.title_tag.starts_with(*shorter)) {
      return *shorter;
    }
  }
  if (!facts.title_tag.empty()) return facts.title_tag;
  return !facts.og_title.empty() ? facts.og_title : facts.h1;
}

std::string strip_by(std::string byline) {
  if (text::ascii_lower(byline.substr(0, 3)) == "by ") byline.erase(0, 3);
  return std::string(text::trim(byline));
}

}  // namespace

Result<std::vector<Article>> parse_html(std::string_view text) {
  // libxml2 wants its global state set up once before threads parse concurrently.
  static const bool initialised = (xmlInitParser(), true);
  (void)initialised;
  // XML_PARSE_HUGE lifts libxml2's 256-level depth limit, past which it silently drops the rest
  // of the page; the file size limit still bounds the work.
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
  // The text is UTF-8 already (decode_text ran); a <meta charset> must not re-decode it.
  std::unique_ptr<xmlDoc, DocumentFree> document(
      htmlReadMemory(text.data(), static_cast<int>(text.size()), nullptr, "UTF-8", kOptions));
  const xmlNode* root = document ? xmlDocGetRootElement(document.get()) : nullptr;
  if (!root) return make_error(Errc::parse_error, "not parseable as HTML");

  const PageFacts facts = gather(root);
  std::string body;
  for (const auto* article : facts.articles) {
    // Pages list teasers as <article>s too; the longest one is the story.
    if (auto candidate = rendered(article); candidate.size() > body.size())
      body = std::move(candidate);
  }
  if (body.empty()) body = rendered(facts.main ? facts.main : facts.body ? facts.body : root);

  Article known;
  known.title = choose_title(facts);
  known.byline = !facts.author.empty() ? facts.author : strip_by(facts.byline_element);
  known.url = facts.url;
  known.date = parse_date(facts.meta_date);
  if (!known.date) known.date = parse_date(facts.time_date);
  const auto lang = text::ascii_lower(facts.lang.substr(0, facts.lang.find_first_of("-_")));
  if (lang.size() == 2) known.lang_hint = lang;
  if (body.empty() && known.title.empty()) return make_error(Errc::parse_error, "no text in HTML");
  return std::vector<Article>{extract_text_metadata(body, std::move(known))};
}

}  // namespace newsdex
