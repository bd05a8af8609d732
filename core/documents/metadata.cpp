#include "metadata.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <ranges>
#include <utility>
#include <vector>

#include "dates.hpp"
#include "name_particles.hpp"
#include "text_lines.hpp"

namespace newsdex {
namespace {

constexpr std::size_t kParagraphBytes = 300;  // a longer line is body text, never a header line
constexpr int kMaxHeaderLines = 8;            // title, date and byline sit in the first lines
constexpr std::size_t kMaxFallbackTitle = 200;
constexpr std::size_t kSentenceWords = 15;

std::vector<std::string_view> split_on(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (const std::string_view part : text::split(text, separator))
    parts.push_back(text::trim(part));
  return parts;
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  for (const auto word : split_on(text, ' ')) {
    if (!word.empty()) out.push_back(word);
  }
  return out;
}

// Site furniture that precedes a headline in copy pasted from the web.
bool is_boilerplate(std::string_view line) {
  static constexpr std::array<std::string_view, 24> kLabels = {
      "home",   "share",  "share this",      "share this article", "share this report",
      "print",  "menu",   "search",          "subscribe",          "sign in",
      "log in", "login",  "skip to content", "advertisement",      "news",
      "latest", "world",  "opinion",         "politics",           "business",
      "sport",  "sports", "read more",       "breaking news"};
  auto lower = text::ascii_lower(line);
  while (lower.ends_with(':')) lower.pop_back();
  if (std::ranges::find(kLabels, lower) != kLabels.end()) return true;
  if (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")) {
    return true;
  }
  // Breadcrumbs: "News > World > Asia".
  return line.find(" > ") != line.npos || line.find(" \u00BB ") != line.npos ||
         line.find(" \u203A ") != line.npos;
}

// A date in a header segment: at its start ("February 9, 2021 Evening Wire No. 12"), or
// making up most of a short one ("Published: 9 Feb. 2021", "20 m. | 2021-11-24").
std::optional<Date> header_date(std::string_view segment) {
  const auto span = find_date_span(segment);
  if (!span) return std::nullopt;
  const auto before = words(segment.substr(0, span->begin)).size();
  const auto after = words(segment.substr(span->end)).size();
  if (before == 0 && after <= 8) return span->date;
  if (before + after <= 3) return span->date;
  return std::nullopt;
}

// Strips the marks that decorate a byline ("Nadia Rahman*", "Jane Doe†,").
std::string_view clean_byline(std::string_view name) {
  name = text::trim(name);
  while (!name.empty() && (name.back() == '*' || name.back() == ',' || name.back() == ';')) {
    name = text::trim(name.substr(0, name.size() - 1));
  }
  if (name.ends_with("\u2020")) name = text::trim(name.substr(0, name.size() - 3));
  return name;
}

// "Nadia Rahman", "Anna Berg and Omar Haddad", "Staff Reporter, Reuters", "王晓明": every word
// starts with a capital or a letter of a script without case, except the joining words; no
// digits. "By October the colony had grown" is a sentence, not a byline.
bool looks_like_names(std::string_view names) {
  static constexpr std::array<std::string_view, 9> kConjunctions = {"and", "und", "et", "y", "e",
                                                                    "i",   "и",   "ve", "və"};
  const auto tokens = words(names);
  if (tokens.empty() || tokens.size() > 8) return false;
  if (std::ranges::any_of(names, [](char c) { return c >= '0' && c <= '9'; })) return false;
  const auto capitalised = [](std::string_view token) {
    const auto first = text::first_code_point(token);
    return u_isalpha(first) && !u_islower(first);
  };
  return capitalised(tokens.front()) && std::ranges::all_of(tokens, [&](std::string_view token) {
           return capitalised(token) || is_name_particle(token) ||
                  std::ranges::find(kConjunctions, token) != kConjunctions.end();
         });
}

// Case-folded start of a line, to compare with the byline prefixes of any script.
std::string folded_prefix(std::string_view text, std::size_t bytes) {
  auto unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(std::min(bytes, text.size()))));
  std::string out;
  unicode.foldCase().toUTF8String(out);
  return out;
}

// "By Name", "By Name and Name", "Written by Name", "Author: Name", and the same in the
// languages newsdex indexes ("Par", "Von", "Автор:", "Müəllif:", "تحریر:", "記者").
std::optional<std::string> by_line(std::string_view segment) {
  static constexpr std::array<std::string_view, 30> kPrefixes = {
      "by ",     "written by ", "reporting by ", "words by ", "author: ", "authors: ",
      "von ",    "par ",        "por ",          "di ",       "door ",    "av ",
      "autor: ", "auteur: ",    "autore: ",      "yazar: ",   "yazan: ",  "müəllif: ",
      "автор: ", "автор ",      "текст: ",       "تحریر: ",   "بقلم ",    "كتب ",
      "記者 ",   "记者 ",       "記者：",        "文・",      "文／",     "作者："};
  const auto folded = folded_prefix(segment, 40);
  for (const auto prefix : kPrefixes) {
    if (!folded.starts_with(prefix)) continue;
    // Folding keeps the length of these prefixes, so the name starts at the same byte.
    const auto name = clean_byline(segment.substr(prefix.size()));
    if (name.empty() || name.size() > 100 || !looks_like_names(name)) return std::nullopt;
    return std::string(name);
  }
  return std::nullopt;
}

// A header line's parts: "February 9, 2021 | By Nadia Rahman", "Baku, 2 October 2023 — by X".
std::vector<std::string_view> segments(std::string_view line) {
  std::vector<std::string_view> out;
  static constexpr std::array<std::string_view, 4> kSeparators = {"|", " \u2014 ", " \u2013 ",
                                                                  " - "};
  while (!line.empty()) {
    std::size_t cut = line.size();
    std::size_t width = 0;
    for (const auto separator : kSeparators) {
      if (const auto at = line.find(separator); at < cut) {
        cut = at;
        width = separator.size();
      }
    }
    out.push_back(text::trim(line.substr(0, cut)));
    line = cut == line.size() ? std::string_view{} : line.substr(cut + width);
  }
  return out;
}

bool is_name_word(std::string_view word) {
  return text::all_code_points(word, [](UChar32 c) {
    return u_isalpha(c) || c == '.' || c == '-' || c == '\'' || c == 0x2019;
  });
}

// One person's name: 2-4 capitalised words, lower-case particles allowed ("Ursula von der Leyen").
bool is_person_name(std::vector<std::string_view> tokens) {
  // Words that make a short capitalised line a heading rather than a name.
  static constexpr std::array<std::string_view, 28> kNotNames = {
      "the",      "a",         "an",        "of",     "in",        "on",        "for",
      "to",       "with",      "at",        "from",   "and",       "is",        "news",
      "report",   "analysis",  "opinion",   "video",  "photos",    "live",      "update",
      "breaking", "exclusive", "editorial", "review", "interview", "questions", "values"};
  // A stray lower-case letter after a name is an icon's alt text ("Lena Ortmann l").
  if (!tokens.empty() && tokens.back().size() == 1 &&
      !u_isupper(text::first_code_point(tokens.back()))) {
    tokens.pop_back();
  }
  if (tokens.size() < 2 || tokens.size() > 4) return false;
  int capitalised = 0;
  for (const auto token : tokens) {
    const auto lower = text::ascii_lower(token);
    if (std::ranges::find(kNotNames, lower) != kNotNames.end() || !is_name_word(token)) {
      return false;
    }
    if (u_isupper(text::first_code_point(token))) {
      ++capitalised;
    } else if (!is_name_particle(lower)) {
      return false;
    }
  }
  return capitalised >= 2;
}

// A line that is only names: "Mira Tamm", "Oskar Lind, Lena Ortmann", "A B and C D".
// Returns the names joined with ", " and how many there were.
std::optional<std::pair<std::string, int>> name_line(std::string_view line) {
  if (line.size() > 120) return std::nullopt;
  std::string names;
  int count = 0;
  std::string separated(line);
  for (const std::string_view conjunction : {" and ", " & "}) {
    for (auto at = separated.find(conjunction); at != separated.npos;
         at = separated.find(conjunction)) {
      separated.replace(at, conjunction.size(), ",");
    }
  }
  for (const auto part : split_on(separated, ',')) {
    auto tokens = words(part);
    if (!is_person_name(tokens)) return std::nullopt;
    if (tokens.back().size() == 1 && !u_isupper(text::first_code_point(tokens.back()))) {
      tokens.pop_back();
    }
    // Rebuild from the tokens so the stray mark is gone.
    const auto first = tokens.front().data();
    const auto last = tokens.back().data() + tokens.back().size();
    if (!names.empty()) names += ", ";
    names.append(first, last);
    ++count;
  }
  if (count == 0) return std::nullopt;
  return std::pair{names, count};
}

bool has_letter(std::string_view line) {
  return !text::all_code_points(line, [](UChar32 c) { return !u_isalpha(c); });
}

// A title for copy that has none: the first sentence of the body, cut at a word boundary.
std::string first_sentence(std::string_view body) {
  const auto paragraph = text::trim(body.substr(0, std::min(body.find('\n'), std::size_t{2000})));
  const auto unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(paragraph.data(), static_cast<std::int32_t>(paragraph.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  std::string sentence;
  if (U_SUCCESS(status)) {
    sentences->setText(unicode);
    sentences->first();
    unicode.tempSubString(0, sentences->next()).toUTF8String(sentence);
  } else {
    sentence = paragraph;
  }
  sentence = std::string(text::trim(sentence));
  if (sentence.size() <= kMaxFallbackTitle) return sentence;
  const auto cut = sentence.rfind(' ', kMaxFallbackTitle);
  return std::string(text::trim(sentence.substr(0, cut == sentence.npos ? 0 : cut))) + "\u2026";
}

// Body text, not a header line: long, or a full sentence (headlines rarely end in a period).
bool is_paragraph(std::string_view line) {
  return line.size() > kParagraphBytes ||
         (line.ends_with('.') && !line.ends_with("..") && words(line).size() >= kSentenceWords);
}

// Walks the first lines, taking what is metadata and stopping at the first body line.
class HeaderReader {
 public:
  HeaderReader(Article& article, bool title_known)
      : article_(article), check_repeated_title_(title_known) {}

  // True when the line was metadata (and so leaves the body); sets done() at the body.
  bool take(std::string_view line) {
    if (is_paragraph(line)) return stop();
    if (take_dates_and_bylines(line)) return true;
    const bool have_title = !article_.title.empty();
    if (!have_title && is_boilerplate(line)) return true;
    if (check_repeated_title_ && repeats_title(line)) return true;
    check_repeated_title_ = false;
    if (const auto names = name_line(line); names && article_.byline.empty()) {
      // Before a title only a list of several names is safely a byline; a lone two-word line
      // there is more likely a short headline.
      if (have_title || names->second >= 2) {
        article_.byline = names->first;
        return true;
      }
    }
    if (!have_title && has_letter(line)) {
      article_.title = line;
      return true;
    }
    return stop();
  }

  bool done() const { return done_; }

 private:
  bool stop() {
    done_ = true;
    return false;
  }

  // The known headline repeated at the top of the text, perhaps wrapped over several lines
  // (PDF layout): each line continuing it is dropped.
  bool repeats_title(std::string_view line) {
    repeated_ += repeated_.empty() ? "" : " ";
    repeated_ += folded_prefix(line, line.size());
    return folded_prefix(text::trim(article_.title), article_.title.size()).starts_with(repeated_);
  }

  bool take_dates_and_bylines(std::string_view line) {
    bool taken = false;
    for (const auto segment : segments(line)) {
      if (segment.empty()) continue;
      if (auto byline = by_line(segment)) {
        if (article_.byline.empty()) article_.byline = std::move(*byline);
        taken = true;
      } else if (const auto date = header_date(segment)) {
        if (!article_.date) article_.date = date;
        taken = true;
      }
    }
    return taken;
  }

  Article& article_;
  bool check_repeated_title_;
  std::string repeated_;
  bool done_ = false;
};

}  // namespace

Article extract_text_metadata(std::string_view text) {
  return extract_text_metadata(text, {});
}

Article extract_text_metadata(std::string_view text, Article known) {
  Article article = std::move(known);
  const bool title_known = !article.title.empty();
  const auto lines = text::split_lines(text);
  HeaderReader header(article, title_known);
  std::string body;
  body.reserve(text.size());
  int header_lines = 0;
  for (const auto raw : lines) {
    const auto line = text::trim(raw);
    const bool in_header = !header.done() && header_lines < kMaxHeaderLines;
    if (in_header && !line.empty()) {
      ++header_lines;
      if (header.take(line)) continue;
    }
    body.append(raw);
    body += '\n';
  }
  article.body = text::tidy_paragraphs(body);
  // A one-line document is all title: keep it as the body too, so it has text to show.
  if (article.body.empty()) article.body = text::tidy_paragraphs(text);
  if (article.title.empty()) article.title = first_sentence(article.body);
  return article;
}

}  // namespace newsdex
