#include "query.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "entity_text.hpp"
#include "schema.hpp"
#include "stemmers.hpp"

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

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
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
  std::string out;
  if (tokens.size() > 1 && !inside_phrase) out += '"';
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i) out += ' ';
    out += tokens[i].term;
  }
  if (tokens.size() > 1 && !inside_phrase) out += '"';
  if (wildcard && tokens.size() == 1) out += '*';
  return out;
}

// Title and author words: prefix + word, unstemmed as the index stores them; a phrase when several.
class TextFieldProcessor : public Xapian::FieldProcessor {
 public:
  explicit TextFieldProcessor(std::string prefix) : prefix_(std::move(prefix)) {}
  Xapian::Query operator()(const std::string& text) override {
    std::vector<Xapian::Query> terms;
    std::size_t at = 0;
    while (at < text.size()) {
      const std::size_t end = std::min(text.find(' ', at), text.size());
      if (end > at) {
        std::string word = text.substr(at, end - at);
        if (word.size() > 1 && word.back() == '*') {
          word.pop_back();
          terms.emplace_back(Xapian::Query::OP_WILDCARD, prefix_ + word);
        } else {
          terms.emplace_back(prefix_ + word);
        }
      }
      at = end + 1;
    }
    if (terms.size() == 1) return terms.front();
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end());
  }

 private:
  std::string prefix_;
};

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

void configure(Xapian::QueryParser& qp, const Xapian::Database& db) {
  qp.set_database(db);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.set_max_expansion(256, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  qp.add_prefix("title", (new TextFieldProcessor(std::string(schema::kPrefixTitle)))->release());
  qp.add_prefix("author", (new TextFieldProcessor(std::string(schema::kPrefixAuthor)))->release());
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

std::string spelling_correction(const Xapian::Database& db, std::string_view normalized) {
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
      const std::string suggestion = db.get_spelling_suggestion(std::string(word), 2);
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
        out += field + ":";
        if (colon + 1 == chunk.size()) {  // title:"a phrase"
          const std::size_t close = raw.find('"', i + 1);
          const std::size_t stop = close == std::string_view::npos ? raw.size() : close;
          std::string words;
          for (const Token& t : analyzer.tokenize(raw.substr(i + 1, stop - i - 1), ""))
            words += (words.empty() ? "" : " ") + t.term;
          out += '"' + words + '"';
          i = std::min(raw.size(), stop + 1);
        } else {
          out += fold_chunk(chunk.substr(colon + 1), analyzer, false);
        }
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

Xapian::Query entity_filter(std::string_view prefix, std::string_view value) {
  // The indexer folds canonical names the same way (entity_terms.cpp), so "Erdoğan" and "erdogan"
  // both find XPERSON:recep tayyip erdogan.
  return Xapian::Query(schema::hashed_key(prefix, entity_text::fold(value)));
}

std::vector<std::string> index_languages(const Xapian::Database& db) {
  std::vector<std::string> langs;
  const std::string prefix(schema::kPrefixLang);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    langs.push_back((*it).substr(prefix.size()));
  return langs;
}

BuiltQuery build_query(const Xapian::Database& db, std::string_view normalized) {
  BuiltQuery built;
  if (normalized.find_first_not_of(' ') == std::string_view::npos) {
    built.query = Xapian::Query::MatchAll;
    return built;
  }
  const std::string text(normalized);

  Xapian::QueryParser plain;
  configure(plain, db);
  const Xapian::Query unstemmed = plain.parse_query(text, kFlags);
  built.corrected = spelling_correction(db, normalized);

  // One part per distinct stemmed parse; languages whose parses are identical share a part.
  std::map<std::string, std::pair<Xapian::Query, std::vector<std::string>>> parts;
  std::vector<std::string> stemmed_langs;
  for (const std::string& lang : index_languages(db)) {
    const std::string_view name = stemmer_name(lang);
    if (name.empty()) continue;
    Xapian::QueryParser qp;
    configure(qp, db);
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

std::string compact_date(std::string_view text, bool end) {
  std::string digits;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
    } else if (c != '-' && c != '/') {
      return {};
    }
  }
  if (digits.size() == 4) return digits + (end ? "1231" : "0101");
  if (digits.size() == 6) digits += end ? "31" : "01";
  if (digits.size() != 8) return {};
  const int month = std::stoi(digits.substr(4, 2));
  const int day = std::stoi(digits.substr(6, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return {};
  return digits;
}

}  // namespace newsdex
