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

}  // namespace
}  // namespace newsdex::searchd
