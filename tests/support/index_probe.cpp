#include "index_probe.hpp"

#include <thread>

#include "schema.hpp"
#include "stored_record.hpp"

namespace newsdex::testing {

std::optional<Xapian::Database> IndexProbe::open() const {
  try {
    return Xapian::Database(index_.string());
  } catch (const Xapian::DatabaseOpeningError&) {
    return std::nullopt;  // not created yet
  }
}

unsigned IndexProbe::count(const std::string& id) const {
  auto db = open();
  return db ? db->get_termfreq(schema::id_term(id)) : 0;
}

std::optional<Xapian::Document> IndexProbe::document(const std::string& id) const {
  auto db = open();
  if (!db) return std::nullopt;
  auto term = schema::id_term(id);
  auto it = db->postlist_begin(term);
  if (it == db->postlist_end(term)) return std::nullopt;
  return db->get_document(*it);
}

std::optional<Xapian::docid> IndexProbe::docid(const std::string& id) const {
  auto doc = document(id);
  return doc ? std::optional(doc->get_docid()) : std::nullopt;
}

std::optional<nlohmann::json> IndexProbe::data(const std::string& id) const {
  auto doc = document(id);
  if (!doc) return std::nullopt;
  auto fields = stored_record::decode_all(*doc);
  if (!fields) return std::nullopt;
  return std::move(*fields);
}

Xapian::doccount IndexProbe::documents() const {
  auto db = open();
  return db ? db->get_doccount() : 0;
}

bool IndexProbe::eventually(const std::function<bool(const IndexProbe&)>& condition,
                            std::chrono::milliseconds limit) const {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    try {
      if (condition(*this)) return true;
    } catch (const Xapian::DatabaseModifiedError&) {
      // The writer committed twice while we read: look again.
    }
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace newsdex::testing
