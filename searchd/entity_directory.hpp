// The index-wide entity table as searchd reads it: loaded from the index metadata (the indexer
// saves it with every commit, entity_terms.hpp) and kept until the index changes. It serves what
// the filter terms alone cannot: a filter by an alias ("person=Volev" finds the documents of
// "Tamir Volyev") and the /entities listing for autocompletion. One per Searcher: not
// thread-safe, like the Xapian handle it reads from.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>

#include "entity_table.hpp"
#include "result.hpp"

namespace newsdex::searchd {

class EntityDirectory {
 public:
  // The table as of db's current revision (loaded again only when the index has changed), or an
  // error when the stored table cannot be read.
  Result<const EntityTable*> at(const Xapian::Database& db);

 private:
  std::string loaded_at_;  // what identified the revision the table was loaded from
  std::optional<EntityTable> table_;
};

}  // namespace newsdex::searchd
