#include "file_reader.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace newsdex {
namespace {

// Closes the descriptor on every return path.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

Error from_errno(int error, std::string_view doing) {
  const std::string reason = std::generic_category().message(error);
  switch (error) {
    case ENOENT:
      return make_error(Errc::not_found, fmt::format("vanished while {}", doing));
    case ELOOP:
      return make_error(Errc::unsupported, "symlink loop");
    case EACCES:
    case EPERM:
      return make_error(Errc::io_error, fmt::format("permission denied while {}", doing));
    default:
      return make_error(Errc::io_error, fmt::format("{} failed: {}", doing, reason));
  }
}

// Why a path that std::filesystem::status could not resolve is unusable: a symlink pointing
// nowhere is the file's own fault (unsupported), a missing path means it vanished.
Error status_error(const std::filesystem::path& path, const std::error_code& error) {
  if (error == std::errc::too_many_symbolic_link_levels) {
    return make_error(Errc::unsupported, "symlink loop");
  }
  if (error == std::errc::no_such_file_or_directory) {
    std::error_code ignored;
    if (std::filesystem::is_symlink(std::filesystem::symlink_status(path, ignored))) {
      return make_error(Errc::unsupported, "dangling symlink (its target does not exist)");
    }
    return make_error(Errc::not_found, "does not exist (vanished?)");
  }
  if (error == std::errc::permission_denied) {
    return make_error(Errc::io_error, "permission denied");
  }
  return make_error(Errc::io_error, fmt::format("cannot stat: {}", error.message()));
}

std::string_view kind_name(std::filesystem::file_type type) {
  using std::filesystem::file_type;
  switch (type) {
    case file_type::directory:
      return "a directory";
    case file_type::fifo:
      return "a fifo";
    case file_type::socket:
      return "a socket";
    case file_type::block:
    case file_type::character:
      return "a device";
    default:
      return "not a regular file";
  }
}

Error too_large(std::uint64_t size, std::uint64_t max_bytes) {
  return make_error(Errc::too_large,
                    fmt::format("{} bytes is over the size limit of {} bytes", size, max_bytes));
}

}  // namespace

Result<FileBytes> read_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error) return status_error(path, error);
  if (!std::filesystem::is_regular_file(status)) {
    return make_error(Errc::unsupported,
                      fmt::format("{}, not a regular file", kind_name(status.type())));
  }

  // O_NONBLOCK: if the path was swapped for a fifo after the check above, open must not hang.
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) return from_errno(errno, "opening");

  // Re-check on the open descriptor: the path may have changed since status() looked at it.
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return from_errno(errno, "reading its status");
  if (!S_ISREG(info.st_mode)) return make_error(Errc::unsupported, "not a regular file");
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > max_bytes) return too_large(size, max_bytes);

  FileBytes file;
  file.size = size;
  file.mtime_ns =
      static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
  file.bytes.resize(size);
  std::size_t done = 0;
  while (done < file.bytes.size()) {
    const ssize_t got = ::read(fd.get(), file.bytes.data() + done, file.bytes.size() - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return from_errno(errno, "reading");
    if (got == 0) break;  // truncated while we read: keep what is there now
    done += static_cast<std::size_t>(got);
  }
  file.bytes.resize(done);
  file.size = done;
  return file;
}

}  // namespace newsdex
