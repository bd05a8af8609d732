#include "entity_directory.hpp"

#include "entity_terms.hpp"
#include "schema.hpp"

namespace newsdex::searchd {
namespace {

// A local index has a revision number; a set of shards does not, so there the last commit's time,
// the table's next id and the document count stand for it.
std::string revision_of(const Xapian::Database& db) {
  try {
    return "r" + std::to_string(db.get_revision());
  } catch (const Xapian::Error&) {
    return db.get_metadata(schema::kMetaLastCommit) + "/" + db.get_metadata(kMetaEntityNextId) +
           "/" + std::to_string(db.get_doccount());
  }
}

}  // namespace

Result<const EntityTable*> EntityDirectory::at(const Xapian::Database& db) {
  std::string revision;
  try {
    revision = revision_of(db);
  } catch (const Xapian::Error& e) {
    return make_error(Errc::index_error, "reading the index revision: " + e.get_msg());
  }
  if (!table_ || revision != loaded_at_) {
    auto loaded = load_entity_table(db);
    if (!loaded) return loaded.error();
    table_ = std::move(*loaded);
    loaded_at_ = std::move(revision);
  }
  return &*table_;
}

}  // namespace newsdex::searchd
