#include "similar.hpp"

#include "schema.hpp"

namespace newsdex::searchd {
namespace {

// The expand set is asked for more words than the query takes, since it ranks words no other
// document holds highest (nothing is rarer); those are dropped after, costing a term frequency
// lookup for a few dozen words rather than for every word of the document.
constexpr unsigned kCandidates = 3 * kSimilarTerms;

Xapian::Query any_term(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

std::vector<std::string> language_terms(const Xapian::Database& db, Xapian::docid docid) {
  const std::string prefix(schema::kPrefixLang);
  std::vector<std::string> terms;
  auto term = db.termlist_begin(docid);
  // L + a lower-case code: other prefixes are upper case, and unprefixed words lower case.
  for (term.skip_to(prefix); term != db.termlist_end(docid); ++term) {
    const std::string value = *term;
    if (!value.starts_with(prefix)) break;
    if (value.size() > prefix.size() && value[prefix.size()] >= 'a' && value[prefix.size()] <= 'z')
      terms.push_back(value);
  }
  return terms;
}

SimilarQuery similar_query(const Xapian::Database& db, Xapian::docid docid,
                           const std::string& id_term) {
  Xapian::RSet relevant;
  relevant.add_document(docid);
  Xapian::Enquire enquire(db);
  const Xapian::ExpandDeciderFilterPrefix stems{std::string(schema::kPrefixStem)};
  const Xapian::ESet eset = enquire.get_eset(kCandidates, relevant, &stems);
  SimilarQuery out;
  std::vector<std::string> terms;
  for (auto it = eset.begin(); it != eset.end() && terms.size() < kSimilarTerms; ++it) {
    const std::string term = *it;
    if (db.get_termfreq(term) < 2) continue;  // in this document only: finds nothing
    terms.push_back(term);
    out.words.push_back(term.substr(schema::kPrefixStem.size()));
  }
  if (terms.empty()) return out;
  Xapian::Query query = any_term(terms);
  if (const auto langs = language_terms(db, docid); !langs.empty())
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, any_term(langs));
  out.query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(id_term));
  return out;
}

}  // namespace newsdex::searchd
