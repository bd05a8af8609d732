#include "alerts.hpp"

#include <spdlog/spdlog.h>

#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "change_log.hpp"
#include "query.hpp"
#include "schema.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

// Everything of a subscription's request that decides what matches and how a hit looks; equal
// keys share one match per commit.
std::string request_key(const SearchRequest& r) {
  return json{r.q,    r.person, r.org,     r.place,  r.lang,          r.type,          r.folder,
              r.from, r.to,     r.snippet, r.fields, r.highlight_pre, r.highlight_post}
      .dump();
}

json event(const json& client_id, std::string_view kind, std::uint64_t revision) {
  return json{{"id", client_id}, {"event", kind}, {"revision", revision}};
}

// Matches may have been missed: the client should search again.
json gap(const json& client_id, std::uint64_t revision, std::string message) {
  json e = event(client_id, "gap", revision);
  e["message"] = std::move(message);
  return e;
}

}  // namespace

struct AlertHub::Group {
  SearchRequest request;
  std::size_t members = 0;                          // under the hub's mutex
  std::optional<std::vector<std::string>> anchors;  // hub thread only
  bool anchors_ready = false;                       // hub thread only
};

struct AlertHub::Subscription {
  json client_id;
  std::shared_ptr<EventChannel> channel;
  std::shared_ptr<Group> group;
  std::optional<std::uint64_t> replay_after;  // until the hub thread has replayed
  // The ids this subscription was sent, oldest first (hub thread only), so that their removal can
  // be told; at most remembered_per_subscription.
  std::deque<std::string> sent_order;
  std::unordered_set<std::string> sent;

  void remember(const std::string& id, std::size_t most) {
    if (!sent.insert(id).second) return;
    sent_order.push_back(id);
    if (sent_order.size() > most) {
      sent.erase(sent_order.front());
      sent_order.pop_front();
    }
  }
  bool forget(const std::string& id) {
    if (sent.erase(id) == 0) return false;
    std::erase(sent_order, id);
    return true;
  }
};

AlertHub::AlertHub(std::unique_ptr<Searcher> searcher, AlertOptions options)
    : searcher_(std::move(searcher)), options_(options) {
  // spdlog's registry is built on first use, inside libspdlog where ThreadSanitizer cannot see
  // its guard: built here, before the thread that may log first.
  spdlog::default_logger_raw();
  thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

AlertHub::~AlertHub() {
  thread_.request_stop();
  wake_.notify_all();
}

void AlertHub::run(std::stop_token stop) {
  std::mutex sleep_mutex;
  while (!stop.stop_requested()) {
    poll_once();
    std::unique_lock lock(sleep_mutex);
    wake_.wait_for(lock, stop, options_.poll, [] { return false; });
  }
}

ApiResult<json> AlertHub::subscribe(SearchRequest request, json client_id,
                                    const std::shared_ptr<EventChannel>& channel,
                                    std::optional<std::uint64_t> since) {
  if (!searcher_->single_index())
    return ApiError{501, "not_implemented",
                    "saved searches need one index; this server searches several shards"};
  // What matches is decided per document: the page, facets and ranking do not apply.
  request.facets.clear();
  request.offset = 0;
  request.sort = Sort::relevance;
  request.correct = false;
  request.relax = false;
  request.explain = false;
  request.collapse = false;  // each new version of a wire story is news of its own
  const std::string key = request_key(request);
  std::lock_guard lock(mutex_);
  std::size_t on_channel = 0;
  for (const auto& [number, sub] : subscriptions_) {
    if (sub->channel != channel) continue;
    if (sub->client_id == client_id)
      return ApiError{409, "conflict",
                      "this connection already has a subscription with id " + client_id.dump()};
    ++on_channel;
  }
  if (on_channel >= options_.max_per_connection)
    return ApiError{429, "too_many_subscriptions",
                    "a connection may hold " + std::to_string(options_.max_per_connection) +
                        " subscriptions (alerts.max_per_connection)"};
  if (subscriptions_.size() >= options_.max_subscriptions)
    return ApiError{429, "too_many_subscriptions",
                    "the server holds its limit of " + std::to_string(options_.max_subscriptions) +
                        " subscriptions (alerts.max_subscriptions)",
                    "", 5};
  auto& group = groups_[key];
  if (!group) {
    group = std::make_shared<Group>();
    group->request = std::move(request);
  }
  ++group->members;
  auto sub = std::make_shared<Subscription>();
  sub->client_id = client_id;
  sub->channel = channel;
  sub->group = group;
  sub->replay_after = since;
  channel->hold();
  subscriptions_.emplace(next_key_++, std::move(sub));
  wake_.notify_all();
  return json{{"subscribed", client_id}, {"revision", last_commit_.load()}};
}

ApiResult<json> AlertHub::unsubscribe(const json& client_id, const EventChannel& channel) {
  std::lock_guard lock(mutex_);
  const auto it = std::ranges::find_if(subscriptions_, [&](const auto& entry) {
    return entry.second->channel.get() == &channel && entry.second->client_id == client_id;
  });
  if (it == subscriptions_.end())
    return ApiError{404, "not_found", "no subscription with id " + client_id.dump()};
  --it->second->group->members;
  subscriptions_.erase(it);
  return json{{"unsubscribed", client_id}};
}

std::size_t AlertHub::subscriptions() const {
  std::lock_guard lock(mutex_);
  return subscriptions_.size();
}

void AlertHub::poll_once() {
  std::lock_guard round(poll_mutex_);
  auto done = searcher_->with_database([this](const Xapian::Database& db) { return process(db); });
  if (!done.ok()) spdlog::debug("alerts: the index cannot be read now: {}", done.error().message);
}

ApiResult<json> AlertHub::process(const Xapian::Database& db) {
  const std::string uuid = db.get_uuid();
  const std::uint64_t last = last_commit_number(db);
  // The subscriptions of this round; closed connections' ones and empty groups go.
  std::vector<std::shared_ptr<Subscription>> subs;
  {
    std::lock_guard lock(mutex_);
    std::erase_if(subscriptions_, [](const auto& entry) {
      if (!entry.second->channel->closed()) return false;
      --entry.second->group->members;
      return true;
    });
    std::erase_if(groups_, [](const auto& entry) { return entry.second->members == 0; });
    for (const auto& [number, sub] : subscriptions_) subs.push_back(sub);
  }
  // Most rounds find nothing new: no commit, nobody resuming.
  if (started_ && uuid == index_uuid_ && last == last_commit_.load() &&
      std::ranges::none_of(subs, [](const auto& sub) { return sub->replay_after.has_value(); }))
    return json();
  std::uint64_t from = last_commit_.load();
  if (!started_ || uuid != index_uuid_ || last < from) {
    // A first look, or an index rebuilt in place: its change log starts again; what it holds is
    // not news.
    if (started_) spdlog::info("alerts: the index was replaced; following it from commit {}", last);
    from = last;
  }

  std::string languages;
  for (const auto& lang : index_languages(db)) languages += lang + ' ';
  std::unordered_map<Group*, std::optional<std::vector<std::string>>> fresh_anchors;
  auto anchors_of =
      [&](const std::shared_ptr<Group>& group) -> const std::optional<std::vector<std::string>>& {
    if (group->anchors_ready && languages == languages_) return group->anchors;
    auto [it, added] = fresh_anchors.try_emplace(group.get());
    if (added) it->second = searcher_->anchor_terms(db, group->request);
    return it->second;
  };

  std::map<std::shared_ptr<Subscription>, std::vector<json>> out;
  auto match = [&](const std::vector<CommitChanges>& commits, std::uint64_t revision,
                   const std::vector<std::shared_ptr<Subscription>>& who) -> ApiResult<bool> {
    // The net change per document over these commits.
    std::map<std::string, ChangeKind> net;
    bool truncated = false;
    for (const auto& commit : commits) {
      truncated = truncated || commit.truncated;
      for (const auto& [id, kind] : commit.changes) {
        auto [it, first] = net.try_emplace(id, kind);
        if (first) continue;
        if (kind == ChangeKind::removed)
          it->second = ChangeKind::removed;
        else if (it->second == ChangeKind::removed)
          it->second = ChangeKind::updated;
      }
    }
    if (truncated)
      for (const auto& sub : who)
        out[sub].push_back(
            gap(sub->client_id, revision, "a commit changed more documents than its record lists"));
    // Candidate documents per request: those holding one of its anchor terms, or all.
    std::map<const Group*, std::vector<std::string>> candidates;
    std::unordered_map<std::string, std::vector<const Group*>> by_term;
    std::vector<const Group*> unanchored;
    for (const auto& sub : who) {
      const Group* group = sub->group.get();
      if (candidates.contains(group)) continue;
      candidates[group];
      const auto& anchors = anchors_of(sub->group);
      if (!anchors)
        unanchored.push_back(group);
      else
        for (const auto& term : *anchors) by_term[term].push_back(group);
    }
    for (const auto& [id, kind] : net) {
      if (kind == ChangeKind::removed) continue;
      const std::string id_term = schema::id_term(id);
      const auto posting = db.postlist_begin(id_term);
      if (posting == db.postlist_end(id_term)) continue;  // gone again since
      for (const Group* group : unanchored) candidates[group].push_back(id);
      if (by_term.empty()) continue;
      const Xapian::Document doc = db.get_document(*posting);
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const auto found = by_term.find(*t);
        if (found == by_term.end()) continue;
        for (const Group* group : found->second) {
          auto& ids = candidates[group];
          if (ids.empty() || ids.back() != id) ids.push_back(id);
        }
      }
    }
    // One search per request over its candidates.
    std::map<const Group*, std::map<std::string, json>> hits;
    for (auto& [group, ids] : candidates) {
      if (ids.empty()) continue;
      SearchRequest request = group->request;
      request.limit = static_cast<unsigned>(ids.size());
      request.only_ids = std::move(ids);
      auto reply = searcher_->search_at(db, request);
      if (!reply.ok()) return reply.error();
      for (auto& hit : reply.value()["hits"]) hits[group][hit["id"].get<std::string>()] = hit;
    }
    for (const auto& sub : who) {
      const auto& found = hits[sub->group.get()];
      for (const auto& [id, hit] : found) {
        auto& e = out[sub].emplace_back(event(sub->client_id, "match", revision));
        e["reason"] = net.at(id) == ChangeKind::added ? "new" : "updated";
        e["hit"] = hit;
      }
      // Deleted, or changed so that it no longer matches: what was sent is withdrawn.
      auto withdraw = [&](const std::string& id) {
        auto& e = out[sub].emplace_back(event(sub->client_id, "match", revision));
        e["reason"] = "removed";
        e["hit"] = {{"id", id}};
      };
      if (sub->sent.size() < net.size()) {
        for (const auto& id : sub->sent)
          if (net.contains(id) && !found.contains(id)) withdraw(id);
      } else {
        for (const auto& [id, kind] : net)
          if (sub->sent.contains(id) && !found.contains(id)) withdraw(id);
      }
    }
    return true;
  };

  // Resumed subscriptions first: the commits after the one each saw, up to `from`.
  for (const auto& sub : subs) {
    if (!sub->replay_after || *sub->replay_after == from) continue;
    const auto commits = *sub->replay_after < from
                             ? read_commit_changes(db, *sub->replay_after, from)
                             : std::nullopt;
    if (!commits) {
      out[sub].push_back(gap(sub->client_id, from,
                             "commit " + std::to_string(*sub->replay_after) +
                                 " is no longer in the change log (or the index was rebuilt)"));
      continue;
    }
    if (auto done = match(*commits, from, {sub}); !done.ok()) return done.error();
  }
  if (last > from) {
    const auto commits = read_commit_changes(db, from, last);
    if (!commits) {
      for (const auto& sub : subs)
        out[sub].push_back(gap(sub->client_id, last, "the change log lost commits"));
    } else if (auto done = match(*commits, last, subs); !done.ok()) {
      return done.error();
    }
  }

  // Every search went through: take the new position and send.
  for (auto& [group, anchors] : fresh_anchors) {
    group->anchors = std::move(anchors);
    group->anchors_ready = true;
  }
  languages_ = languages;
  index_uuid_ = uuid;
  started_ = true;
  last_commit_ = last;
  for (const auto& sub : subs) sub->replay_after.reset();
  for (auto& entry : out) {
    // Plain names: clang 14 (the sanitizer builds) cannot capture a structured binding.
    const std::shared_ptr<Subscription>& sub = entry.first;
    std::vector<json>& events = entry.second;
    std::vector<AlertEvent> batch;
    for (auto& e : events) {
      const std::string reason = e.value("reason", "");
      const std::string id = e.contains("hit") ? e["hit"].value("id", "") : "";
      if (reason == "removed")
        sub->forget(id);
      else if (!id.empty())
        sub->remember(id, options_.remembered_per_subscription);
      batch.push_back({e.dump(-1, ' ', false, json::error_handler_t::replace), std::nullopt});
    }
    batch.back().resume_after = events.back()["revision"].get<std::uint64_t>();
    if (sub->channel->push(std::move(batch))) continue;
    // Too far behind: dropped, with one last event that says so.
    json dropped = {
        {"id", sub->client_id},
        {"event", "dropped"},
        {"message", "the client fell more than " + std::to_string(options_.max_queued_events) +
                        " events behind; subscribe again"}};
    sub->channel->push({{dropped.dump(), std::nullopt}}, /*always=*/true);
    std::lock_guard lock(mutex_);
    std::erase_if(subscriptions_, [&](const auto& held) {
      if (held.second != sub) return false;
      --held.second->group->members;
      return true;
    });
  }
  return json();
}

}  // namespace newsdex::searchd
