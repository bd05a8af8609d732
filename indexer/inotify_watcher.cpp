#include "inotify_watcher.hpp"

#include <spdlog/spdlog.h>
#include <sys/inotify.h>
#include <sys/stat.h>

#include <boost/asio/error.hpp>
#include <cerrno>
#include <cstring>
#include <utility>

namespace newsdex {
namespace fs = std::filesystem;
namespace {

constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE |
                                IN_CREATE | IN_ONLYDIR | IN_EXCL_UNLINK;

std::string join(const std::string& dir, const char* name) {
  return dir.empty() ? std::string(name) : dir + "/" + name;
}

bool is_link(const fs::path& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

}  // namespace

InotifyWatcher::InotifyWatcher(boost::asio::io_context& io, fs::path root, Handler handler)
    : root_(std::move(root)), handler_(std::move(handler)), stream_(io), pairing_timer_(io) {}

InotifyWatcher::~InotifyWatcher() {
  stop();
}

Status InotifyWatcher::start(const IgnoreRules& ignore) {
  int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0)
    return make_error(Errc::io_error, std::string("inotify_init1 failed: ") + std::strerror(errno));
  stream_.assign(fd);
  ignore_ = &ignore;
  watch_tree("", ignore);
  if (paths_.empty())
    return make_error(Errc::io_error, "cannot watch the documents directory " + root_.string());
  read_more();
  return Ok{};
}

void InotifyWatcher::stop() {
  boost::system::error_code ignored;
  stream_.close(ignored);
  pairing_timer_.cancel();
}

void InotifyWatcher::add_watch(const std::string& relative_dir) {
  const auto path = relative_dir.empty() ? root_ : root_ / relative_dir;
  int wd = ::inotify_add_watch(stream_.native_handle(), path.c_str(), kMask);
  if (wd < 0) {
    // ENOSPC is the per-user watch limit: say which sysctl raises it.
    spdlog::warn("{}: cannot watch: {}{}", relative_dir.empty() ? "." : relative_dir,
                 std::strerror(errno),
                 errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : "");
    return;
  }
  paths_[wd] = relative_dir;
}

void InotifyWatcher::watch_tree(const std::string& relative_dir, const IgnoreRules& ignore) {
  add_watch(relative_dir);
  std::error_code ec;
  const auto base = relative_dir.empty() ? root_ : root_ / relative_dir;
  for (fs::recursive_directory_iterator it(base, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
    auto relative = it->path().lexically_relative(root_).generic_string();
    if (ignore.ignored(relative)) {
      it.disable_recursion_pending();
      continue;
    }
    add_watch(relative);
  }
}

void InotifyWatcher::forget_tree(const std::string& relative_dir) {
  const auto prefix = relative_dir + "/";
  std::erase_if(paths_, [&](const auto& entry) {
    const auto& [wd, path] = entry;
    if (path != relative_dir && !path.starts_with(prefix)) return false;
    ::inotify_rm_watch(stream_.native_handle(), wd);
    return true;
  });
}

void InotifyWatcher::rename_tree(const std::string& from, const std::string& to) {
  const auto prefix = from + "/";
  for (auto& [_, path] : paths_) {
    if (path == from)
      path = to;
    else if (path.starts_with(prefix))
      path = to + path.substr(from.size());
  }
}

void InotifyWatcher::read_more() {
  stream_.async_read_some(boost::asio::buffer(buffer_),
                          [this](const boost::system::error_code& error, std::size_t length) {
                            if (error == boost::asio::error::operation_aborted) return;
                            if (error) {
                              spdlog::error("reading inotify events failed: {}", error.message());
                              return;
                            }
                            dispatch(buffer_.data(), length);
                            read_more();
                          });
}

void InotifyWatcher::dispatch(const char* data, std::size_t length) {
  using Kind = WatchEvent::Kind;
  for (std::size_t offset = 0; offset < length;) {
    const auto* event = reinterpret_cast<const inotify_event*>(data + offset);
    offset += sizeof(inotify_event) + event->len;

    if (event->mask & IN_Q_OVERFLOW) {
      handler_({Kind::overflow, "", ""});
      continue;
    }
    if (event->mask & IN_IGNORED) {
      paths_.erase(event->wd);
      continue;
    }
    auto dir = paths_.find(event->wd);
    if (dir == paths_.end() || event->len == 0) continue;
    const auto path = join(dir->second, event->name);
    if (ignore_ && ignore_->ignored(path)) {
      // A rename from an ignored temp name into a real one still matters: the caller pairs it.
      if (!(event->mask & IN_MOVED_FROM)) continue;
    }

    if (event->mask & IN_ISDIR) {
      auto source = (event->mask & IN_MOVED_TO) ? dir_move_sources_.extract(event->cookie)
                                                : decltype(dir_move_sources_)::node_type();
      if (source && ignore_ && ignore_->ignored(source.mapped())) {
        // Out of an ignored (never watched) directory: new to us.
        watch_tree(path, *ignore_);
        handler_({Kind::dir_added, path, ""});
      } else if (source && !(ignore_ && ignore_->ignored(path))) {
        // Renamed inside the tree: the watches stay, only their paths change.
        rename_tree(source.mapped(), path);
        handler_({Kind::dir_moved, path, std::move(source.mapped())});
      } else if (source) {
        forget_tree(source.mapped());
        handler_({Kind::dir_removed, source.mapped(), ""});
      } else if (event->mask & IN_MOVED_FROM) {
        dir_move_sources_[event->cookie] = path;
      } else if (event->mask & (IN_CREATE | IN_MOVED_TO)) {
        if (ignore_ && ignore_->ignored(path)) continue;
        // A directory moved away from this very path is gone before the new one is watched.
        flush_unpaired_dir(path);
        watch_tree(path, *ignore_);
        handler_({Kind::dir_added, path, ""});
      } else if (event->mask & IN_DELETE) {
        forget_tree(path);
        handler_({Kind::dir_removed, path, ""});
      }
      continue;
    }
    if (event->mask & IN_CLOSE_WRITE) {
      handler_({Kind::written, path, ""});
    } else if (event->mask & IN_MOVED_FROM) {
      move_sources_[event->cookie] = path;
    } else if (event->mask & IN_MOVED_TO) {
      auto source = move_sources_.extract(event->cookie);
      if (source)
        handler_({Kind::moved, path, std::move(source.mapped())});
      else
        handler_({Kind::written, path, ""});
    } else if (event->mask & IN_DELETE) {
      handler_({Kind::removed, path, ""});
    } else if ((event->mask & IN_CREATE) && is_link(root_ / path)) {
      handler_({Kind::written, path, ""});
    }
  }
  wait_for_pairs();
}

void InotifyWatcher::wait_for_pairs() {
  if (pairing_armed_ || (move_sources_.empty() && dir_move_sources_.empty())) return;
  pairing_armed_ = true;
  pairing_timer_.expires_after(kPairingWindow);
  pairing_timer_.async_wait([this](const boost::system::error_code& error) {
    pairing_armed_ = false;
    if (error) return;
    flush_unpaired();
  });
}

// Sources whose other half never came moved out of the tree.
void InotifyWatcher::flush_unpaired() {
  using Kind = WatchEvent::Kind;
  for (auto& [_, path] : std::exchange(move_sources_, {}))
    if (!ignore_ || !ignore_->ignored(path)) handler_({Kind::removed, path, ""});
  for (auto& [_, path] : std::exchange(dir_move_sources_, {})) {
    forget_tree(path);
    handler_({Kind::dir_removed, path, ""});
  }
}

void InotifyWatcher::flush_unpaired_dir(const std::string& path) {
  const auto gone = std::erase_if(dir_move_sources_, [&](const auto& entry) {
    if (entry.second != path) return false;
    forget_tree(path);
    return true;
  });
  if (gone) handler_({WatchEvent::Kind::dir_removed, path, ""});
}

}  // namespace newsdex
