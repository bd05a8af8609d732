// Bounded waits: a request that finds no free searcher (or no free worker) within the configured
// time is answered 503 overloaded with Retry-After, instead of queueing forever.
#include <gtest/gtest.h>

#include <future>

#include "canned_backend.hpp"
#include "searchd_support.hpp"
#include "searcher_pool.hpp"
#include "server.hpp"

namespace newsdex::searchd {
namespace {

using nlohmann::json;

// A backend whose searches wait until the test releases them.
class BlockingBackend : public testing::CannedBackend {
 public:
  BlockingBackend(std::shared_future<void> release, std::promise<void>* entered)
      : release_(std::move(release)), entered_(entered) {}
  ApiResult<json> search(const SearchRequest& request) override {
    if (entered_) entered_->set_value();
    entered_ = nullptr;
    release_.wait();
    return CannedBackend::search(request);
  }

 private:
  std::shared_future<void> release_;
  std::promise<void>* entered_;
};

TEST(SearcherPool, GivesUpWaitingForABusySearcher) {
  std::promise<void> release, entered;
  std::vector<std::unique_ptr<Backend>> one;
  one.push_back(std::make_unique<BlockingBackend>(release.get_future().share(), &entered));
  SearcherPool pool(std::move(one), std::chrono::milliseconds(20));
  auto busy = std::async(std::launch::async, [&] { return pool.search({}).ok(); });
  entered.get_future().wait();  // the only searcher is now held
  const auto refused = pool.health();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().status, 503);
  EXPECT_EQ(refused.error().code, "overloaded");
  EXPECT_EQ(refused.error().retry_after_s, 1u);
  release.set_value();
  EXPECT_TRUE(busy.get());
  EXPECT_TRUE(pool.health().ok());  // free again
}

TEST(ServerQueue, RequestsWaitingTooLongForAWorkerAreRefused) {
  std::promise<void> release, entered;
  BlockingBackend backend(release.get_future().share(), &entered);
  Metrics metrics;
  RouterOptions router_options;
  // Long enough that the first request, on a loaded machine, still reaches the idle worker.
  router_options.limits.queue_timeout = std::chrono::milliseconds(250);
  Router router(backend, metrics, router_options);
  ServerOptions server_options;
  server_options.listen = "127.0.0.1:0";
  server_options.threads = 1;
  Server server(router, metrics, server_options);
  ASSERT_TRUE(server.start());
  std::thread serving([&] { server.run(false); });
  const unsigned short port = server.http_port();

  auto first = std::async(std::launch::async,
                          [&] { return newsdex::testing::http(port, "GET", "/search?q=a"); });
  // The only worker is busy with the first search (bounded: never hang a CI run).
  if (entered.get_future().wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
    release.set_value();
    server.stop();
    serving.join();
    FAIL() << "the first search never reached the worker: " << first.get().status;
  }
  auto second = std::async(std::launch::async,
                           [&] { return newsdex::testing::http(port, "GET", "/search?q=b"); });
  // The second request now waits for the worker; far longer than queue_timeout.
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  release.set_value();
  EXPECT_EQ(first.get().status, 200);
  const auto refused = second.get();
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.json()["error"]["code"], "overloaded");
  EXPECT_EQ(refused.headers.at("retry-after"), "1");
  server.stop();
  serving.join();
}

}  // namespace
}  // namespace newsdex::searchd
