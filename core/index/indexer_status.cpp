#include "indexer_status.hpp"

#include <fstream>
#include <iterator>

#include "schema.hpp"

namespace newsdex {

nlohmann::json read_indexer_state(const Xapian::Database& db,
                                  const std::filesystem::path& index_dir) {
  // The file is small and fixed in size (padded with spaces); a torn read simply fails to parse.
  std::ifstream in(index_dir / kIndexerStatusFile, std::ios::binary);
  if (in) {
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto state = nlohmann::json::parse(text, nullptr, false);
    if (state.is_object()) return state;
  }
  auto state = nlohmann::json::parse(db.get_metadata(schema::kMetaIndexerState), nullptr, false);
  return state.is_object() ? state : nlohmann::json();
}

}  // namespace newsdex
