// Recursive directory watching with Linux inotify, driven by a Boost.Asio event loop. Reports
// finished writes (IN_CLOSE_WRITE), renames (the two halves paired by cookie), deletions, and new
// or vanished directories; new directories are watched as soon as they appear. IN_Q_OVERFLOW is
// reported so the caller can reconcile everything.
// The kernel queues a rename's two halves one after the other, and a read can fall between them:
// an unpaired IN_MOVED_FROM waits kPairingWindow for its other half before it counts as a move
// out of the tree.
#pragma once

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <unordered_map>

#include "ignore_rules.hpp"
#include "result.hpp"

namespace newsdex {

struct WatchEvent {
  enum class Kind {
    written,      // a file was closed after writing, moved in, or a symlink appeared
    removed,      // a file was deleted or moved out of the tree
    moved,        // a file was renamed inside the tree, from `from`
    dir_added,    // a directory appeared (created or moved in): now watched, contents unknown
    dir_removed,  // a directory vanished or was moved away: everything under it is gone
    dir_moved,    // a directory was renamed inside the tree, from `from`: still watched
    overflow,     // the kernel dropped events: reconcile everything
  };
  Kind kind;
  std::string relative_path;
  std::string from;  // for moved: the old path (may be an ignored temp name)
};

class InotifyWatcher {
 public:
  static constexpr std::chrono::milliseconds kPairingWindow{20};
  using Handler = std::function<void(const WatchEvent&)>;

  InotifyWatcher(boost::asio::io_context& io, std::filesystem::path root, Handler handler);
  ~InotifyWatcher();
  InotifyWatcher(const InotifyWatcher&) = delete;
  InotifyWatcher& operator=(const InotifyWatcher&) = delete;

  // Watches root and every directory under it that the rules do not ignore, then starts reading.
  Status start(const IgnoreRules& ignore);

  // Watches a directory (relative to root) and everything under it.
  void watch_tree(const std::string& relative_dir, const IgnoreRules& ignore);

  // Forgets a directory and everything under it.
  void forget_tree(const std::string& relative_dir);

  // A watched directory and everything under it now live at `to` (the watches follow the inodes).
  void rename_tree(const std::string& from, const std::string& to);

  void stop();

  std::size_t watched() const { return paths_.size(); }

  // Handles one read's worth of raw inotify events (public so tests can split a rename's two
  // halves across reads, as the kernel sometimes does).
  void dispatch(const char* data, std::size_t length);

 private:
  void add_watch(const std::string& relative_dir);
  void read_more();
  void wait_for_pairs();
  void flush_unpaired();
  void flush_unpaired_dir(const std::string& path);

  std::filesystem::path root_;
  Handler handler_;
  boost::asio::posix::stream_descriptor stream_;
  std::unordered_map<int, std::string> paths_;  // watch descriptor -> relative directory
  const IgnoreRules* ignore_ = nullptr;
  // Rename sources still waiting for their IN_MOVED_TO, by cookie.
  std::unordered_map<std::uint32_t, std::string> move_sources_;
  std::unordered_map<std::uint32_t, std::string> dir_move_sources_;
  boost::asio::steady_timer pairing_timer_;
  bool pairing_armed_ = false;
  alignas(8) std::array<char, 64 * 1024> buffer_{};
};

}  // namespace newsdex
