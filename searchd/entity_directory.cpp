#include "entity_directory.hpp"

#include "entity_terms.hpp"
#include "index_handle.hpp"

namespace newsdex::searchd {
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
