#include "index_handle.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>

#include "entity_terms.hpp"
#include "schema.hpp"

namespace newsdex::searchd {
namespace {

bool is_remote(const std::string& spec) {
  return spec.starts_with("tcp://");
}

// How replies name a shard: a remote one by its spec, a local one by its place among the specs
// ("local:1"), since index paths stay with the operator.
std::string public_name(const std::string& spec, std::size_t index) {
  return is_remote(spec) ? spec : "local:" + std::to_string(index + 1);
}

// A local index is its directory; a replica (xapian-replicate's directory) is its stub file, which
// the replica rewrites to point at a new copy after a full copy of the master.
std::pair<dev_t, ino_t> identity_of(const std::string& spec) {
  struct stat st {};
  if (is_remote(spec)) return {0, 0};
  if (::stat((spec + "/XAPIANDB").c_str(), &st) == 0 || ::stat(spec.c_str(), &st) == 0)
    return {st.st_dev, st.st_ino};
  return {0, 0};
}

}  // namespace

Xapian::Database open_index(const std::string& spec, std::chrono::milliseconds timeout) {
  constexpr std::string_view kTcp = "tcp://";
  if (!spec.starts_with(kTcp)) return Xapian::Database(spec);
  const std::string address = spec.substr(kTcp.size());
  const std::size_t colon = address.rfind(':');
  unsigned port = 0;
  if (colon == std::string::npos ||
      std::from_chars(address.data() + colon + 1, address.data() + address.size(), port).ec !=
          std::errc() ||
      port == 0 || port > 65535)
    throw Xapian::InvalidArgumentError("remote index spec must be tcp://host:port: " + spec);
  const auto ms = static_cast<unsigned>(timeout.count());
  return Xapian::Remote::open(address.substr(0, colon), port, ms, ms);
}

std::string revision_of(const Xapian::Database& db) {
  try {
    // The UUID too: a compacted copy swapped in starts again at revision 1.
    return db.get_uuid() + "/r" + std::to_string(db.get_revision());
  } catch (const Xapian::Error&) {
    return db.get_metadata(schema::kMetaLastCommit) + "/" + db.get_metadata(kMetaEntityNextId) +
           "/" + std::to_string(db.get_doccount());
  }
}

IndexHandle::IndexHandle(std::vector<std::string> specs, Metrics& metrics, ShardOptions options)
    : specs_(std::move(specs)), metrics_(metrics), options_(options) {
  for (const auto& spec : specs_) shards_.emplace_back(spec);
}

bool IndexHandle::open_due_shards() {
  const auto now = std::chrono::steady_clock::now();
  bool changed = false;
  for (Shard& shard : shards_) {
    // reopen() follows new revisions of the same files; a directory swapped in whole needs the
    // new files opened.
    if (shard.db && identity_of(shard.spec) != shard.identity) {
      shard.db.reset();
      shard.retry_at = {};
      changed = true;
    }
    if (shard.db || now < shard.retry_at) continue;
    try {
      shard.identity = identity_of(shard.spec);
      shard.db = open_index(shard.spec, options_.timeout);
      shard.error.clear();
      changed = true;
    } catch (const Xapian::Error& e) {
      shard.error = e.get_description();
      shard.retry_at = now + options_.retry;
    }
  }
  return changed;
}

void IndexHandle::combine() {
  Xapian::Database combined;
  bool any = false;
  for (const Shard& shard : shards_)
    if (shard.db) combined.add_database(*shard.db), any = true;
  if (any)
    db_ = std::move(combined);
  else
    db_.reset();
}

ApiResult<Xapian::Database*> IndexHandle::refresh() {
  try {
    if (open_due_shards() || !db_) {
      combine();
    } else if (db_->reopen()) {
      metrics_.record_reopen();
    }
  } catch (const Xapian::NetworkError&) {
    shard_failed();
  } catch (const Xapian::Error& e) {
    // A local shard that cannot be reopened is opened anew at once: a stub listing replicas
    // (each itself a stub) keeps its identity while one replica switches to a full copy and
    // removes the database the open handle still names.
    for (Shard& shard : shards_)
      if (!is_remote(shard.spec)) shard.db.reset(), shard.error = e.get_description();
    open_due_shards();
    combine();
  }
  if (!db_) {
    std::string why;
    for (const Shard& shard : shards_) why += (why.empty() ? "" : "; ") + shard.error;
    return ApiError{503, "index_unavailable", "the index cannot be opened at the moment", why};
  }
  return &*db_;
}

void IndexHandle::recover() {
  try {
    if (db_ && db_->reopen()) metrics_.record_reopen();
  } catch (const Xapian::NetworkError&) {
    shard_failed();
  } catch (const Xapian::Error&) {
    db_.reset();
  }
}

void IndexHandle::shard_failed() {
  const auto now = std::chrono::steady_clock::now();
  for (Shard& shard : shards_) {
    if (!shard.db || !is_remote(shard.spec)) continue;
    try {
      shard.db->reopen();  // a round trip to the shard's server
    } catch (const Xapian::Error& e) {
      shard.db.reset();
      shard.error = e.get_description();
      shard.retry_at = now + options_.retry;
    }
  }
  combine();
}

bool IndexHandle::has_remote_shards() const {
  return std::ranges::any_of(specs_, is_remote);
}

std::vector<std::string> IndexHandle::missing() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < shards_.size(); ++i)
    if (!shards_[i].db) out.push_back(public_name(shards_[i].spec, i));
  return out;
}

nlohmann::json IndexHandle::shard_states() const {
  nlohmann::json states = nlohmann::json::array();
  for (std::size_t i = 0; i < shards_.size(); ++i) {
    const Shard& shard = shards_[i];
    nlohmann::json state = {{"shard", public_name(shard.spec, i)},
                            {"state", shard.db ? "up" : "down"}};
    try {
      if (shard.db) state["documents"] = shard.db->get_doccount();
    } catch (const Xapian::Error&) {
      state["state"] = "down";
    }
    // Xapian's text names paths: a remote shard's is the operator's own address, a local one's
    // stays in the log.
    if (state["state"] == "down")
      state["error"] = is_remote(shard.spec) ? shard.error : "the index cannot be opened";
    states.push_back(std::move(state));
  }
  return states;
}

}  // namespace newsdex::searchd
