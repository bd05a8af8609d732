// Related coverage through the real indexer and server, on a small invented corpus:
// /documents/{id}/similar finds the story worded like the canal story first and never the French
// one that shares its place names (the document's languages only), and /related ranks the story
// sharing a rare person above stories sharing two common organisations, and leaves out stories
// sharing nothing; both exclude the document itself, honour limit, and refuse bad requests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "searchd_support.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

constexpr const char* kCanal =
    "Canal dredging to start at Velmora\nMarch 3, 2024\n\n"
    "Transport Minister Mara Holt said on Monday that dredging of the Ostrin canal at Velmora "
    "will start in April. The Ministry of Transport will pay for the work, and the Harbour "
    "Pilots Association warned that silt has left the canal too shallow for grain barges. "
    "Dredgers will remove the silt along the whole channel before the barges return.\n";

// Mara Holt again, on another subject in other words: shares only a rare person.
constexpr const char* kSchools =
    "Holt presents school plan\nMarch 10, 2024\n\n"
    "Transport Minister Mara Holt presented a plan for new schools in the northern districts on "
    "Thursday. Holt said teachers would be paid more from next year.\n";

// The canal story's words, no names: the nearest in wording, and sharing no entity.
constexpr const char* kSilt =
    "Why shallow canals need dredging\nFebruary 2, 2024\n\n"
    "Silt settles wherever a canal runs slowly, and a shallow canal turns grain barges away. "
    "Dredgers lift the silt from the channel so that barges can pass; without dredging a canal "
    "silts up within a few years.\n";

// The canal story in French: its place names are the same stems in either language.
constexpr const char* kFrench =
    "Dragage du canal d'Ostrin\n4 mars 2024\n\n"
    "Le dragage du canal d'Ostrin à Velmora commencera en avril. Le limon rend le canal d'Ostrin "
    "trop peu profond pour les barges de céréales de Velmora, et les dragueurs vont nettoyer tout "
    "le chenal avant le retour des barges.\n";

// Stories naming the two common organisations (and nothing of the canal's wording).
std::string common_story(int n, const char* subject) {
  return std::string(subject) + " timetable " + std::to_string(n) + "\nJanuary " +
         std::to_string(n + 10) + ", 2024\n\nThe Ministry of Transport published a new " + subject +
         " timetable on Friday after long talks with the Harbour Pilots Association.\n";
}

// Everyday council news: it makes the function words ("the", "that", "said") and the two
// organisations as common as they are in a real index, so neither tells stories apart.
std::string council_story(int n) {
  return "Council notes " + std::to_string(n) + "\nApril " + std::to_string(n) +
         ", 2023\n\nThe Ministry of Transport said that it will meet the Harbour Pilots "
         "Association at the town hall on Monday to talk about the plan for the year, and the "
         "mayor said the plan is in order and will be ready in time.\n";
}

class CoverageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    const auto docs = dir_->path() / "docs";
    testing::write_file(docs / "ports/canal.txt", kCanal);
    testing::write_file(docs / "politics/schools.txt", kSchools);
    testing::write_file(docs / "science/silt.txt", kSilt);
    testing::write_file(docs / "fr/canal.txt", kFrench);
    const char* subjects[] = {"ferry", "pilot", "tug", "berth"};
    for (int i = 0; i < 4; ++i)
      testing::write_file(docs / ("transport/" + std::string(subjects[i]) + ".txt"),
                          common_story(i + 1, subjects[i]));
    for (int n = 1; n <= 12; ++n)
      testing::write_file(docs / ("council/notes" + std::to_string(n) + ".txt"), council_story(n));
    testing::write_file(docs / "sport/derby.txt",
                        "Derby ends level\nMarch 5, 2024\n\nCoach Ilse Varnek watched her side "
                        "draw the derby after a late goal on Saturday.\n");
    testing::write_file(docs / "weather/frost.txt",
                        "Frost expected\nMarch 6, 2024\n\nForecasters expect frost in the hills "
                        "tonight and a mild afternoon tomorrow.\n");
    testing::index_documents(docs, dir_->path() / "index");
    Config config;
    config.paths.index = dir_->path() / "index";
    config.server.socket = (dir_->path() / "s.sock").string();
    config.server.max_related_limit = 20;
    server_ = new testing::RunningServer(config);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  static json get(const std::string& target, int status = 200) {
    const auto reply = testing::http(server_->port(), "GET", target);
    EXPECT_EQ(reply.status, status) << target << ": " << reply.body;
    return reply.json();
  }

  static std::vector<std::string> ids(const json& reply) {
    std::vector<std::string> out;
    for (const json& hit : reply["hits"]) out.push_back(hit["id"].get<std::string>());
    return out;
  }

  static testing::TempDir* dir_;
  static testing::RunningServer* server_;
};

testing::TempDir* CoverageTest::dir_ = nullptr;
testing::RunningServer* CoverageTest::server_ = nullptr;

bool holds(const std::vector<std::string>& list, const std::string& id) {
  return std::ranges::find(list, id) != list.end();
}

TEST_F(CoverageTest, SimilarFindsTheSameWordingInTheSameLanguage) {
  const json reply = get("/documents/ports%2Fcanal.txt/similar");
  const auto found = ids(reply);
  ASSERT_FALSE(found.empty()) << reply.dump();
  EXPECT_EQ(found.front(), "science/silt.txt") << reply.dump();
  EXPECT_FALSE(holds(found, "ports/canal.txt")) << "the document itself";
  // The French story shares "ostrin", "velmora" and "canal" but is in another language.
  EXPECT_FALSE(holds(found, "fr/canal.txt")) << reply.dump();
  EXPECT_FALSE(holds(found, "weather/frost.txt"));
  const auto words = reply["words"].get<std::vector<std::string>>();
  EXPECT_TRUE(holds(words, "silt") || holds(words, "dredg")) << reply["words"].dump();
  // Hits are search hits: title, date, entities, and a short summary.
  const json& first = reply["hits"][0];
  EXPECT_EQ(first["title"], "Why shallow canals need dredging");
  EXPECT_EQ(first["date"], "2024-02-02");
  EXPECT_TRUE(first["entities"].is_object());
  EXPECT_FALSE(first["snippet"].get<std::string>().empty());
}

TEST_F(CoverageTest, RelatedRanksRareSharedEntitiesFirst) {
  const json reply = get("/documents/ports%2Fcanal.txt/related");
  const auto found = ids(reply);
  ASSERT_GE(found.size(), 5u) << reply.dump();
  // One rare person outweighs two organisations that most stories name; among equals the newest
  // come first (the timetables, then the older council notes).
  EXPECT_EQ(found.front(), "politics/schools.txt") << reply.dump();
  EXPECT_EQ(reply["hits"][0]["shared"]["person"], json::array({"Mara Holt"})) << reply.dump();
  for (const char* common :
       {"transport/ferry.txt", "transport/pilot.txt", "transport/tug.txt", "transport/berth.txt"})
    EXPECT_TRUE(holds(found, common)) << common << ": " << reply.dump();
  EXPECT_GT(reply["hits"][0]["score"].get<double>(), reply["hits"][1]["score"].get<double>());
  // Nothing shared, nothing related: the wording alone does not count here.
  for (const char* unrelated :
       {"ports/canal.txt", "science/silt.txt", "sport/derby.txt", "weather/frost.txt"})
    EXPECT_FALSE(holds(found, unrelated)) << unrelated << ": " << reply.dump();
}

TEST_F(CoverageTest, LimitAndNdjson) {
  EXPECT_EQ(get("/documents/ports%2Fcanal.txt/related?limit=2")["hits"].size(), 2u);
  const auto lines = testing::ndjson(
      dir_->path() / "s.sock",
      {R"({"op": "related", "doc": "ports/canal.txt", "limit": 1, "id": 3})",
       R"({"op": "similar", "doc": "ports/canal.txt"})", R"({"op": "similar", "doc": "nope.txt"})",
       R"({"op": "related", "doc": "ports/canal.txt", "limit": 0})"});
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0]["status"], 200) << lines[0].dump();
  EXPECT_EQ(lines[0]["id"], 3);
  EXPECT_EQ(lines[0]["hits"][0]["id"], "politics/schools.txt");
  EXPECT_EQ(lines[1]["hits"][0]["id"], "science/silt.txt") << lines[1].dump();
  EXPECT_EQ(lines[2]["status"], 404);
  EXPECT_EQ(lines[3]["status"], 400);
}

TEST_F(CoverageTest, UnknownDocumentsAre404AndBadParameters400) {
  for (const char* kind : {"similar", "related"}) {
    const std::string base = std::string("/documents/ports%2Fcanal.txt/") + kind;
    const json missing = get(std::string("/documents/no%2Fsuch.txt/") + kind, 404);
    EXPECT_EQ(missing["error"]["code"], "not_found");
    EXPECT_EQ(get(base + "?limit=0", 400)["error"]["message"],
              "field 'limit' must be an integer from 1 to 20");
    get(base + "?limit=21", 400);
    get(base + "?limit=ten", 400);
    get(base + "?limit=2&limit=3", 400);
    EXPECT_EQ(get(base + "?size=3", 400)["error"]["code"], "unknown_field");
    get(std::string("/documents//") + kind, 400);
  }
  // The document itself is still there under its own path.
  EXPECT_EQ(get("/documents/ports%2Fcanal.txt")["title"], "Canal dredging to start at Velmora");
}

}  // namespace
}  // namespace newsdex::searchd
