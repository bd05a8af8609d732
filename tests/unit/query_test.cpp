#include "query.hpp"

#include <gtest/gtest.h>

#include "entity_terms.hpp"
#include "schema.hpp"
#include "term_spelling.hpp"
#include "test_support.hpp"

namespace newsdex {
namespace {

class NormalizeQuery : public ::testing::Test {
 protected:
  Analyzer analyzer;
  std::string norm(std::string_view raw) { return normalize_query(raw, analyzer); }
};

TEST_F(NormalizeQuery, FoldsWordsAndKeepsOperators) {
  EXPECT_EQ(norm("Façade AND Élan"), "facade AND elan");
  EXPECT_EQ(norm("war OR peace NOT army"), "war OR peace NOT army");
  EXPECT_EQ(norm("-Army +Navy"), "-army +navy");
  EXPECT_EQ(norm("\"Ilham Aliyev\" Baku*"), "\"ilham aliyev\" baku*");
  EXPECT_EQ(norm("(Baku OR Yerevan) talks"), "(baku OR yerevan) talks");
}

TEST_F(NormalizeQuery, KeepsFieldPrefixes) {
  EXPECT_EQ(norm("title:Summit lang:ru"), "title:\"summit\" lang:ru");
  EXPECT_EQ(norm("title:Summ* -author:Whitfield"), "title:summ* -author:\"whitfield\"");
  EXPECT_EQ(norm("author:\"Sarah Whitfield\""), "(author:\"sarah\" author:\"whitfield\")");
  EXPECT_EQ(norm("date:2020-09-27..2020-11-10 war"), "date:2020-09-27..2020-11-10 war");
  EXPECT_EQ(norm("person:\"Ilham Aliyev\""), "person:\"Ilham Aliyev\"");
  EXPECT_EQ(norm("title:\"Peace Talks\""), "title:\"peace talks\"");
}

// Title words are positional and unstemmed, byline words unstemmed without positions, as the
// document builder writes them; each form of a fielded query must find them, stemmed parts too.
TEST_F(NormalizeQuery, TitleAndAuthorQueriesMatchWhatTheIndexHolds) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_posting(std::string(schema::kPrefixTitle) + "peace", 1);
  doc.add_posting(std::string(schema::kPrefixTitle) + "talks", 2);
  doc.add_term(std::string(schema::kPrefixAuthor) + "sarah");
  doc.add_term(std::string(schema::kPrefixAuthor) + "whitfield");
  doc.add_boolean_term(std::string(schema::kPrefixLang) + "en");
  db.add_document(doc);
  auto matches = [&](std::string_view raw) {
    Xapian::Enquire enquire(db);
    enquire.set_query(build_query(db, norm(raw)).query);
    return enquire.get_mset(0, 10).size();
  };
  for (const char* raw :
       {"title:Peace", "title:talks", "title:\"Peace Talks\"", "title:pea*", "author:Sarah",
        "author:\"Sarah Whitfield\"", "author:whit*", "title:peace -author:smith"})
    EXPECT_EQ(matches(raw), 1u) << raw << " -> " << norm(raw);
  for (const char* raw : {"title:\"talks peace\"", "title:war", "-author:sarah title:peace"})
    EXPECT_EQ(matches(raw), 0u) << raw << " -> " << norm(raw);
}

TEST_F(NormalizeQuery, WordsOfUnspacedScriptsAreWordsAndSplitLatinWordsAPhrase) {
  // Chinese is written without spaces: the words segmentation finds are words of the query.
  const std::string chinese = norm("免费义务教育");
  EXPECT_EQ(chinese.find('"'), std::string::npos) << chinese;
  EXPECT_GE(count_query_words(chinese), 2u) << chinese;
  EXPECT_TRUE(is_plain(chinese)) << chinese;
  EXPECT_EQ(norm("e-mail"), "\"e mail\"");
  // Quoted, they stay a phrase.
  EXPECT_EQ(norm("\"免费义务教育\"").front(), '"');
}

TEST_F(NormalizeQuery, PositiveWordsLeaveOutNegatedWordsFieldsAndOperators) {
  EXPECT_EQ(positive_words(norm("grand jury -atlanta NOT fulton")),
            (std::vector<std::string>{"grand", "jury"}));
  EXPECT_EQ(positive_words(norm("\"ilham aliyev\" OR baku* lang:ru")),
            (std::vector<std::string>{"ilham", "aliyev"}));
  EXPECT_EQ(positive_words(norm("-\"red army\" navy")), (std::vector<std::string>{"navy"}));
  EXPECT_TRUE(is_plain(norm("harbour budget zeppelin")));
  for (const char* syntax : {"a OR b", "\"a b\"", "-a b", "a*", "title:a b", "(a b)"})
    EXPECT_FALSE(is_plain(norm(syntax))) << syntax;
}

TEST_F(NormalizeQuery, ParenthesesInsidePhrasesPartWords) {
  // Found by fuzzing: a parenthesis inside a phrase stopped the scan (the loop made no progress),
  // so `q="a)` held a search worker forever.
  EXPECT_EQ(norm("\"water OR Caspian) NOT -sea +baku"), "\"water or caspian not sea baku\"");
  EXPECT_EQ(norm("\"a)b\" (c)"), "\"a b\" (c)");
  EXPECT_EQ(norm("\"(x\""), "\"x\"");
}

TEST_F(NormalizeQuery, ConfusablesFoldLikeDocuments) {
  // A Cyrillic А inside a Latin word, as pasted text has it.
  EXPECT_EQ(norm("\xD0\x90zerbaijan"), "azerbaijan");
}

TEST(CompactDate, ParsesFullAndPartialDates) {
  EXPECT_EQ(compact_date("2020-09-27"), "20200927");
  EXPECT_EQ(compact_date("2020"), "20200101");
  EXPECT_EQ(compact_date("2020", true), "20201231");
  EXPECT_EQ(compact_date("2020-02", true), "20200229");
  EXPECT_EQ(compact_date("2021-02", true), "20210228");
  EXPECT_EQ(compact_date("2020-02"), "20200201");
  EXPECT_EQ(compact_date("20200927"), "20200927");
  EXPECT_EQ(compact_date("2020-02-29"), "20200229");
}

TEST(CompactDate, RejectsWhatIsNotACalendarDay) {
  for (const char* bad : {"2020-13-01", "2020-02-30", "2021-02-29", "2020-04-31", "2020-00-10",
                          "2020-01-00", "2020-1-1", "2020-01-1", "2020/01/01", "2020-1", "20201",
                          "0000", "+020-01-01", "2020-13", "yesterday", "20-1", ""})
    EXPECT_EQ(compact_date(bad), "") << bad;
}

// A tiny in-memory index with stemmed terms the way the document builder writes them.
Xapian::WritableDatabase small_index() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto add = [&](const std::string& lang, std::vector<std::string> words) {
    Xapian::Document doc;
    Xapian::Stem stem(lang == "en" ? "english" : lang == "ru" ? "russian" : "none");
    Xapian::termpos pos = 0;
    for (const auto& w : words) {
      doc.add_posting(w, ++pos);
      doc.add_term("Z" + stem(w));
    }
    doc.add_boolean_term("L" + lang);
    db.add_document(doc);
  };
  add("en", {"they", "recognise", "the", "army"});
  add("ru", {"армия", "наступает"});
  add("xx", {"recognised", "words"});
  return db;
}

TEST(BuildQuery, EachLanguageMatchesWithItsOwnStemmer) {
  auto db = small_index();
  auto matches = [&](std::string_view q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(build_query(db, q).query);
    std::vector<Xapian::docid> ids;
    for (auto m = enquire.get_mset(0, 10).begin(); m != enquire.get_mset(0, 10).end(); ++m)
      ids.push_back(*m);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  EXPECT_EQ(matches("recognised"), (std::vector<Xapian::docid>{1, 3}));
  EXPECT_EQ(matches("армии"), (std::vector<Xapian::docid>{2}));
  EXPECT_EQ(matches("recognised -army"), (std::vector<Xapian::docid>{3}));
  EXPECT_EQ(matches("lang:ru"), (std::vector<Xapian::docid>{2}));
  EXPECT_EQ(matches("").size(), 3u);
}

TEST(BuildQuery, BadDateRangeIsAParserError) {
  auto db = small_index();
  EXPECT_THROW(build_query(db, "date:2020-99-01..2021"), Xapian::QueryParserError);
  EXPECT_NO_THROW(build_query(db, "date:2020..2021"));
}

TEST(BuildQuery, TextFieldGroupsAreSearchedUnfielded) {
  // Found by fuzzing: Xapian 1.4's QueryParser dereferenced null on title:(a +"b c") (a field
  // processor's group holding a required phrase), so the search crashed searchd.
  Analyzer analyzer;
  const std::string normalized = normalize_query("title:(l +\"N&l\"", analyzer);
  EXPECT_EQ(normalized, "(l +\"n l\"");
  auto db = small_index();
  EXPECT_NO_THROW(build_query(db, normalized));
  EXPECT_EQ(normalize_query("title: army author:", analyzer), "army");
  EXPECT_EQ(normalize_query("title:\"The Army\" author:Smith", analyzer),
            "title:\"the army\" author:\"smith\"");
}

TEST(BuildQuery, SpellingSuggestion) {
  testing::TempDir dir;  // the in-memory backend keeps no spelling data
  Xapian::WritableDatabase db((dir / "index").string(), Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document doc;
  doc.add_posting("azerbaijan", 1);
  db.add_document(doc);
  db.add_spelling("azerbaijan");
  db.commit();
  EXPECT_EQ(build_query(db, "azerbajan").corrected, "azerbaijan");
  EXPECT_EQ(build_query(db, "azerbaijan").corrected, "");
  EXPECT_EQ(build_query(db, "-azerbajan OR \"azerbajan\"").corrected,
            "-azerbaijan OR \"azerbaijan\"");
}

TEST(BuildQuery, WordsTheIndexHasAreNotCorrected) {
  testing::TempDir dir;
  Xapian::WritableDatabase db((dir / "index").string(), Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document doc;
  doc.add_posting("black", 1);
  db.add_document(doc);
  db.add_spelling("black");
  db.add_spelling("back", 50);  // more frequent, one edit away
  db.commit();
  EXPECT_EQ(build_query(db, "black").corrected, "");
  const std::string corrected = build_query(db, "blak").corrected;
  EXPECT_TRUE(corrected == "black" || corrected == "back") << corrected;
}

// 300 documents, each with one title word and one body word starting "ab" (ab000 ... ab299).
Xapian::WritableDatabase many_ab_words() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 300; ++i) {
    char word[8];
    std::snprintf(word, sizeof word, "ab%03d", i);
    Xapian::Document doc;
    doc.add_posting(word, 1);
    doc.add_posting(std::string(schema::kPrefixTitle) + word, 1);
    doc.add_posting(std::string(schema::kPrefixAuthor) + word, 1);
    db.add_document(doc);
  }
  return db;
}

Xapian::doccount count_matches(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

TEST(BuildQuery, EveryWildcardIsBoundedByTheExpansionLimit) {
  const auto db = many_ab_words();
  QueryLimits limits;
  limits.max_wildcard_expansion = 10;
  for (const char* query : {"ab*", "title:ab*", "author:ab*"})
    EXPECT_EQ(count_matches(db, build_query(db, query, limits).query), 10u) << query;
  limits.max_wildcard_expansion = 1000;
  EXPECT_EQ(count_matches(db, build_query(db, "title:ab*", limits).query), 300u);
}

TEST(BuildQuery, TooManyWordsIsRefused) {
  const auto db = many_ab_words();
  QueryLimits limits;
  limits.max_terms = 3;
  EXPECT_NO_THROW(build_query(db, "a OR (b -c)", limits));
  EXPECT_NO_THROW(build_query(db, "\"a b\" title:c", limits));
  EXPECT_THROW(build_query(db, "a b c d", limits), QueryTooLarge);
  EXPECT_THROW(build_query(db, "\"a b c d\"", limits), QueryTooLarge);
}

TEST(CountQueryWords, SkipsOperatorsAndBrackets) {
  EXPECT_EQ(count_query_words(""), 0u);
  EXPECT_EQ(count_query_words("war OR peace NOT army"), 3u);
  EXPECT_EQ(count_query_words("(baku OR yerevan) -talks \"ilham aliyev\""), 5u);
  EXPECT_EQ(count_query_words("title:summit lang:ru ab*"), 3u);
  EXPECT_EQ(count_query_words("( ) \" \""), 0u);
}

// Entity filters find the terms the indexer writes, whatever the case and accents of the request.
TEST(EntityFilter, FoldsLikeTheIndexer) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_boolean_term(entity_term(EntityType::person, "Recep Tayyip Erdoğan"));
  db.add_document(doc);
  for (const char* asked :
       {"Recep Tayyip Erdoğan", "recep tayyip erdogan", "RECEP TAYYIP ERDOĞAN"}) {
    Xapian::Enquire enquire(db);
    enquire.set_query(entity_filter(schema::kPrefixPerson, asked));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u) << asked;
  }
}

}  // namespace
}  // namespace newsdex

namespace newsdex {
namespace {

TEST(TermSpelling, EditDistanceCountsCodePointsAndSwaps) {
  EXPECT_EQ(edit_distance("ferry", "feryy", 2), 1u);
  EXPECT_EQ(edit_distance("harbour", "harbuor", 2), 1u);  // a swap is one edit
  EXPECT_EQ(edit_distance("армия", "армии", 2), 1u);      // letters, not bytes
  EXPECT_EQ(edit_distance("kitten", "sitting", 2), 3u);   // past the limit: limit + 1
  EXPECT_EQ(edit_distance("ferry", "ferry", 2), 0u);
}

TEST(TermSpelling, TheMostFrequentCloseWordSharingTheFirstLetters) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* words : {"ferry harbour", "ferry port", "fern garden", "berry jam"}) {
    Xapian::Document doc;
    Xapian::TermGenerator generator;
    generator.set_document(doc);
    generator.index_text(words);
    db.add_document(doc);
  }
  EXPECT_EQ(suggest_from_terms(db, "feryy"), "ferry");  // 2 documents, beats "fern"
  EXPECT_EQ(suggest_from_terms(db, "harbuor"), "harbour");
  EXPECT_EQ(suggest_from_terms(db, "zzzzz"), "");
  EXPECT_EQ(suggest_from_terms(db, "ferry"), "fern");  // never the word itself
}

}  // namespace
}  // namespace newsdex
