// Facet counting reads value slots only (never a term list), both ways alike: value streams read
// after the match in document order (local indexes), or a ValueCountMatchSpy per facet (remote
// shards).
#include <gtest/gtest.h>

#include <map>

#include "facets.hpp"
#include "schema.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

// Documents whose facet values disagree with their terms on purpose: the counts must follow the
// values.
Xapian::WritableDatabase index_with_facet_values() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto add = [&](const char* langs, const char* type, const char* folder) {
    Xapian::Document doc;
    doc.add_boolean_term(std::string(schema::kPrefixLang) + "xx");
    doc.add_boolean_term(std::string(schema::kPrefixMime) + "term/only");
    doc.add_value(schema::kSlotLangs, langs);
    doc.add_value(schema::kSlotType, type);
    if (*folder) doc.add_value(schema::kSlotFolder, folder);
    db.add_document(doc);
  };
  add("en\nru", "text/html", "world");
  add("en", "text/plain", "world");
  add("tr", "text/plain", "");
  return db;
}

class Facets : public ::testing::TestWithParam<FacetCounter::Reading> {};

INSTANTIATE_TEST_SUITE_P(BothReadings, Facets,
                         ::testing::Values(FacetCounter::Reading::streams,
                                           FacetCounter::Reading::spies));

// The facets of the documents `query` matches.
json facets_of(const Xapian::Database& db, const Xapian::Query& query, FacetCounter& counter,
               FacetCounter::Reading reading) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  counter.attach(enquire, reading);
  enquire.get_mset(0, 0, db.get_doccount());
  counter.count(db);
  return counter.result();
}

TEST_P(Facets, LanguageTypeAndFolderComeFromValueSlots) {
  const auto db = index_with_facet_values();
  FacetCounter counter({{"lang", 10}, {"type", 10}, {"folder", 10}});
  const json facets = facets_of(db, Xapian::Query::MatchAll, counter, GetParam());
  EXPECT_EQ(facets["lang"], json::parse(R"([{"value": "en", "count": 2},
                                            {"value": "ru", "count": 1},
                                            {"value": "tr", "count": 1}])"));
  EXPECT_EQ(facets["type"], json::parse(R"([{"value": "text/plain", "count": 2},
                                            {"value": "text/html", "count": 1}])"));
  EXPECT_EQ(facets["folder"], json::parse(R"([{"value": "world", "count": 2}])"));
}

// The timeline counts every match by the date slot, in date order, whatever the interval; a
// document without a date (or with a broken one) is in no bucket.
TEST_P(Facets, DateFacetBucketsTheDateSlotInDateOrder) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* date :
       {"20231231", "20240101", "20240102", "20240215", "20240215", "", "2024x"}) {
    Xapian::Document doc;
    if (*date) doc.add_value(schema::kSlotDate, date);
    db.add_document(doc);
  }
  auto count = [&](Interval interval) {
    FacetCounter counter({{"date", 1}}, interval);  // a size does not cut a timeline
    return facets_of(db, Xapian::Query::MatchAll, counter, GetParam())["date"];
  };
  EXPECT_EQ(count(Interval::year), json::parse(R"([{"value": "2023", "count": 1},
                                                   {"value": "2024", "count": 4}])"));
  EXPECT_EQ(count(Interval::month), json::parse(R"([{"value": "2023-12", "count": 1},
                                                    {"value": "2024-01", "count": 2},
                                                    {"value": "2024-02", "count": 2}])"));
  EXPECT_EQ(count(Interval::week), json::parse(R"([{"value": "2023-W52", "count": 1},
                                                   {"value": "2024-W01", "count": 2},
                                                   {"value": "2024-W07", "count": 2}])"));
  EXPECT_EQ(count(Interval::day), json::parse(R"([{"value": "2023-12-31", "count": 1},
                                                  {"value": "2024-01-01", "count": 1},
                                                  {"value": "2024-01-02", "count": 1},
                                                  {"value": "2024-02-15", "count": 2}])"));
}

// Only the matching documents count, however they are spread along the value streams: every
// third of 300 documents, where the slot is set on some and not others.
TEST_P(Facets, OnlyMatchingDocumentsAreCounted) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::map<std::string, int> expected;
  for (int i = 0; i < 300; ++i) {
    Xapian::Document doc;
    if (i % 3 == 0) doc.add_boolean_term("Xpicked");
    const std::string lang = i % 7 == 0 ? "" : (i % 2 ? "en" : "fr\nen");
    if (!lang.empty()) doc.add_value(schema::kSlotLangs, lang);
    if (i % 3 == 0 && !lang.empty()) {
      ++expected["en"];
      if (i % 2 == 0) ++expected["fr"];
    }
    db.add_document(doc);
  }
  FacetCounter counter({{"lang", 10}});
  const json facets = facets_of(db, Xapian::Query("Xpicked"), counter, GetParam());
  json want = json::array();
  for (const char* lang : {"en", "fr"})
    want.push_back({{"value", lang}, {"count", expected[lang]}});
  EXPECT_EQ(facets["lang"], want);
}

}  // namespace
}  // namespace newsdex::searchd
