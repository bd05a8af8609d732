// The `newsdex` command line against the real newsdex-searchd over an index built by the real
// newsdex-indexer: human output, filters, --json, both transports, config and env, exit codes.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "client_processes.hpp"
#include "test_support.hpp"

namespace newsdex {
namespace {

using nlohmann::json;
using testing::ProcessResult;
using testing::TempDir;
using testing::write_file;

std::string repeated(std::string_view text, int times) {
  std::string out;
  while (times-- > 0) out += text;
  return out;
}

// Five articles: two about a budget (2021 and 2023), one in Russian, one HTML, one about wheat.
void write_corpus(const std::filesystem::path& docs) {
  write_file(
      docs / "politics/budget.txt",
      "Parliament approves the new budget\n"
      "February 9, 2021\n"
      "By Amina Rahman\n\n"
      "The parliament in Baku approved the budget on Tuesday after a long debate. President "
      "Ilham Aliyev said the spending plan recognises the needs of the regions and funds new "
      "schools and hospitals.\n\n" +
          // Long enough (with the rest of the record) for the server to gzip the doc reply.
          repeated("Deputies from every district spoke in turn, and the session ran late into "
                   "the evening while observers in the gallery followed each amendment closely. ",
                   8) +
          "The session closed before midnight.\n");
  write_file(docs / "business/deficit.txt",
             "Budget deficit narrows as exports recover\n"
             "May 4, 2023\n"
             "By Omar Farooq\n\n"
             "The budget deficit narrowed in the first quarter as exports of wheat and cotton "
             "recovered, the Ministry of Finance said in Karachi on Thursday.\n");
  write_file(docs / "world/army.txt",
             "Министр обороны посетил части армии\n"
             "24.11.2021\n\n"
             "Министр обороны встретился с командирами армии и обсудил подготовку войск к зиме. "
             "По словам министра, армия получит новое снаряжение до конца года.\n");
  write_file(docs / "world/harbour.html",
             "<html lang=\"en\"><head><title>Harbour reopens after storm</title>"
             "<meta name=\"author\" content=\"Lena Novak\"><meta name=\"date\" "
             "content=\"2022-03-14\"></head><body><article><p>The harbour in Gdansk reopened on "
             "Monday after the storm damaged two piers, the port authority said.</p></article>"
             "</body></html>");
  write_file(docs / "business/wheat.md",
             "# Wheat prices climb for a third week\n\n"
             "2023-05-02\n\n"
             "Wheat prices climbed for a third week as exports slowed and traders in Chicago "
             "waited for the harvest forecast.\n");
}

// A loopback port with nothing listening on it.
std::string closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return std::to_string(ntohs(address.sin_port));
}

std::size_t lines_in(const std::string& text) {
  return static_cast<std::size_t>(std::ranges::count(text, '\n'));
}

class ClientCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    write_corpus(*tmp_ / "docs");
    const auto indexer = (testing::binary_dir() / "indexer/newsdex-indexer").string();
    auto indexed = testing::run_process({indexer, "--once", "--docs", (*tmp_ / "docs").string(),
                                         "--index", (*tmp_ / "index").string()},
                                        tmp_->path());
    ASSERT_EQ(indexed.code, 0) << indexed.out << indexed.err;
    server_ =
        new testing::SearchServer(*tmp_ / "index", *tmp_ / "searchd.sock", *tmp_ / "searchd.log");
  }
  static void TearDownTestSuite() {
    delete server_;
    delete tmp_;
  }

  // Runs `newsdex ARGS...` with a clean environment (no color, server or config variables).
  ProcessResult newsdex(std::vector<std::string> args,
                        std::map<std::string, std::optional<std::string>> env = {}) {
    args.insert(args.begin(), (testing::binary_dir() / "client/newsdex").string());
    for (const char* name : {"NO_COLOR", "NEWSDEX_SERVER", "NEWSDEX_CONFIG", "NEWSDEX_API_KEY"})
      env.try_emplace(name, std::nullopt);
    return testing::run_process(std::move(args), scratch_.path(), env);
  }
  ProcessResult search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--server", server_->url()});
    return newsdex(std::move(args));
  }
  json search_json(std::vector<std::string> args) {
    args.push_back("--json");
    auto result = search(std::move(args));
    EXPECT_LE(result.code, 1) << result.err;
    return json::parse(result.out);
  }

  static inline TempDir* tmp_ = nullptr;
  static inline testing::SearchServer* server_ = nullptr;
  TempDir scratch_;
};

TEST_F(ClientCli, SearchPrintsNumberedHitsWithTheirMetadata) {
  auto result = search({"budget"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_NE(result.out.find("1. "), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("2. "), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("3. "), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("Parliament approves the new budget"), std::string::npos);
  EXPECT_NE(result.out.find("2021-02-09 · Amina Rahman · en · politics/budget.txt"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("business/deficit.txt"), std::string::npos);
  EXPECT_NE(result.out.find("2 results"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(" ms)"), std::string::npos) << result.out;
  // Not a terminal: the snippet's highlight tags are gone and no ANSI codes are written.
  EXPECT_NE(result.out.find("approved the budget on Tuesday"), std::string::npos) << result.out;
  EXPECT_EQ(result.out.find("<mark>"), std::string::npos);
  EXPECT_EQ(result.out.find('\x1b'), std::string::npos);
}

TEST_F(ClientCli, JsonPrintsTheServersReplyForScripts) {
  auto result = search({"budget", "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  auto reply = json::parse(result.out);
  EXPECT_EQ(reply["total"]["value"], 2);
  ASSERT_EQ(reply["hits"].size(), 2u);
  // Unchanged means still highlighted the way the server sends it.
  EXPECT_NE(result.out.find("<mark>"), std::string::npos);
  EXPECT_EQ(lines_in(result.out), 1u);
}

TEST_F(ClientCli, FiltersNarrowTheResults) {
  auto dated = search_json({"budget", "--from", "2022-01-01"});
  ASSERT_EQ(dated["hits"].size(), 1u);
  EXPECT_EQ(dated["hits"][0]["path"], "business/deficit.txt");

  auto until = search_json({"budget", "--to", "2021-12-31"});
  ASSERT_EQ(until["hits"].size(), 1u);
  EXPECT_EQ(until["hits"][0]["path"], "politics/budget.txt");

  auto russian = search_json({"армия", "--lang", "ru"});
  ASSERT_EQ(russian["hits"].size(), 1u);
  EXPECT_EQ(russian["hits"][0]["path"], "world/army.txt");
  EXPECT_EQ(search({"армия", "--lang", "en"}).code, 1);

  auto desk = search_json({"--folder", "business"});
  EXPECT_EQ(desk["total"]["value"], 2);
  for (const auto& hit : desk["hits"])
    EXPECT_TRUE(hit["path"].get<std::string>().starts_with("business/"));
}

TEST_F(ClientCli, EntityFiltersMatchTheirFacetCounts) {
  auto faceted = search_json({"--facets"});
  int checked = 0;
  for (const char* facet : {"person", "org", "place"}) {
    const auto& buckets = faceted["facets"].value(facet, json::array());
    if (buckets.empty()) continue;
    const auto value = buckets[0]["value"].get<std::string>();
    auto filtered = search_json({std::string("--") + facet, value});
    EXPECT_EQ(filtered["total"]["value"], buckets[0]["count"]) << facet << " " << value;
    ++checked;
  }
  EXPECT_GT(checked, 0) << "no entity facets in " << faceted["facets"].dump();
}

TEST_F(ClientCli, FacetsAreListedCompactly) {
  auto result = search({"--facets"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.out.find("Facets\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("  languages: en (4), ru (1)\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("  years: "), std::string::npos) << result.out;
}

TEST_F(ClientCli, TimelinePrintsABarPerBucketOfAllMatches) {
  auto result = search({"--timeline", "year", "--limit", "1"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out.find("Facets\n"), std::string::npos) << result.out;
  EXPECT_NE(
      result.out.find("Timeline\n  2021       " + std::string(40, '#') + " 2\n  2022       " +
                      std::string(20, '#') + " 1\n  2023       " + std::string(40, '#') + " 2\n"),
      std::string::npos)
      << result.out;
  auto months = search_json({"budget", "--timeline", "month"});
  EXPECT_EQ(months["facets"]["date"],
            json::parse(R"([{"value": "2021-02", "count": 1}, {"value": "2023-05", "count": 1}])"));
  EXPECT_EQ(search({"--timeline", "quarter"}).code, 2);
}

TEST_F(ClientCli, SimilarAndRelatedListADocumentsNeighbours) {
  auto similar = newsdex({"similar", "business/deficit.txt", "--server", server_->url()});
  ASSERT_EQ(similar.code, 0) << similar.err;
  EXPECT_NE(similar.out.find("1. "), std::string::npos) << similar.out;
  EXPECT_NE(similar.out.find("similar documents for business/deficit.txt\n"), std::string::npos)
      << similar.out;
  EXPECT_EQ(similar.out.find("Budget deficit narrows"), std::string::npos) << "never itself";
  auto one = newsdex({"similar", "business/deficit.txt", "--limit", "1", "--json", "--socket",
                      server_->socket().string()});
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_EQ(json::parse(one.out)["hits"].size(), 1u) << one.out;
  auto related = newsdex({"related", "politics/budget.txt", "--server", server_->url()});
  EXPECT_LE(related.code, 1) << related.err;
  EXPECT_NE(related.out.find(" related document"), std::string::npos) << related.out;
  auto missing = newsdex({"related", "politics/none.txt", "--server", server_->url()});
  EXPECT_EQ(missing.code, 1);
  EXPECT_EQ(lines_in(missing.err), 1u) << missing.err;
  EXPECT_EQ(newsdex({"similar", "business/deficit.txt", "--limit", "0"}).code, 2);
}

TEST_F(ClientCli, PagesAreNumberedFromTheirOffset) {
  auto first = search_json({"budget", "--limit", "1"});
  auto second = search({"budget", "--limit", "1", "--page", "2"});
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_NE(second.out.find("2. "), std::string::npos) << second.out;
  EXPECT_EQ(second.out.find("1. "), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("showing 2-2"), std::string::npos) << second.out;
  EXPECT_EQ(second.out.find(first["hits"][0]["path"].get<std::string>()), std::string::npos);
}

TEST_F(ClientCli, SortByDateOrdersTheHits) {
  auto newest = search_json({"--sort=-date"});
  auto oldest = search_json({"--sort", "date"});
  ASSERT_EQ(newest["hits"].size(), 5u);
  std::vector<std::string> dates, reversed;
  for (const auto& hit : newest["hits"]) dates.push_back(hit["date"]);
  for (const auto& hit : oldest["hits"])
    reversed.insert(reversed.begin(), hit["date"].get<std::string>());
  EXPECT_TRUE(std::ranges::is_sorted(dates, std::greater<>()));
  EXPECT_EQ(dates, reversed);
}

TEST_F(ClientCli, NoResultsExitsOneWithAMessage) {
  auto result = search({"xylophonequartz"});
  EXPECT_EQ(result.code, 1);
  EXPECT_EQ(lines_in(result.err), 1u) << result.err;
  EXPECT_NE(result.err.find("no results"), std::string::npos) << result.err;
  EXPECT_NE(result.out.find("0 results"), std::string::npos) << result.out;
}

TEST_F(ClientCli, UsageErrorsExitTwoWithOneLine) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {},
           {"search", "budget", "--no-such-flag"},
           {"search", "budget", "--sort", "sideways"},
           {"search", "budget", "--limit", "0"},
           {"doc"},
           {"search", "budget", "--server", "ftp://example.org"},
           {"search", "budget", "--server", server_->url(), "--from", "last tuesday"},
       }) {
    auto result = newsdex(args);
    EXPECT_EQ(result.code, 2) << ::testing::PrintToString(args) << result.err;
    EXPECT_EQ(lines_in(result.err), 1u) << ::testing::PrintToString(args) << result.err;
  }
}

TEST_F(ClientCli, HelpExitsZero) {
  for (const auto& args : std::vector<std::vector<std::string>>{{"--help"},
                                                                {"search", "--help"},
                                                                {"doc", "--help"},
                                                                {"similar", "--help"},
                                                                {"related", "--help"},
                                                                {"versions", "--help"},
                                                                {"watch", "--help"},
                                                                {"stats", "--help"},
                                                                {"health", "--help"}}) {
    auto result = newsdex(args);
    EXPECT_EQ(result.code, 0) << ::testing::PrintToString(args);
    EXPECT_NE(result.out.find("Usage:"), std::string::npos);
  }
  EXPECT_NE(newsdex({"search", "--help"}).out.find("--person"), std::string::npos);
  EXPECT_NE(newsdex({"search", "--help"}).out.find("--all-versions"), std::string::npos);
  EXPECT_NE(newsdex({"watch", "--help"}).out.find("--person"), std::string::npos);
  EXPECT_NE(newsdex({"--help"}).out.find("versions"), std::string::npos);
}

TEST_F(ClientCli, UnreachableServerExitsThree) {
  auto refused = newsdex({"search", "budget", "--server", "http://127.0.0.1:" + closed_port()});
  EXPECT_EQ(refused.code, 3);
  EXPECT_EQ(lines_in(refused.err), 1u) << refused.err;
  EXPECT_NE(refused.err.find("cannot reach"), std::string::npos) << refused.err;

  auto no_socket = newsdex({"stats", "--socket", (scratch_ / "absent.sock").string()});
  EXPECT_EQ(no_socket.code, 3);
  EXPECT_EQ(lines_in(no_socket.err), 1u) << no_socket.err;
}

TEST_F(ClientCli, TheUnixSocketGivesTheSameAnswers) {
  auto over_http = search_json({"budget"});
  auto result = newsdex({"search", "budget", "--socket", server_->socket().string(), "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  auto over_socket = json::parse(result.out);
  EXPECT_EQ(over_socket["hits"], over_http["hits"]);

  auto human = newsdex({"--socket", server_->socket().string(), "search", "budget"});
  EXPECT_EQ(human.code, 0) << human.err;
  EXPECT_NE(human.out.find("Parliament approves the new budget"), std::string::npos);

  auto missing = newsdex({"doc", "no/such.txt", "--socket", server_->socket().string()});
  EXPECT_EQ(missing.code, 1);
  auto bad = newsdex({"search", "x", "--from", "someday", "--socket", server_->socket().string()});
  EXPECT_EQ(bad.code, 2);
}

TEST_F(ClientCli, DocPrintsTheStoredFieldsAndText) {
  auto result = newsdex({"doc", "politics/budget.txt", "--server", server_->url()});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_TRUE(result.out.starts_with("Parliament approves the new budget\n")) << result.out;
  EXPECT_NE(result.out.find("Amina Rahman"), std::string::npos);
  EXPECT_NE(result.out.find("funds new schools and hospitals"), std::string::npos);
  // The reply is over a kilobyte: it came gzipped, and the CLI read it.
  EXPECT_NE(result.out.find("The session closed before midnight."), std::string::npos);

  auto multi = newsdex({"doc", "politics/budget.txt", "--server", server_->url(), "--json"});
  EXPECT_EQ(json::parse(multi.out)["path"], "politics/budget.txt");

  auto missing = newsdex({"doc", "politics/none.txt", "--server", server_->url()});
  EXPECT_EQ(missing.code, 1);
  EXPECT_EQ(lines_in(missing.err), 1u) << missing.err;
}

TEST_F(ClientCli, StatsAndHealth) {
  auto stats = newsdex({"stats", "--server", server_->url()});
  ASSERT_EQ(stats.code, 0) << stats.err;
  EXPECT_NE(stats.out.find("documents: 5\n"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("  ru: 1\n"), std::string::npos) << stats.out;

  auto health = newsdex({"health", "--server", server_->url(), "--json"});
  ASSERT_EQ(health.code, 0) << health.err;
  EXPECT_EQ(json::parse(health.out)["status"], "ok");
}

TEST_F(ClientCli, TheServerComesFromEnvironmentOrConfig) {
  auto from_env = newsdex({"health"}, {{"NEWSDEX_SERVER", server_->url()}});
  EXPECT_EQ(from_env.code, 0) << from_env.err;

  const auto port = server_->url().substr(server_->url().rfind(':') + 1);
  const auto config = scratch_ / "newsdex.toml";
  write_file(config, "[server]\nlisten = \"0.0.0.0:" + port + "\"\n");
  auto from_flag = newsdex({"--config", config.string(), "search", "harbour"});
  EXPECT_EQ(from_flag.code, 0) << from_flag.err;
  EXPECT_NE(from_flag.out.find("Harbour reopens after storm"), std::string::npos);
  auto from_config_env = newsdex({"health"}, {{"NEWSDEX_CONFIG", config.string()}});
  EXPECT_EQ(from_config_env.code, 0) << from_config_env.err;

  // Flags win over the environment.
  auto flag_wins = newsdex({"health", "--server", "http://127.0.0.1:" + closed_port()},
                           {{"NEWSDEX_SERVER", server_->url()}});
  EXPECT_EQ(flag_wins.code, 3);
  auto bad_config = newsdex({"health", "--config", (scratch_ / "missing.toml").string()});
  EXPECT_EQ(bad_config.code, 2) << bad_config.err;
}

TEST_F(ClientCli, MatchesAreBoldOnATerminalUnlessNoColor) {
  const auto binary = (testing::binary_dir() / "client/newsdex").string();
  auto colored = testing::run_on_terminal({binary, "search", "harbour", "--server", server_->url()},
                                          {{"NO_COLOR", std::nullopt}});
  EXPECT_EQ(colored.code, 0) << colored.out;
  EXPECT_NE(colored.out.find("\x1b[1mharbour\x1b[22m"), std::string::npos) << colored.out;

  auto plain = testing::run_on_terminal({binary, "search", "harbour", "--server", server_->url()},
                                        {{"NO_COLOR", "1"}});
  EXPECT_EQ(plain.code, 0) << plain.out;
  EXPECT_EQ(plain.out.find('\x1b'), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find("Harbour reopens after storm"), std::string::npos) << plain.out;
}

// A story and its writethru: one result "(1 other version)", `newsdex versions` lists both with the
// words changed, and --all-versions shows each.
TEST(ClientCliVersions, CollapsedHitsAndTheVersionsCommand) {
  TempDir tmp;
  const std::string body =
      "The ferry between Port Alder and Skarvik resumed on Friday after a week of repairs to its "
      "engine, the operator said. Captain Mara Holt said the crossing would run every two hours "
      "until the summer timetable starts. Passengers queued from dawn at the harbour gate, and "
      "the first crossing left ten minutes late.";
  write_file(tmp / "docs/wire/ferry.txt", "Ferry service resumes\nJune 1, 2024\n\n" + body + "\n");
  write_file(tmp / "docs/wire/ferry-2.txt", "Ferry service resumes\nJune 2, 2024\n\n" + body +
                                                " Freight bookings reopen on Monday.\n");
  const auto indexer = (testing::binary_dir() / "indexer/newsdex-indexer").string();
  auto indexed = testing::run_process(
      {indexer, "--once", "--docs", (tmp / "docs").string(), "--index", (tmp / "index").string()},
      tmp.path());
  ASSERT_EQ(indexed.code, 0) << indexed.out << indexed.err;
  testing::SearchServer server(tmp / "index", tmp / "searchd.sock", tmp / "searchd.log");
  auto newsdex = [&](std::vector<std::string> args) {
    args.insert(args.begin(), (testing::binary_dir() / "client/newsdex").string());
    args.insert(args.end(), {"--server", server.url()});
    return testing::run_process(std::move(args), tmp.path(), {{"NO_COLOR", std::nullopt}});
  };

  const auto search = newsdex({"search", "ferry"});
  ASSERT_EQ(search.code, 0) << search.err;
  EXPECT_NE(search.out.find("1. Ferry service resumes (1 other version)\n"), std::string::npos)
      << search.out;
  EXPECT_EQ(search.out.find("2. "), std::string::npos) << search.out;

  const auto all = newsdex({"search", "ferry", "--all-versions"});
  EXPECT_NE(all.out.find("2. Ferry service resumes\n"), std::string::npos) << all.out;

  const auto versions = newsdex({"versions", "wire/ferry.txt"});
  ASSERT_EQ(versions.code, 0) << versions.err;
  EXPECT_EQ(versions.out,
            "1. Ferry service resumes\n"
            "   2024-06-02 · en · wire/ferry-2.txt\n"
            "   + Freight bookings reopen on Monday.\n\n"
            "2. Ferry service resumes (the one asked for)\n"
            "   2024-06-01 · en · wire/ferry.txt\n"
            "   the oldest version\n\n"
            "2 versions\n");

  const auto missing = newsdex({"versions", "wire/none.txt"});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("no document with id 'wire/none.txt'"), std::string::npos)
      << missing.err;
}

}  // namespace
}  // namespace newsdex
