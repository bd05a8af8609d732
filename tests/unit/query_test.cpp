#include "query.hpp"

#include <gtest/gtest.h>

#include "entity_terms.hpp"
#include "schema.hpp"
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
  EXPECT_EQ(norm("title:Summit lang:ru"), "title:summit lang:ru");
  EXPECT_EQ(norm("date:2020-09-27..2020-11-10 war"), "date:2020-09-27..2020-11-10 war");
  EXPECT_EQ(norm("person:\"Ilham Aliyev\""), "person:\"Ilham Aliyev\"");
  EXPECT_EQ(norm("title:\"Peace Talks\""), "title:\"peace talks\"");
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
  EXPECT_EQ(compact_date("2020-02", true), "20200231");
  EXPECT_EQ(compact_date("2020-13-01"), "");
  EXPECT_EQ(compact_date("yesterday"), "");
  EXPECT_EQ(compact_date("20-1"), "");
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
            "title:\"the army\" author:smith");
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

// Entity filters find the terms the indexer writes, whatever the case and accents of the request.
TEST(EntityFilter, FoldsLikeTheIndexer) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_boolean_term(entity_term(EntityType::person, "Recep Tayyip Erdoğan"));
  db.add_document(doc);
  for (const char* asked : {"Recep Tayyip Erdoğan", "recep tayyip erdogan", "RECEP TAYYIP ERDOĞAN"}) {
    Xapian::Enquire enquire(db);
    enquire.set_query(entity_filter(schema::kPrefixPerson, asked));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u) << asked;
  }
}

}  // namespace
}  // namespace newsdex
