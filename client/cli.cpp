#include "cli.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>

#include "render.hpp"
#include "search_options.hpp"
#include "terminal_text.hpp"
#include "transport.hpp"

namespace newsdex::client {
namespace {

using nlohmann::json;

struct Flags {
  EndpointFlags endpoint;
  double timeout_seconds = 30;
  bool json = false;
  SearchOptions search;
  std::vector<std::string> query_words;
  std::string document_id;
  std::optional<unsigned> neighbours;  // --limit of similar and related
};

int fail(ExitCode code, std::string_view message) {
  fmt::print(stderr, "newsdex: {}\n", one_line(message));
  return code;
}

void print_raw(std::string_view body) {
  std::fwrite(body.data(), 1, body.size(), stdout);
  if (!body.ends_with('\n')) std::fputc('\n', stdout);
}

// The message of a {"error": {"code", "message"}} reply, or a short description of the body.
std::string error_message(const Reply& reply, const json& body) {
  if (body.is_object() && body.contains("error")) {
    const auto& error = body["error"];
    if (error.is_object() && error.contains("message") && error["message"].is_string())
      return error["message"].get<std::string>();
    if (error.is_string()) return error.get<std::string>();
  }
  return fmt::format("the server answered HTTP {}", reply.status);
}

ExitCode exit_code_for_status(int status, const std::string& op) {
  if (status == 404 && (op == "document" || op == "similar" || op == "related" || op == "versions"))
    return kExitNoResults;
  if (status == 400 || status == 413 || status == 422) return kExitUsage;
  return kExitUnreachable;
}

void add_connection_flags(CLI::App& app, Flags& flags) {
  auto* server = app.add_option("--server", flags.endpoint.server,
                                "Server URL: http://HOST:PORT or unix:PATH (default: "
                                "$NEWSDEX_SERVER, else server.listen from the config)");
  auto* socket =
      app.add_option("--socket", flags.endpoint.socket, "NDJSON unix socket of newsdex-searchd");
  server->excludes(socket);
  app.add_option("--config", flags.endpoint.config,
                 "Config file shared with the daemons (default: $NEWSDEX_CONFIG)");
  app.add_option("--timeout", flags.timeout_seconds, "Seconds to wait for the server")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

// The query and the filters, shared by search and watch.
void add_query_and_filters(CLI::App* command, Flags& flags) {
  auto& search = flags.search;
  command->add_option("QUERY", flags.query_words,
                      "Query text (words, \"phrases\", OR, NOT, field:value); several words "
                      "are joined. Put -- before a query that starts with '-'");
  // Each occurrence takes one value, so `--person A query words` keeps the words as the query.
  auto repeatable = [&](const char* name, std::vector<std::string>& into, const char* help) {
    command->add_option(name, into, help)
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  };
  repeatable("--person", search.persons,
             "Only documents mentioning this person (repeatable: all must match)");
  repeatable("--org", search.orgs,
             "Only documents mentioning this organisation (repeatable: all must match)");
  repeatable("--place", search.places,
             "Only documents mentioning this place (repeatable: all must match)");
  repeatable("--lang", search.langs,
             "Only documents in this language, ISO 639-1 such as en (repeatable: any may match)");
  repeatable("--folder", search.folders,
             "Only documents in this top-level folder (desk) (repeatable: any may match)");
  repeatable("--type", search.types,
             "Only documents of this MIME type, e.g. text/html (repeatable: any may match)");
  command->add_option("--from", search.from, "Only documents dated on or after this (YYYY-MM-DD)");
  command->add_option("--to", search.to, "Only documents dated on or before this (YYYY-MM-DD)");
}

CLI::App* add_search_command(CLI::App& app, Flags& flags) {
  auto& search = flags.search;
  auto* command = app.add_subcommand("search", "Search the index");
  add_query_and_filters(command, flags);
  command
      ->add_option(
          "--sort", search.sort,
          "Order: relevance, date (oldest first) or -date (newest first; write --sort=-date)")
      ->check(CLI::IsMember({"relevance", "date", "-date"}));
  command->add_option("--recency", search.recency,
                      "Favour recent stories: a half-life such as 12h, 7d, 2w or 1y, or off");
  command->add_option("--limit", search.limit, "Hits per page")->check(CLI::PositiveNumber);
  command->add_option("--page", search.page, "Page number, from 1")->check(CLI::PositiveNumber);
  command->add_flag("--exact", search.exact,
                    "Search exactly what was typed, even when only its spelling suggestion "
                    "matches");
  command->add_flag("--all-versions", search.all_versions,
                    "Show every version of a wire story as its own result (by default a story "
                    "sent several times is one result with \"(N other versions)\")");
  command->add_flag("--facets", search.facets,
                    "Also show counts of people, organisations, places, languages and years");
  command
      ->add_option("--timeline", search.timeline,
                   "Also show how many matches each day, week, month or year holds (all "
                   "matches, not only this page)")
      ->check(CLI::IsMember({"day", "week", "month", "year"}));
  return command;
}

// Sends the call and prints the reply; returns the exit code.
// newsdex watch: prints each new, changed or withdrawn match of a saved search as the indexer
// commits it, until interrupted or the server ends the stream.
int watch(const Flags& flags) {
  auto endpoint = resolve_endpoint(flags.endpoint);
  if (!endpoint) return fail(kExitUsage, endpoint.error().message);
  TransportOptions options;
  options.timeout = std::chrono::milliseconds(static_cast<long long>(flags.timeout_seconds * 1000));
  options.api_key = process_env("NEWSDEX_API_KEY").value_or("");
  json params = search_params(flags.search);
  for (const char* unused : {"sort", "recency", "correct", "limit", "offset", "facets"})
    params.erase(unused);  // what matches a saved search does not depend on them
  const RenderOptions render{.color = stdout_wants_color()};
  auto reply = make_transport(*endpoint, options)->watch(params, [&](const json& event) {
    if (flags.json)
      print_raw(event.dump());
    else
      std::fputs(render_event(event, render).c_str(), stdout);
    std::fflush(stdout);
  });
  if (!reply) return fail(kExitUnreachable, reply.error().message);
  if (reply->status != 200) {
    const json body = json::parse(reply->body, nullptr, false);
    return fail(exit_code_for_status(reply->status, "subscribe"), error_message(*reply, body));
  }
  return fail(kExitUnreachable, "the server closed the stream");
}

int execute(const Flags& flags, const Call& call) {
  auto endpoint = resolve_endpoint(flags.endpoint);
  if (!endpoint) return fail(kExitUsage, endpoint.error().message);

  TransportOptions options;
  options.timeout = std::chrono::milliseconds(static_cast<long long>(flags.timeout_seconds * 1000));
  options.api_key = process_env("NEWSDEX_API_KEY").value_or("");
  auto reply = make_transport(*endpoint, options)->call(call);
  if (!reply) return fail(kExitUnreachable, reply.error().message);

  json body = json::parse(reply->body, nullptr, /*allow_exceptions=*/false);
  if (flags.json) print_raw(reply->body);
  if (reply->status >= 400 || body.is_discarded() || (body.is_object() && body.contains("error"))) {
    if (body.is_discarded() && reply->status < 400)
      return fail(kExitUnreachable, "the server's reply is not JSON");
    return fail(exit_code_for_status(reply->status, call.op), error_message(*reply, body));
  }

  const RenderOptions render{.color = stdout_wants_color()};
  if (call.op == "similar" || call.op == "related") {
    if (!flags.json) std::fputs(render_neighbours(body, call.op, render).c_str(), stdout);
    const bool found = body.contains("hits") && body["hits"].is_array() && !body["hits"].empty();
    if (!found)
      return fail(kExitNoResults,
                  fmt::format("no {} documents for \"{}\"", call.op, flags.document_id));
    return kExitResults;
  }
  if (call.op == "search") {
    const bool found = body.contains("hits") && body["hits"].is_array() && !body["hits"].empty();
    if (!flags.json)
      std::fputs(render_search(body, first_hit_number(flags.search), render).c_str(), stdout);
    if (!found)
      return fail(kExitNoResults, fmt::format("no results for \"{}\"", flags.search.query));
    return kExitResults;
  }
  if (!flags.json)
    std::fputs((call.op == "document"   ? render_document(body, render)
                : call.op == "versions" ? render_versions(body, render)
                                        : render_fields(body))
                   .c_str(),
               stdout);
  return kExitResults;
}

}  // namespace

int run_cli(int argc, char** argv) {
  Flags flags;
  CLI::App app("newsdex: search a newsdex index from the command line", "newsdex");
  app.require_subcommand(1);
  add_connection_flags(app, flags);

  auto* search = add_search_command(app, flags);
  auto* doc = app.add_subcommand("doc", "Show one document: its stored fields and text");
  doc->add_option("ID", flags.document_id, "Document id, as in search results")->required();
  auto* similar = app.add_subcommand(
      "similar", "Documents most like one (\"more like this\"), in its languages");
  auto* related = app.add_subcommand(
      "related",
      "Documents sharing the most people, organisations and places with one (the "
      "rarer an entity, the more it counts)");
  for (auto* command : {similar, related}) {
    command->add_option("ID", flags.document_id, "Document id, as in search results")->required();
    command->add_option("--limit", flags.neighbours, "How many documents (server default 10)")
        ->check(CLI::PositiveNumber);
  }
  auto* versions = app.add_subcommand(
      "versions", "Every version of a wire story, newest first, with the words each changed");
  versions->add_option("ID", flags.document_id, "Document id of any of the versions")->required();
  auto* stats = app.add_subcommand("stats", "Index statistics: documents, languages, last commit");
  auto* health = app.add_subcommand("health", "Whether the server is up and can read the index");
  auto* watching = app.add_subcommand(
      "watch",
      "Wait for new and changed documents matching a query (and filters) and print each as the "
      "indexer commits it, until interrupted");
  add_query_and_filters(watching, flags);
  for (auto* command : {search, doc, similar, related, versions, stats, health, watching}) {
    command->fallthrough();  // --server and friends may also follow the command
    command->add_flag("--json", flags.json, "Print the server's JSON reply unchanged");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    return fail(kExitUsage, fmt::format("{} (see newsdex --help)", e.what()));
  }

  for (const auto& word : flags.query_words)
    flags.search.query += (flags.search.query.empty() ? "" : " ") + word;
  if (watching->parsed()) return watch(flags);
  Call call;
  if (search->parsed()) {
    call = {"search", search_params(flags.search)};
  } else if (doc->parsed()) {
    call = {"document", {{"doc", flags.document_id}}};
  } else if (similar->parsed() || related->parsed()) {
    call = {similar->parsed() ? "similar" : "related", {{"doc", flags.document_id}}};
    if (flags.neighbours) call.params["limit"] = *flags.neighbours;
  } else if (versions->parsed()) {
    call = {"versions", {{"doc", flags.document_id}}};
  } else {
    call = {stats->parsed() ? "stats" : "health", json::object()};
  }
  return execute(flags, call);
}

}  // namespace newsdex::client
