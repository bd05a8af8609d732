// Facet counting reads value slots only: every facet uses a ValueCountMatchSpy (never a term
// list), so it costs one value per match and works on remote shards.
#include <gtest/gtest.h>

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

TEST(Facets, LanguageTypeAndFolderComeFromValueSlots) {
  const auto db = index_with_facet_values();
  FacetCounter counter({{"lang", 10}, {"type", 10}, {"folder", 10}});
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  counter.attach(enquire);
  enquire.get_mset(0, 0, db.get_doccount());
  const json facets = counter.result();
  EXPECT_EQ(facets["lang"], json::parse(R"([{"value": "en", "count": 2},
                                            {"value": "ru", "count": 1},
                                            {"value": "tr", "count": 1}])"));
  EXPECT_EQ(facets["type"], json::parse(R"([{"value": "text/plain", "count": 2},
                                            {"value": "text/html", "count": 1}])"));
  EXPECT_EQ(facets["folder"], json::parse(R"([{"value": "world", "count": 2}])"));
}

// The timeline counts every match by the date slot, in date order, whatever the interval; a
// document without a date (or with a broken one) is in no bucket.
TEST(Facets, DateFacetBucketsTheDateSlotInDateOrder) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* date :
       {"20231231", "20240101", "20240102", "20240215", "20240215", "", "2024x"}) {
    Xapian::Document doc;
    if (*date) doc.add_value(schema::kSlotDate, date);
    db.add_document(doc);
  }
  auto count = [&](Interval interval) {
    FacetCounter counter({{"date", 1}}, interval);  // a size does not cut a timeline
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    counter.attach(enquire);
    enquire.get_mset(0, 0, db.get_doccount());
    return counter.result()["date"];
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

}  // namespace
}  // namespace newsdex::searchd
