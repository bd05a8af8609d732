// Saved searches that push: a client subscribes with a search request and is sent every document a
// commit adds or changes that matches it, with its hit (snippet included) and why ("new",
// "updated"), and "removed" for one it was sent that is deleted or no longer matches.
//
// One thread follows the indexer's change log (change_log.hpp). Per commit it matches every
// subscription against the changed documents only: subscriptions with the same request share one
// match, and a plain query is only tried on documents holding one of its words' terms (an
// inverted map from terms to requests, as a percolator keeps), so the cost follows what changed
// and how many requests it touches, not the index's size or the number of subscriptions.
// A client may resume after a commit it saw (`since`); records kept by the indexer bound how far.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "api.hpp"
#include "event_channel.hpp"
#include "search_request.hpp"
#include "searcher.hpp"

namespace newsdex::searchd {

struct AlertOptions {
  std::chrono::milliseconds poll{100};  // how often the change log is read
  unsigned max_subscriptions = 10'000;
  unsigned max_per_connection = 100;
  unsigned max_queued_events = 1000;                 // per connection (EventChannel's bound)
  std::size_t remembered_per_subscription = 10'000;  // ids sent, for "removed" events
};

class AlertHub {
 public:
  // searcher: the hub's own (Xapian objects are not shared between threads).
  AlertHub(std::unique_ptr<Searcher> searcher, AlertOptions options);
  ~AlertHub();
  AlertHub(const AlertHub&) = delete;
  AlertHub& operator=(const AlertHub&) = delete;

  const AlertOptions& options() const { return options_; }

  // Registers a saved search: events go to channel, each carrying client_id as "id". since: send
  // the matches of the commits after that one first. Answers {"subscribed": client_id,
  // "revision": the last commit seen}; 409 when the channel already has client_id, 429 over a
  // limit, 501 over an index of several shards.
  ApiResult<nlohmann::json> subscribe(SearchRequest request, nlohmann::json client_id,
                                      const std::shared_ptr<EventChannel>& channel,
                                      std::optional<std::uint64_t> since);
  ApiResult<nlohmann::json> unsubscribe(const nlohmann::json& client_id,
                                        const EventChannel& channel);
  // (A closed channel's subscriptions are forgotten by the next round.)

  std::size_t subscriptions() const;
  std::uint64_t last_commit() const { return last_commit_.load(); }

  // One round of the thread's work, for tests: reads new commits and sends their events.
  void poll_once();

 private:
  struct Subscription;
  struct Group;
  void run(std::stop_token stop);
  ApiResult<nlohmann::json> process(const Xapian::Database& db);

  std::unique_ptr<Searcher> searcher_;
  AlertOptions options_;
  mutable std::mutex mutex_;  // guards subscriptions_ and groups' membership
  std::map<std::uint64_t, std::shared_ptr<Subscription>> subscriptions_;
  std::map<std::string, std::shared_ptr<Group>> groups_;  // by request key
  std::uint64_t next_key_ = 1;
  std::atomic<std::uint64_t> last_commit_{0};
  std::string index_uuid_;
  bool started_ = false;   // the first round only takes the position
  std::string languages_;  // the index's languages when the anchors were computed
  std::mutex poll_mutex_;  // one round at a time (the thread, or a test)
  std::condition_variable_any wake_;
  std::jthread thread_;
};

}  // namespace newsdex::searchd
