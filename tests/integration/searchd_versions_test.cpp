// Wire-story versions through the real indexer and server: a rewritten copy of a story collapses
// into one hit with "versions": 1, /documents/{id}/versions lists both newest first with a word
// diff, an unrelated story stays apart, and a group outlives the deletion of its original.
#include <gtest/gtest.h>
#include <xapian.h>

#include <thread>

#include "daemon.hpp"
#include "index_probe.hpp"
#include "indexer_runs.hpp"
#include "searchd_support.hpp"

namespace newsdex {
namespace {

using nlohmann::json;
using testing::http;
using testing::write_file;

const std::string kOriginal =
    "Venlo harbour reopens after the storm\nMarch 3, 2024\n\n"
    "The harbour of Venlo reopened on Sunday after three days of closure, the port authority said. "
    "Harbour master Mara Holt told reporters that the outer breakwater had held but that two "
    "loading cranes were damaged by the wind. Ferries to Kessel Island will run on a reduced "
    "timetable until Wednesday. Fishing boats were allowed to leave at dawn, and the first cargo "
    "ship is expected on Monday morning. The authority estimates the repair bill at four million "
    "euros. Local traders said the closure had cost them a week of sales.\n";

// A writethru: the same story a day later with two sentences changed and one added.
const std::string kRewrite =
    "Venlo harbour reopens after the storm\nMarch 4, 2024\n\n"
    "The harbour of Venlo reopened on Sunday after three days of closure, the port authority said. "
    "Harbour master Mara Holt told reporters that the outer breakwater had held but that two "
    "loading cranes were damaged by the wind. Ferries to Kessel Island will run on a normal "
    "timetable from Tuesday. Fishing boats were allowed to leave at dawn, and the first cargo "
    "ship is expected on Monday morning. The authority now estimates the repair bill at six "
    "million euros. Local traders said the closure had cost them a week of sales. Insurers "
    "have sent assessors to the damaged quays.\n";

const std::string kUnrelated =
    "Council approves new tram line\nMarch 4, 2024\n\n"
    "The city council of Dornholm voted on Thursday to build a tram line from the railway station "
    "to the university, ending a debate that lasted two years. Councillor Ivo Brandt said the "
    "line would carry twelve thousand passengers a day once it opens. Work starts in the autumn "
    "and the first trams should run by the end of next year. Opponents had argued for a bus lane "
    "along the harbour road instead, which they called cheaper and quicker to build.\n";

json hits_of(const testing::HttpReply& reply) {
  return reply.json()["hits"];
}

json hit_with_id(const json& hits, const std::string& id) {
  for (const auto& hit : hits)
    if (hit["id"] == id) return hit;
  return nullptr;
}

class VersionsThroughServer : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(config.paths.docs / "wire/harbour.txt", kOriginal);
    write_file(config.paths.docs / "wire/harbour-update.txt", kRewrite);
    write_file(config.paths.docs / "desk/tram.txt", kUnrelated);
    testing::age_files(config.paths.docs);
    testing::index_once_checked(config);
    config.server.socket = (dir.path() / "ndjson.sock").string();
    server = std::make_unique<testing::RunningServer>(config);
  }

  testing::TempDir dir;
  Config config = testing::config_in(dir.path());
  std::unique_ptr<testing::RunningServer> server;
};

TEST_F(VersionsThroughServer, RewriteCollapsesIntoOneHitAndUnrelatedStaysApart) {
  const auto reply = http(server->port(), "GET", "/search?q=harbour&facets=folder");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json hits = hits_of(reply);
  ASSERT_EQ(hits.size(), 2u) << hits.dump(1);
  // Relevance picks which version stands for the group; either way the other is counted.
  json story = hit_with_id(hits, "wire/harbour-update.txt");
  if (story.is_null()) story = hit_with_id(hits, "wire/harbour.txt");
  ASSERT_FALSE(story.is_null()) << hits.dump(1);
  EXPECT_EQ(story["versions"], 1);
  EXPECT_EQ(hit_with_id(hits, "desk/tram.txt")["versions"], 0);
  // Totals count hits after collapsing; facets count every matching document.
  EXPECT_EQ(reply.json()["total"]["value"], 2);
  const json folders = reply.json()["facets"]["folder"];
  const auto wire =
      std::ranges::find(folders, json("wire"), [](const json& b) { return b["value"]; });
  ASSERT_NE(wire, folders.end()) << reply.body;
  EXPECT_EQ((*wire)["count"], 2) << reply.body;

  const auto all = http(server->port(), "GET", "/search?q=harbour&collapse=false");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(hits_of(all).size(), 3u);
  EXPECT_FALSE(hits_of(all)[0].contains("versions"));

  EXPECT_EQ(http(server->port(), "GET", "/search?q=harbour&collapse=maybe").status, 400);
  // Sorted by date, the group is shown by its first member in that order.
  const json newest = hits_of(http(server->port(), "GET", "/search?q=ferries&sort=-date"));
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(newest[0]["id"], "wire/harbour-update.txt");
  const json oldest = hits_of(http(server->port(), "GET", "/search?q=ferries&sort=date"));
  ASSERT_EQ(oldest.size(), 1u);
  EXPECT_EQ(oldest[0]["id"], "wire/harbour.txt");
  // `fields` selects it as any other part of a hit; still one hit per group.
  const auto titles = http(server->port(), "GET", "/search?q=harbour&fields=title");
  ASSERT_EQ(hits_of(titles).size(), 2u);
  EXPECT_FALSE(hits_of(titles)[0].contains("versions"));
  const auto counted = http(server->port(), "GET", "/search?q=harbour&fields=versions");
  for (const auto& hit : hits_of(counted)) EXPECT_EQ(hit.size(), 2u) << hit.dump();
}

TEST_F(VersionsThroughServer, TheVersionCountIsOfMatchingVersions) {
  // Only the rewrite holds "insurers": its group has no other matching version.
  const auto reply = http(server->port(), "GET", "/search?q=insurers");
  ASSERT_EQ(reply.status, 200);
  ASSERT_EQ(hits_of(reply).size(), 1u);
  EXPECT_EQ(hits_of(reply)[0]["id"], "wire/harbour-update.txt");
  EXPECT_EQ(hits_of(reply)[0]["versions"], 0);
}

TEST_F(VersionsThroughServer, VersionsListsTheGroupNewestFirstWithADiff) {
  for (const std::string id : {"wire/harbour.txt", "wire%2Fharbour-update.txt"}) {
    const auto reply = http(server->port(), "GET", "/documents/" + id + "/versions");
    ASSERT_EQ(reply.status, 200) << reply.body;
    const json body = reply.json();
    EXPECT_EQ(body["total"], 2);
    EXPECT_EQ(body["truncated"], false);
    const json& versions = body["versions"];
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[0]["id"], "wire/harbour-update.txt");  // dated a day later
    EXPECT_EQ(versions[0]["date"], "2024-03-04");
    EXPECT_EQ(versions[1]["id"], "wire/harbour.txt");
    EXPECT_EQ(versions[1]["diff"], nullptr);  // the oldest has nothing to compare with
    EXPECT_EQ(versions[0]["diff_against"], "wire/harbour.txt");
    EXPECT_EQ(versions[0]["diff_complete"], true);
    std::string removed, inserted;
    for (const auto& part : versions[0]["diff"]) {
      if (part["op"] == "-") removed += part["text"].get<std::string>() + "|";
      if (part["op"] == "+") inserted += part["text"].get<std::string>() + "|";
    }
    EXPECT_EQ(removed, "reduced|until Wednesday.|four|") << versions[0]["diff"].dump(1);
    EXPECT_EQ(inserted,
              "normal|from Tuesday.|now|six|Insurers have sent assessors to the damaged quays.|");
  }
  const auto current = http(server->port(), "GET", "/documents/wire/harbour.txt/versions").json();
  EXPECT_EQ(current["versions"][1]["current"], true);
  EXPECT_EQ(current["versions"][0]["current"], false);

  const auto single = http(server->port(), "GET", "/documents/desk/tram.txt/versions").json();
  ASSERT_EQ(single["versions"].size(), 1u);
  EXPECT_EQ(single["versions"][0]["id"], "desk/tram.txt");

  const auto unknown = http(server->port(), "GET", "/documents/wire/nowhere.txt/versions");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.json()["error"]["code"], "not_found");
  // The document itself still answers on its own path.
  EXPECT_EQ(http(server->port(), "GET", "/documents/wire/harbour.txt").status, 200);
  const std::string metrics = http(server->port(), "GET", "/metrics").body;
  EXPECT_NE(metrics.find("endpoint=\"versions\""), std::string::npos) << metrics;
}

TEST_F(VersionsThroughServer, ListingAndDiffLimitsComeFromTheConfig) {
  server.reset();
  config.versions.max_listed = 1;
  config.versions.diff_max_edits = 3;
  config.versions.collapse = false;
  server = std::make_unique<testing::RunningServer>(config);
  const json body = http(server->port(), "GET", "/documents/wire/harbour.txt/versions").json();
  EXPECT_EQ(body["total"], 2);
  EXPECT_EQ(body["truncated"], true);
  ASSERT_EQ(body["versions"].size(), 1u);
  EXPECT_EQ(body["versions"][0]["id"], "wire/harbour-update.txt");
  EXPECT_EQ(body["versions"][0]["diff_against"], "wire/harbour.txt");  // past the listed ones
  // Nine words changed, three allowed: the changed middle as one removal and one insertion.
  EXPECT_EQ(body["versions"][0]["diff_complete"], false);
  // (The rewrite ends with an added sentence, so there is no common tail.)
  const json& diff = body["versions"][0]["diff"];
  ASSERT_EQ(diff.size(), 3u) << body.dump(1);
  EXPECT_EQ(diff[0]["op"], "=");
  EXPECT_EQ(diff[1]["op"], "-");
  EXPECT_EQ(diff[2]["op"], "+");
  // collapse = false in the config: every version is a hit unless a request asks to collapse.
  EXPECT_EQ(hits_of(http(server->port(), "GET", "/search?q=harbour")).size(), 3u);
  EXPECT_EQ(hits_of(http(server->port(), "GET", "/search?q=harbour&collapse=true")).size(), 2u);
}

TEST_F(VersionsThroughServer, NdjsonVersionsOp) {
  const auto replies = testing::ndjson(
      config.server.socket,
      {R"({"id": 1, "op": "versions", "doc": "wire/harbour-update.txt"})",
       R"({"id": 2, "op": "versions", "doc": "wire/none.txt"})", R"({"id": 3, "op": "versions"})",
       R"({"id": 4, "op": "versions", "doc": "a", "x": 1})"});
  ASSERT_EQ(replies.size(), 4u);
  EXPECT_EQ(replies[0]["status"], 200);
  EXPECT_EQ(replies[0]["versions"].size(), 2u);
  EXPECT_EQ(replies[1]["status"], 404);
  EXPECT_EQ(replies[2]["status"], 400);
  EXPECT_EQ(replies[3]["status"], 400);
}

// [versions] enabled = false, or bodies under min_words: no signature, no group, never collapsed.
TEST(VersionsConfig, DisabledOrShortBodiesAreNeverGrouped) {
  for (const bool enabled : {false, true}) {
    SCOPED_TRACE(enabled ? "min_words above the bodies" : "disabled");
    testing::TempDir dir;
    Config config = testing::config_in(dir.path());
    config.versions.enabled = enabled;
    config.versions.min_words = 1000;
    write_file(config.paths.docs / "wire/harbour.txt", kOriginal);
    write_file(config.paths.docs / "wire/harbour-update.txt", kRewrite);
    testing::index_once_checked(config);
    Xapian::Database db(config.paths.index.string());
    EXPECT_EQ(db.get_doccount(), 2u);
    EXPECT_EQ(db.allterms_begin("XVG:"), db.allterms_end("XVG:"));
    EXPECT_EQ(db.allterms_begin("XMH:"), db.allterms_end("XMH:"));
    testing::RunningServer server(config);
    const json hits = hits_of(http(server.port(), "GET", "/search?q=harbour"));
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0]["versions"], 0);
    const json listed = http(server.port(), "GET", "/documents/wire/harbour.txt/versions").json();
    EXPECT_EQ(listed["group"], nullptr);
    EXPECT_EQ(listed["total"], 1);
  }
}

// The watching indexer groups a rewrite saved while it runs, and the group outlives its original.
TEST(VersionsLive, ARewriteSavedLaterJoinsAndOutlivesTheOriginal) {
  testing::TempDir dir;
  Config config = testing::config_in(dir.path());
  config.indexer.workers = 2;
  config.indexer.debounce_ms = 30;
  config.indexer.commit_interval_ms = 50;
  write_file(config.paths.docs / "wire/harbour.txt", kOriginal);
  write_file(config.paths.docs / "desk/tram.txt", kUnrelated);
  Daemon daemon(config, nullptr);
  Status status = Ok{};
  std::jthread thread([&] { status = daemon.run(); });
  testing::IndexProbe index(config.paths.index);
  ASSERT_TRUE(index.eventually([](const testing::IndexProbe& p) { return p.documents() == 2; }));
  testing::RunningServer server(config);

  write_file(config.paths.docs / "wire/harbour-update.txt", kRewrite);
  ASSERT_TRUE(index.eventually(
      [](const testing::IndexProbe& p) { return p.count("wire/harbour-update.txt") == 1; }));
  auto hits = hits_of(http(server.port(), "GET", "/search?q=ferries"));
  ASSERT_EQ(hits.size(), 1u) << hits.dump(1);
  EXPECT_EQ(hits[0]["versions"], 1);

  // A renamed version keeps its group (the writer moves documents, values and terms included).
  std::filesystem::rename(config.paths.docs / "wire/harbour.txt",
                          config.paths.docs / "wire/harbour-first.txt");
  ASSERT_TRUE(index.eventually(
      [](const testing::IndexProbe& p) { return p.count("wire/harbour-first.txt") == 1; }));
  hits = hits_of(http(server.port(), "GET", "/search?q=ferries"));
  ASSERT_EQ(hits.size(), 1u) << hits.dump(1);
  EXPECT_EQ(hits[0]["versions"], 1);

  std::filesystem::remove(config.paths.docs / "wire/harbour-first.txt");
  ASSERT_TRUE(index.eventually(
      [](const testing::IndexProbe& p) { return p.count("wire/harbour-first.txt") == 0; }));
  hits = hits_of(http(server.port(), "GET", "/search?q=ferries"));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["id"], "wire/harbour-update.txt");
  EXPECT_EQ(hits[0]["versions"], 0);
  // A third version saved now still finds the group through the remaining member.
  write_file(config.paths.docs / "wire/harbour-final.txt", kRewrite + "The harbour is open.\n");
  ASSERT_TRUE(index.eventually(
      [](const testing::IndexProbe& p) { return p.count("wire/harbour-final.txt") == 1; }));
  const auto versions =
      http(server.port(), "GET", "/documents/wire/harbour-update.txt/versions").json();
  EXPECT_EQ(versions["total"], 2) << versions.dump(1);
  daemon.stop();
  thread.join();
  EXPECT_TRUE(status.ok());
}

}  // namespace
}  // namespace newsdex
