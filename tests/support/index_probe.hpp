// Looking into an index from a test the way a fresh reader would: document by id, content hash,
// counts, and a bounded wait for a condition while a daemon works in the background.
#pragma once

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace newsdex::testing {

class IndexProbe {
 public:
  explicit IndexProbe(std::filesystem::path index) : index_(std::move(index)) {}

  // The number of documents with this id (0 or 1 unless something is wrong).
  unsigned count(const std::string& id) const;

  // The stored fields of a document id (stored_record::decode_all), when present and readable.
  std::optional<nlohmann::json> data(const std::string& id) const;

  std::optional<Xapian::docid> docid(const std::string& id) const;

  Xapian::doccount documents() const;

  // Polls condition (re-reading the index) until it holds or `limit` passes. Never used to
  // assert speed: the limit only keeps a broken build from hanging.
  bool eventually(const std::function<bool(const IndexProbe&)>& condition,
                  std::chrono::milliseconds limit = std::chrono::seconds(20)) const;

 private:
  std::optional<Xapian::Database> open() const;
  std::optional<Xapian::Document> document(const std::string& id) const;
  std::filesystem::path index_;
};

}  // namespace newsdex::testing
