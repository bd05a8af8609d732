// The indexer's side of the status file (core/index/indexer_status.hpp): opened and given its full
// size at start, then overwritten in place, so writing it needs no new disk blocks and keeps
// working when the disk is full and no commit can land.
#pragma once

#include <filesystem>
#include <string_view>

namespace newsdex {

class StatusFile {
 public:
  // Opens (creating) <index_dir>/indexer-status.json; a failure is logged once and later writes
  // are no-ops (the state still reaches the log and the metadata).
  explicit StatusFile(const std::filesystem::path& index_dir);
  ~StatusFile();
  StatusFile(const StatusFile&) = delete;
  StatusFile& operator=(const StatusFile&) = delete;

  // Replaces the content with json (padded with spaces). False when it could not be written.
  bool write(std::string_view json);

  static constexpr std::size_t kBytes = 4096;

 private:
  int fd_ = -1;
};

}  // namespace newsdex
