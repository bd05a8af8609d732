#include "query.hpp"

#include <unicode/uscript.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>

#include "ascii.hpp"
#include "encoding.hpp"  // code_points
#include "normalize.hpp"
#include "schema.hpp"
#include "stemmers.hpp"
#include "term_spelling.hpp"

namespace newsdex {
namespace {

bool is_operator(std::string_view word) {
  return word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" ||
         word == "ADJ";
}

// Fields whose value is passed through untouched (boolean filters and date ranges).
bool is_verbatim_field(std::string_view field) {
  return field == "person" || field == "org" || field == "place" || field == "lang" ||
         field == "type" || field == "ext" || field == "folder" || field == "date";
}

bool is_text_field(std::string_view field) {
  return field == "title" || field == "author";
}

// Whether text holds a letter of a script written without spaces between words (Chinese,
// Japanese, Thai, Lao, Khmer, Myanmar), where segmentation, not the user, finds the words.
bool has_unspaced_script(std::string_view text) {
  return std::ranges::any_of(code_points(text), [](char32_t c) {
    if (c < 0x0E00) return false;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(static_cast<UChar32>(c), &status)) {
      case USCRIPT_HAN:
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA:
      case USCRIPT_THAI:
      case USCRIPT_LAO:
      case USCRIPT_KHMER:
      case USCRIPT_MYANMAR:
        return true;
      default:
        return false;
    }
  });
}

// Folds one chunk of query text (no spaces or quotes). inside_phrase: emit plain words.
std::string fold_chunk(std::string_view chunk, Analyzer& analyzer, bool inside_phrase) {
  bool wildcard = false;
  if (chunk.size() > 1 && chunk.back() == '*') {
    wildcard = true;
    chunk.remove_suffix(1);
  }
  std::vector<Token> tokens = analyzer.tokenize(chunk, "");
  if (tokens.empty()) return {};
  // "e-mail" is one word split in two: a phrase. "免费义务教育" is three words the user typed
  // without spaces, as the script is written: three words, so that a text saying them apart, or
  // in another order, still matches (proximity ranks the ones that keep them together first).
  const bool phrase = tokens.size() > 1 && !inside_phrase && !has_unspaced_script(chunk);
  std::string out;
  if (phrase) out += '"';
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i) out += ' ';
    out += tokens[i].term;
  }
  if (phrase) out += '"';
  if (wildcard && tokens.size() == 1) out += '*';
  return out;
}

// title: and author: words for Xapian's own prefix handling, which also bounds their wildcards.
// Quoted, because the parser does not stem quoted words and the index keeps title and byline
// words unstemmed; bylines have no positions, so several author words are ANDed, not a phrase.
std::string text_field_query(const std::string& field, const std::vector<std::string>& words,
                             bool wildcard) {
  if (words.empty()) return {};
  if (wildcard && words.size() == 1) return field + ":" + words.front() + "*";
  std::string out;
  if (field == "author") {
    for (const auto& word : words) out += (out.empty() ? "" : " ") + field + ":\"" + word + "\"";
    return words.size() > 1 ? "(" + out + ")" : out;
  }
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return field + ":\"" + out + "\"";
}

class EntityFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit EntityFieldProcessor(std::string prefix) : prefix_(std::move(prefix)) {}
  Xapian::Query operator()(const std::string& value) override {
    return entity_filter(prefix_, value);
  }

 private:
  std::string prefix_;
};

// date:A..B on kSlotDate; either end may be open; partial dates cover their whole year or month.
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  DateRangeProcessor() : Xapian::RangeProcessor(schema::kSlotDate, "date:") {}
  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    const std::string b = begin.empty() ? std::string() : compact_date(begin);
    const std::string e = end.empty() ? std::string() : compact_date(end, true);
    if ((!begin.empty() && b.empty()) || (!end.empty() && e.empty()))
      throw Xapian::QueryParserError("bad date in range date:" + begin + ".." + end +
                                     " (expected YYYY-MM-DD, YYYY-MM or YYYY)");
    if (b.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, e);
    if (e.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, b);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, b, e);
  }
};

void configure(Xapian::QueryParser& qp, const Xapian::Database& db, const QueryLimits& limits) {
  const unsigned expansion = limits.max_wildcard_expansion;
  qp.set_database(db);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.set_max_expansion(expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  qp.add_prefix("title", std::string(schema::kPrefixTitle));
  qp.add_prefix("author", std::string(schema::kPrefixAuthor));
  qp.add_boolean_prefix("person",
                        (new EntityFieldProcessor(std::string(schema::kPrefixPerson)))->release());
  qp.add_boolean_prefix("org",
                        (new EntityFieldProcessor(std::string(schema::kPrefixOrg)))->release());
  qp.add_boolean_prefix("place",
                        (new EntityFieldProcessor(std::string(schema::kPrefixPlace)))->release());
  qp.add_boolean_prefix("lang", std::string(schema::kPrefixLang));
  qp.add_boolean_prefix("type", std::string(schema::kPrefixMime));
  qp.add_boolean_prefix("ext", std::string(schema::kPrefixExt));
  qp.add_boolean_prefix("folder", std::string(schema::kPrefixFolder));
  qp.add_rangeprocessor((new DateRangeProcessor)->release());
}

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE |
                            Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT;

Xapian::Query or_of_langs(const std::vector<std::string>& langs) {
  std::vector<Xapian::Query> terms;
  for (const auto& lang : langs) terms.emplace_back(std::string(schema::kPrefixLang) + lang);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

std::string spelling_correction(const Xapian::Database& db, std::string_view normalized,
                                bool from_terms) {
  // Xapian's own correction also "corrects" words the index has (black -> back), so only words
  // with no documents are replaced.
  std::string out;
  bool changed = false;
  std::size_t at = 0;
  while (at < normalized.size()) {
    std::size_t end = std::min(normalized.find(' ', at), normalized.size());
    std::string_view chunk = normalized.substr(at, end - at);
    const std::size_t head = std::min(chunk.find_first_not_of("-+(\""), chunk.size());
    const std::size_t tail = chunk.find_last_not_of(")\"");
    std::string_view word = tail == std::string_view::npos || tail < head
                                ? std::string_view()
                                : chunk.substr(head, tail + 1 - head);
    std::string replacement(word);
    if (!word.empty() && !is_operator(word) && word.find_first_of(":*") == std::string_view::npos &&
        !db.term_exists(std::string(word))) {
      std::string suggestion = db.get_spelling_suggestion(std::string(word), 2);
      if (suggestion.empty() && from_terms) suggestion = suggest_from_terms(db, word);
      if (!suggestion.empty() && suggestion != word) {
        replacement = suggestion;
        changed = true;
      }
    }
    out += chunk.substr(0, head);
    out += replacement;
    if (!word.empty()) out += chunk.substr(tail + 1);
    if (end < normalized.size()) out += ' ';
    at = end + 1;
  }
  return changed ? out : std::string();
}

std::string normalize_query(std::string_view raw, Analyzer& analyzer) {
  std::string out;
  bool in_phrase = false;
  std::size_t i = 0;
  auto at_term_start = [&] { return out.empty() || out.back() == ' ' || out.back() == '('; };
  while (i < raw.size()) {
    const char c = raw[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      ++i;
    } else if (c == '"') {
      in_phrase = !in_phrase;
      out += '"';
      ++i;
    } else if (c == '(' || c == ')') {
      // A group outside a phrase; inside one, punctuation that parts words like a space.
      if (!in_phrase)
        out += c;
      else if (!out.empty() && out.back() != ' ' && out.back() != '"')
        out += ' ';
      ++i;
    } else if (!in_phrase && (c == '-' || c == '+') && at_term_start()) {
      out += c;
      ++i;
    } else {
      std::size_t end = raw.find_first_of(" \t\r\n\"()", i);
      if (end == std::string_view::npos) end = raw.size();
      std::string_view chunk = raw.substr(i, end - i);
      i = end;
      const std::size_t colon = chunk.find(':');
      const std::string field =
          !in_phrase && colon != std::string_view::npos ? ascii_lower(chunk.substr(0, colon)) : "";
      if (!in_phrase && is_operator(chunk)) {
        out += chunk;
      } else if (is_verbatim_field(field)) {
        out += field;
        out += chunk.substr(colon);
        if (colon + 1 == chunk.size() && i < raw.size() && raw[i] == '"') {  // field:"a value"
          const std::size_t close = raw.find('"', i + 1);
          const std::size_t stop = close == std::string_view::npos ? raw.size() : close + 1;
          out += raw.substr(i, stop - i);
          if (close == std::string_view::npos) out += '"';
          i = stop;
        }
      } else if (is_text_field(field) && colon + 1 == chunk.size() &&
                 (i == raw.size() || raw[i] != '"')) {
        // "title:" before a group, or before nothing: the words are searched in every field.
        // Xapian 1.4 crashes on a field processor's group holding a required phrase
        // (title:(a +"b c"), found by fuzz_query) and drops the phrases of other groups.
      } else if (is_text_field(field)) {
        std::string_view value = chunk.substr(colon + 1);
        if (value.empty() && i < raw.size() && raw[i] == '"') {  // title:"a phrase"
          const std::size_t close = raw.find('"', i + 1);
          const std::size_t stop = close == std::string_view::npos ? raw.size() : close;
          value = raw.substr(i + 1, stop - i - 1);
          i = std::min(raw.size(), stop + 1);
        }
        const bool wildcard = value.size() > 1 && value.back() == '*';
        if (wildcard) value.remove_suffix(1);
        std::vector<std::string> words;
        for (const Token& t : analyzer.tokenize(value, "")) words.push_back(t.term);
        const std::string query = text_field_query(field, words, wildcard);
        if (query.empty() && !out.empty() && (out.back() == '-' || out.back() == '+'))
          out.pop_back();
        out += query;
      } else {
        std::string folded = fold_chunk(chunk, analyzer, in_phrase);
        if (folded.empty() && !out.empty() && (out.back() == '-' || out.back() == '+'))
          out.pop_back();  // a lone "-" before punctuation
        out += folded;
      }
    }
  }
  if (in_phrase) out += '"';
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string entity_filter_term(std::string_view prefix, std::string_view value) {
  // The indexer folds canonical names the same way (entity_terms.cpp), so "Erdoğan" and "erdogan"
  // both find XPERSON:recep tayyip erdogan.
  return schema::hashed_key(prefix, fold(value));
}

Xapian::Query entity_filter(std::string_view prefix, std::string_view value) {
  return Xapian::Query(entity_filter_term(prefix, value));
}

std::vector<std::string> index_languages(const Xapian::Database& db) {
  std::vector<std::string> langs;
  const std::string prefix(schema::kPrefixLang);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    langs.push_back((*it).substr(prefix.size()));
  return langs;
}

std::size_t count_query_words(std::string_view normalized) {
  std::size_t words = 0;
  std::size_t at = 0;
  while (at < normalized.size()) {
    const std::size_t end = std::min(normalized.find(' ', at), normalized.size());
    std::string_view chunk = normalized.substr(at, end - at);
    at = end + 1;
    chunk.remove_prefix(std::min(chunk.find_first_not_of("-+(\""), chunk.size()));
    chunk = chunk.substr(0, chunk.find_last_not_of(")\"") + 1);
    if (!chunk.empty() && !is_operator(chunk)) ++words;
  }
  return words;
}

namespace {

// The chunks of a normalised query (defined below, beside the other readers of it).
std::vector<std::string_view> chunks_of(std::string_view normalized);

// A word the query parser would take as one term: letters, digits and marks only.
bool is_simple_word(std::string_view word) {
  return std::ranges::none_of(word, [](unsigned char c) { return c < 0x80 && !std::isalnum(c); });
}

// The Snowball stemmer of a language, made once per thread.
const Xapian::Stem& stemmer_for(std::string_view name) {
  thread_local std::map<std::string, Xapian::Stem, std::less<>> stemmers;
  auto found = stemmers.find(name);
  if (found == stemmers.end())
    found = stemmers.emplace(std::string(name), Xapian::Stem(std::string(name))).first;
  return found->second;
}

// One word over every language of the index: its stem in each stemmed language, limited to that
// language's documents, and the word itself in the documents of the others. As one synonym, so
// that the word has one document frequency, and weighs the same, whichever language's documents
// hold it (separate stems would make a word rare in one language and common in another).
Xapian::Query word_query(const std::string& word, const std::vector<std::string>& langs) {
  std::map<std::string, std::vector<std::string>> by_stem;
  std::vector<std::string> stemmed;
  for (const std::string& lang : langs) {
    const std::string_view name = stemmer_name(lang);
    if (name.empty()) continue;
    by_stem[stemmer_for(name)(word)].push_back(lang);
    stemmed.push_back(lang);
  }
  if (by_stem.empty()) return Xapian::Query(word);
  std::vector<Xapian::Query> forms;
  for (const auto& [stem, in_langs] : by_stem)
    forms.emplace_back(Xapian::Query::OP_FILTER,
                       Xapian::Query(std::string(schema::kPrefixStem) + stem),
                       or_of_langs(in_langs));
  forms.emplace_back(Xapian::Query::OP_AND_NOT, Xapian::Query(word), or_of_langs(stemmed));
  return Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
}

}  // namespace

BuiltQuery build_query(const Xapian::Database& db, std::string_view normalized,
                       const QueryLimits& limits, bool suggest) {
  BuiltQuery built;
  if (normalized.find_first_not_of(' ') == std::string_view::npos) {
    built.query = Xapian::Query::MatchAll;
    return built;
  }
  if (count_query_words(normalized) > limits.max_terms)
    throw QueryTooLarge("the query has more than " + std::to_string(limits.max_terms) + " words");
  const std::string text(normalized);
  if (suggest) built.corrected = spelling_correction(db, normalized);

  // Bare words, the common query: each word one synonym over the languages (word_query).
  const std::vector<std::string_view> chunks = chunks_of(normalized);
  if (is_plain(normalized) && std::ranges::all_of(chunks, is_simple_word)) {
    const std::vector<std::string> langs = index_languages(db);
    std::vector<Xapian::Query> words;
    for (std::string_view chunk : chunks) words.push_back(word_query(std::string(chunk), langs));
    built.query = words.size() == 1
                      ? words.front()
                      : Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
    return built;
  }

  Xapian::QueryParser plain;
  configure(plain, db, limits);
  const Xapian::Query unstemmed = plain.parse_query(text, kFlags);

  // One part per distinct stemmed parse; languages whose parses are identical share a part.
  std::map<std::string, std::pair<Xapian::Query, std::vector<std::string>>> parts;
  std::vector<std::string> stemmed_langs;
  for (const std::string& lang : index_languages(db)) {
    const std::string_view name = stemmer_name(lang);
    if (name.empty()) continue;
    Xapian::QueryParser qp;
    configure(qp, db, limits);
    qp.set_stemmer(Xapian::Stem(std::string(name)));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    Xapian::Query q = qp.parse_query(text, kFlags);
    auto& part = parts[q.get_description()];
    if (part.second.empty()) part.first = q;
    part.second.push_back(lang);
    stemmed_langs.push_back(lang);
  }
  if (parts.empty() || (parts.size() == 1 && parts.begin()->first == unstemmed.get_description())) {
    built.query = unstemmed;
    return built;
  }
  std::vector<Xapian::Query> alternatives;
  for (auto& [description, part] : parts)
    alternatives.emplace_back(Xapian::Query::OP_FILTER, part.first, or_of_langs(part.second));
  alternatives.emplace_back(Xapian::Query::OP_AND_NOT, unstemmed, or_of_langs(stemmed_langs));
  built.query = Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  return built;
}

namespace {

// The chunks of a normalised query (it is space-separated, phrases too).
std::vector<std::string_view> chunks_of(std::string_view normalized) {
  std::vector<std::string_view> chunks;
  std::size_t at = 0;
  while (at < normalized.size()) {
    const std::size_t end = std::min(normalized.find(' ', at), normalized.size());
    if (end > at) chunks.push_back(normalized.substr(at, end - at));
    at = end + 1;
  }
  return chunks;
}

// The most subsets of words one relaxed query ORs together; past it, any one word will do.
constexpr std::size_t kMaxRelaxedSubsets = 64;
// Longer queries are not relaxed: each word is parsed once per language, and a text that long
// is pasted, not remembered.
constexpr std::size_t kMaxRelaxedWords = 12;

std::size_t binomial(std::size_t n, std::size_t k) {
  std::size_t c = 1;
  for (std::size_t i = 1; i <= k; ++i) c = c * (n - k + i) / i;
  return c;
}

bool has_match(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return !enquire.get_mset(0, 1).empty();
}

}  // namespace

std::vector<std::string> positive_words(std::string_view normalized) {
  std::vector<std::string> words;
  bool negate_next = false;
  bool negated_phrase = false;
  bool in_phrase = false;
  for (std::string_view chunk : chunks_of(normalized)) {
    if (!in_phrase && (chunk == "NOT" || chunk == "AND" || chunk == "OR" || chunk == "XOR" ||
                       chunk == "NEAR" || chunk == "ADJ")) {
      negate_next = chunk == "NOT";
      continue;
    }
    bool negated = negate_next || (in_phrase && negated_phrase);
    negate_next = false;
    if (!in_phrase && !chunk.empty() && (chunk.front() == '-' || chunk.front() == '+')) {
      negated = chunk.front() == '-';
      chunk.remove_prefix(1);
    }
    while (!chunk.empty() && chunk.front() == '(') chunk.remove_prefix(1);
    const bool opens = !chunk.empty() && chunk.front() == '"';
    if (opens) chunk.remove_prefix(1);
    const bool closes = !chunk.empty() && chunk.back() == '"';
    while (!chunk.empty() && (chunk.back() == ')' || chunk.back() == '"')) chunk.remove_suffix(1);
    if (opens && !in_phrase) negated_phrase = negated;
    if (opens)
      in_phrase = !closes;
    else if (closes)
      in_phrase = false;
    if (chunk.empty() || negated || chunk.find(':') != std::string_view::npos ||
        chunk.back() == '*')
      continue;
    words.emplace_back(chunk);
  }
  return words;
}

bool is_plain(std::string_view normalized) {
  return std::ranges::all_of(chunks_of(normalized), [](std::string_view chunk) {
    return !is_operator(chunk) && chunk.find_first_of("\"():*+-") == std::string_view::npos;
  });
}

std::optional<RelaxedQuery> relax(const Xapian::Database& db, const std::vector<std::string>& words,
                                  const QueryLimits& limits) {
  if (words.size() < 2 || words.size() > kMaxRelaxedWords) return std::nullopt;
  RelaxedQuery relaxed;
  relaxed.words = words;
  const std::vector<std::string> langs = index_languages(db);
  std::vector<Xapian::Query> word_queries;
  for (const auto& word : words) {
    word_queries.push_back(is_simple_word(word)
                               ? word_query(word, langs)
                               : build_query(db, word, limits, /*suggest=*/false).query);
    auto& terms = relaxed.word_terms.emplace_back();
    for (auto t = word_queries.back().get_unique_terms_begin();
         t != word_queries.back().get_unique_terms_end(); ++t)
      if (!(*t).starts_with(schema::kPrefixLang)) terms.push_back(*t);
  }
  const Xapian::Query any(Xapian::Query::OP_OR, word_queries.begin(), word_queries.end());
  const std::size_t n = words.size();
  for (std::size_t k = n - 1; k >= 1; --k) {
    Xapian::Query enough = any;
    if (k > 1 && binomial(n, k) <= kMaxRelaxedSubsets) {
      // Every k-subset of the words, each ANDed: a document holding at least k of them matches.
      std::vector<Xapian::Query> subsets;
      std::vector<bool> chosen(n, false);
      std::fill(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(k), true);
      do {
        std::vector<Xapian::Query> all;
        for (std::size_t i = 0; i < n; ++i)
          if (chosen[i]) all.push_back(word_queries[i]);
        subsets.emplace_back(Xapian::Query::OP_AND, all.begin(), all.end());
      } while (std::prev_permutation(chosen.begin(), chosen.end()));
      enough = Xapian::Query(Xapian::Query::OP_OR, subsets.begin(), subsets.end());
    } else if (k > 1) {
      continue;
    }
    if (!has_match(db, enough)) continue;
    relaxed.required = k;
    // Matched by the subsets, weighted by every word once.
    relaxed.query = k == 1 ? any : Xapian::Query(Xapian::Query::OP_FILTER, any, enough);
    return relaxed;
  }
  return std::nullopt;
}

std::string compact_date(std::string_view text, bool end) {
  // The digits at [at, at + n), or nullopt when any is not a digit.
  auto digits = [&](std::size_t at, std::size_t n) -> std::optional<unsigned> {
    unsigned value = 0;
    const char* first = text.data() + at;
    auto [last, ec] = std::from_chars(first, first + n, value);
    if (ec != std::errc() || last != first + n || *first == '+' || *first == '-') return {};
    return value;
  };
  std::optional<unsigned> y, m, d;
  if (text.size() == 4) {  // YYYY
    y = digits(0, 4);
  } else if (text.size() == 7 && text[4] == '-') {  // YYYY-MM
    y = digits(0, 4), m = digits(5, 2);
  } else if (text.size() == 8) {  // YYYYMMDD
    y = digits(0, 4), m = digits(4, 2), d = digits(6, 2);
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {  // YYYY-MM-DD
    y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  }
  if (!y || (text.size() > 4 && !m) || (text.size() >= 8 && !d)) return {};
  using namespace std::chrono;
  const year year_of{static_cast<int>(*y)};
  const month month_of{m.value_or(end ? 12 : 1)};
  if (*y == 0 || !month_of.ok()) return {};
  const day day_of = d     ? day{*d}
                     : end ? year_month_day_last(year_of, month_day_last(month_of)).day()
                           : day{1};
  if (!year_month_day(year_of, month_of, day_of).ok()) return {};
  char out[16];
  std::snprintf(out, sizeof out, "%04u%02u%02u", *y, static_cast<unsigned>(month_of),
                static_cast<unsigned>(day_of));
  return out;
}

}  // namespace newsdex
