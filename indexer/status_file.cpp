#include "status_file.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "indexer_status.hpp"

namespace newsdex {

StatusFile::StatusFile(const std::filesystem::path& index_dir) {
  const auto path = index_dir / kIndexerStatusFile;
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    spdlog::warn("{}: cannot open the status file: {}", path.string(), std::strerror(errno));
    return;
  }
  // Reserve the blocks now, while there is room: later writes only overwrite them.
  if (int error = ::posix_fallocate(fd_, 0, kBytes); error != 0)
    spdlog::warn("{}: cannot reserve the status file: {}", path.string(), std::strerror(error));
}

StatusFile::~StatusFile() {
  if (fd_ >= 0) ::close(fd_);
}

bool StatusFile::write(std::string_view json) {
  if (fd_ < 0 || json.size() > kBytes) return false;
  std::string padded(json);
  padded.resize(kBytes, ' ');
  return ::pwrite(fd_, padded.data(), padded.size(), 0) == static_cast<ssize_t>(padded.size());
}

}  // namespace newsdex
