#include "index_state.hpp"

#include <charconv>
#include <map>

#include "schema.hpp"

namespace newsdex {
namespace {

template <class Int>
Int to_int(const std::string& text) {
  Int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// docid -> value of one slot, for every document that has it.
std::map<Xapian::docid, std::string> slot_values(const Xapian::Database& db, unsigned slot) {
  std::map<Xapian::docid, std::string> values;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it)
    values.emplace(it.get_docid(), *it);
  return values;
}

}  // namespace

IndexState read_index_state(const Xapian::Database& db) {
  IndexState state;
  const auto sizes = slot_values(db, schema::kSlotSize);
  const auto mtimes = slot_values(db, schema::kSlotMtime);
  const auto hashes = slot_values(db, schema::kSlotSha256);
  const auto indexed = slot_values(db, schema::kSlotIndexedAt);
  for (auto it = db.valuestream_begin(schema::kSlotSourcePath);
       it != db.valuestream_end(schema::kSlotSourcePath); ++it) {
    const auto docid = it.get_docid();
    auto find = [&](const auto& values) {
      auto found = values.find(docid);
      return found == values.end() ? std::string() : found->second;
    };
    IndexedFile file{to_int<std::uint64_t>(find(sizes)),
                     to_int<std::int64_t>(find(mtimes)),
                     find(hashes),
                     schema::parse_indexed_at(find(indexed)),
                     {},
                     false};
    auto [entry, fresh] = state.try_emplace(*it, file);
    // The parts of one file were all written from the same bytes; anything else is a leftover.
    if (!fresh && entry->second.sha256 != file.sha256) entry->second.suspect = true;
  }
  // An id held by two documents: both carry the same path, so the file is re-indexed whole.
  const std::string id_prefix(schema::kPrefixId);
  for (auto term = db.allterms_begin(id_prefix); term != db.allterms_end(id_prefix); ++term) {
    if (term.get_termfreq() < 2) continue;
    for (auto post = db.postlist_begin(*term); post != db.postlist_end(*term); ++post) {
      const auto path = db.get_document(*post).get_value(schema::kSlotSourcePath);
      if (auto found = state.find(path); found != state.end()) found->second.suspect = true;
    }
  }
  for (auto& [_, file] : state)
    if (file.suspect) file.sha256.clear();
  return state;
}

}  // namespace newsdex
