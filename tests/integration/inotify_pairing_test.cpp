// A rename's two inotify halves can arrive in different reads: the watcher still reports one move,
// and a half that never gets its pair is a move out of the tree once the pairing window passes.
#include <gtest/gtest.h>
#include <sys/inotify.h>

#include <boost/asio/io_context.hpp>
#include <cstring>
#include <vector>

#include "inotify_watcher.hpp"
#include "test_support.hpp"

namespace newsdex {
namespace {

using Kind = WatchEvent::Kind;

// One raw event as the kernel lays it out: the header, then the NUL-padded name.
std::vector<char> raw_event(int wd, std::uint32_t mask, std::uint32_t cookie, const char* name) {
  const std::size_t name_len = (std::strlen(name) / 8 + 1) * 8;
  std::vector<char> bytes(sizeof(inotify_event) + name_len, '\0');
  inotify_event header{};
  header.wd = wd;
  header.mask = mask;
  header.cookie = cookie;
  header.len = static_cast<std::uint32_t>(name_len);
  std::memcpy(bytes.data(), &header, sizeof header);
  std::memcpy(bytes.data() + sizeof header, name, std::strlen(name));
  return bytes;
}

class InotifyPairing : public ::testing::Test {
 protected:
  testing::TempDir tmp;
  boost::asio::io_context io;
  IgnoreRules ignore{{}};
  std::vector<WatchEvent> events;
  InotifyWatcher watcher{io, tmp.path(), [this](const WatchEvent& e) { events.push_back(e); }};
  int root_wd = 0;

  void SetUp() override {
    std::filesystem::create_directories(tmp / "desk");
    ASSERT_TRUE(watcher.start(ignore));
    root_wd = 1;  // the first watch of a new inotify instance
  }
  void deliver(int wd, std::uint32_t mask, std::uint32_t cookie, const char* name) {
    auto bytes = raw_event(wd, mask, cookie, name);
    watcher.dispatch(bytes.data(), bytes.size());
  }
  void wait_out_the_window() { io.run_for(InotifyWatcher::kPairingWindow * 5); }
};

TEST_F(InotifyPairing, ADirectoryRenameSplitAcrossReadsIsOneMove) {
  deliver(root_wd, IN_MOVED_FROM | IN_ISDIR, 7, "desk");
  EXPECT_TRUE(events.empty()) << "the first half alone must wait for its pair";
  deliver(root_wd, IN_MOVED_TO | IN_ISDIR, 7, "archive");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, Kind::dir_moved);
  EXPECT_EQ(events[0].relative_path, "archive");
  EXPECT_EQ(events[0].from, "desk");
  wait_out_the_window();
  EXPECT_EQ(events.size(), 1u) << "nothing left to flush";
}

TEST_F(InotifyPairing, AFileRenameSplitAcrossReadsIsOneMove) {
  deliver(root_wd, IN_MOVED_FROM, 9, "draft.txt");
  deliver(root_wd, IN_MOVED_TO, 9, "story.txt");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, Kind::moved);
  EXPECT_EQ(events[0].relative_path, "story.txt");
  EXPECT_EQ(events[0].from, "draft.txt");
}

TEST_F(InotifyPairing, AnUnpairedHalfIsAMoveOutOnceTheWindowPasses) {
  deliver(root_wd, IN_MOVED_FROM, 11, "gone.txt");
  deliver(root_wd, IN_MOVED_FROM | IN_ISDIR, 12, "desk");
  EXPECT_TRUE(events.empty());
  wait_out_the_window();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, Kind::removed);
  EXPECT_EQ(events[0].relative_path, "gone.txt");
  EXPECT_EQ(events[1].kind, Kind::dir_removed);
  EXPECT_EQ(events[1].relative_path, "desk");
  EXPECT_EQ(watcher.watched(), 1u) << "the moved-away directory is no longer watched";
}

TEST_F(InotifyPairing, ADirectoryCreatedWhereOneMovedAwayIsWatchedAfterTheOldOneIsForgotten) {
  deliver(root_wd, IN_MOVED_FROM | IN_ISDIR, 13, "desk");
  deliver(root_wd, IN_CREATE | IN_ISDIR, 0, "desk");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, Kind::dir_removed);
  EXPECT_EQ(events[1].kind, Kind::dir_added);
  wait_out_the_window();
  EXPECT_EQ(events.size(), 2u);
  EXPECT_EQ(watcher.watched(), 2u) << "root and the new desk";
}

}  // namespace
}  // namespace newsdex
