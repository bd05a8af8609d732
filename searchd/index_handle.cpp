#include "index_handle.hpp"

#include <sys/stat.h>

#include <charconv>

#include "entity_terms.hpp"
#include "schema.hpp"

namespace newsdex::searchd {

Xapian::Database open_index(const std::string& spec) {
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
  return Xapian::Remote::open(address.substr(0, colon), port, 10000, 5000);
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

IndexHandle::IndexHandle(std::vector<std::string> specs, Metrics& metrics)
    : specs_(std::move(specs)), metrics_(metrics) {}

std::vector<std::pair<dev_t, ino_t>> IndexHandle::identities() const {
  std::vector<std::pair<dev_t, ino_t>> ids;
  for (const auto& spec : specs_) {
    struct stat st {};
    if (!spec.starts_with("tcp://") && ::stat(spec.c_str(), &st) == 0)
      ids.emplace_back(st.st_dev, st.st_ino);
    else
      ids.emplace_back(0, 0);
  }
  return ids;
}

ApiResult<Xapian::Database*> IndexHandle::refresh() {
  try {
    // reopen() follows new revisions of the same files; a directory swapped in whole needs the
    // new files opened.
    if (db_ && identities() != opened_) db_.reset();
    if (!db_) {
      opened_ = identities();
      Xapian::Database combined;
      for (const auto& spec : specs_) combined.add_database(open_index(spec));
      db_ = std::move(combined);
    } else if (db_->reopen()) {
      metrics_.record_reopen();
    }
    return &*db_;
  } catch (const Xapian::Error& e) {
    db_.reset();
    return ApiError{503, "index_unavailable", "the index cannot be opened at the moment",
                    e.get_description()};
  }
}

void IndexHandle::recover() {
  try {
    if (db_ && db_->reopen()) metrics_.record_reopen();
  } catch (const Xapian::Error&) {
    db_.reset();
  }
}

}  // namespace newsdex::searchd
