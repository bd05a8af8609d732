// The change log: with every commit the indexer records which documents it added, changed or
// removed, under a commit number of its own, so that searchd can tell saved searches (alerts) what
// each commit changed without comparing revisions. Kept in the index metadata for the last
// `keep` commits; older records are dropped by the commit that passes them.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

enum class ChangeKind { added, updated, removed };

std::string_view to_string(ChangeKind kind);

// The changes of one batch, by document id, as they net out: removed then added again is an
// update, added then removed is nothing.
class ChangeSet {
 public:
  void added(const std::string& id);
  void removed(const std::string& id);
  void clear() { changes_.clear(); }
  bool empty() const { return changes_.empty(); }
  // The net change of each document, by id; documents added and removed again are left out.
  std::map<std::string, ChangeKind> net() const;

 private:
  struct State {
    bool existed_before = false;  // was in the index before this batch
    bool exists_now = false;
  };
  std::map<std::string, State> changes_;
};

// One commit's record.
struct CommitChanges {
  std::uint64_t commit = 0;  // 1, 2, 3 ... per index
  std::map<std::string, ChangeKind> changes;
  bool truncated = false;  // more documents changed than a record holds (kMaxChangesPerCommit)
};

// A record lists at most this many documents; a larger commit (a bulk load) says it is truncated.
inline constexpr std::size_t kMaxChangesPerCommit = 20'000;

// Records a commit's changes (even none: every commit gets a number) and drops the record that
// falls out of the last `keep` ones. Call inside the commit's transaction. Returns its number.
std::uint64_t record_commit_changes(Xapian::WritableDatabase& db, const ChangeSet& changes,
                                    unsigned keep);

// The number of the last recorded commit, 0 when none was.
std::uint64_t last_commit_number(const Xapian::Database& db);

// The records of commits after `after` up to `last` in order, or nullopt when one of them is no
// longer kept (the reader fell behind by more than `keep` commits, or the index was replaced).
std::optional<std::vector<CommitChanges>> read_commit_changes(const Xapian::Database& db,
                                                              std::uint64_t after,
                                                              std::uint64_t last);

}  // namespace newsdex
