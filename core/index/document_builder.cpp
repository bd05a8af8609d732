#include "document_builder.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "schema.hpp"
#include "stored_record.hpp"
#include "word_offsets.hpp"

namespace newsdex {
namespace {

using namespace std::string_literals;

void add_prefixed(Xapian::Document& doc, std::string_view prefix, std::string_view value) {
  if (!value.empty()) doc.add_boolean_term(schema::hashed_key(prefix, value));
}

void index_body(Xapian::Document& doc, const std::vector<Token>& tokens) {
  Xapian::termpos pos = 0;
  for (const auto& token : tokens) {
    doc.add_posting(token.term, ++pos);
    doc.add_term(std::string(schema::kPrefixStem) + token.stem);
  }
}

void index_title(Xapian::Document& doc, const std::vector<Token>& tokens, Xapian::termpos after) {
  Xapian::termpos pos = 0;
  for (const auto& token : tokens) {
    ++pos;
    doc.add_posting(std::string(schema::kPrefixTitle) + token.term, pos);
    doc.add_posting(token.term, after + schema::kTitlePositionGap + pos, schema::kTitleWeight);
    doc.add_term(std::string(schema::kPrefixStem) + token.stem, schema::kTitleWeight);
  }
}

void index_date(Xapian::Document& doc, const std::optional<Date>& date) {
  if (!date) return;
  const auto compact = date->compact();
  doc.add_boolean_term(std::string(schema::kPrefixDay) + compact);
  doc.add_boolean_term(std::string(schema::kPrefixMonth) + compact.substr(0, 6));
  doc.add_boolean_term(std::string(schema::kPrefixYear) + compact.substr(0, 4));
  doc.add_value(schema::kSlotDate, compact);
}

// The facets searchd counts with value spies, so a facet never reads a document's term list.
void add_facet_values(Xapian::Document& doc, const SourceFile& source,
                      const std::vector<std::string>& langs) {
  std::vector<std::string> unique;
  for (const auto& lang : langs)
    if (std::ranges::find(unique, lang) == unique.end()) unique.push_back(lang);
  std::string joined;
  for (const auto& lang : unique) joined += (joined.empty() ? "" : "\n") + lang;
  if (!joined.empty()) doc.add_value(schema::kSlotLangs, joined);
  doc.add_value(schema::kSlotType, std::string(mime_type(source.format)));
  if (auto folder = schema::top_folder(source.relative_path); !folder.empty())
    doc.add_value(schema::kSlotFolder, folder);
}

std::vector<std::uint32_t> body_offsets(const std::vector<Token>& tokens) {
  std::vector<std::uint32_t> offsets(tokens.size());
  std::ranges::transform(tokens, offsets.begin(), &Token::offset);
  return offsets;
}

}  // namespace

AnalysedArticle analyse_article(Analyzer& analyzer, const Article& article) {
  AnalysedArticle analysed;
  analysed.body = analyzer.analyze(article.body, article.lang_hint);
  // A title is too short for language detection: it follows its body (or the hint).
  auto lang = analysed.body.lang.empty() ? article.lang_hint : analysed.body.lang;
  if (analysed.body.tokens.empty() && lang.empty()) {
    auto title_only = analyzer.analyze(article.title, article.lang_hint);
    lang = title_only.lang;
    analysed.body.lang = lang;
    if (!lang.empty()) analysed.body.langs = {lang};
  }
  analysed.title = analyzer.tokenize(article.title, lang);
  analysed.byline = analyzer.tokenize(article.byline, "");
  return analysed;
}

BuiltDocument build_document(const SourceFile& source, int part, const Article& article,
                             const AnalysedArticle& analysed, std::int64_t indexed_at) {
  const auto& body = analysed.body;
  const auto& title = analysed.title;
  Xapian::Document doc;
  const auto id = schema::document_id(source.relative_path, part);
  doc.add_boolean_term(schema::id_term(id));
  doc.add_boolean_term(schema::file_term(source.relative_path));
  add_prefixed(doc, schema::kPrefixFolder, schema::top_folder(source.relative_path));
  add_prefixed(doc, schema::kPrefixMime, mime_type(source.format));
  add_prefixed(doc, schema::kPrefixExt, schema::file_extension(source.relative_path));
  for (const auto& lang : body.langs) add_prefixed(doc, schema::kPrefixLang, lang);

  index_body(doc, body.tokens);
  index_title(doc, title, static_cast<Xapian::termpos>(body.tokens.size()));
  index_date(doc, article.date);
  for (const auto& token : analysed.byline)
    doc.add_term(std::string(schema::kPrefixAuthor) + token.term);

  doc.add_value(schema::kSlotIndexedAt, schema::indexed_at_value(indexed_at));
  doc.add_value(schema::kSlotMtime, std::to_string(source.mtime_ns));
  doc.add_value(schema::kSlotSize, std::to_string(source.size));
  doc.add_value(schema::kSlotSha256, source.sha256);
  doc.add_value(schema::kSlotSourcePath, source.relative_path);
  doc.add_value(schema::kSlotWordOffsets, encode_word_offsets(body_offsets(body.tokens)));
  add_facet_values(doc, source, body.langs);

  namespace f = schema::field;
  nlohmann::json data = {
      {f::kPath, source.relative_path},
      {f::kPart, part >= 0 ? nlohmann::json(part) : nlohmann::json()},
      {f::kTitle, article.title},
      {f::kDate, article.date ? nlohmann::json(article.date->iso()) : nlohmann::json()},
      {f::kByline, article.byline},
      {f::kLang, body.lang},
      {f::kLangs, body.langs},
      {f::kType, mime_type(source.format)},
      {f::kUrl, article.url},
      {f::kSize, source.size},
      {f::kMtime, source.mtime_ns},
      {f::kSha256, source.sha256},
      {f::kBody, article.body},
  };
  std::vector<std::string_view> words;
  words.reserve(body.tokens.size());
  for (const auto& token : body.tokens) words.push_back(token.term);
  return {std::move(doc), std::move(data), id, versions::signature(words), words.size()};
}

Xapian::Document seal(BuiltDocument& built) {
  stored_record::store(built.doc, built.data);
  return built.doc;
}

}  // namespace newsdex
