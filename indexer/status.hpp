// `newsdex-indexer --status`: what an index holds and what its indexer last recorded, for people
// (documents, languages, dates, last commit, errors, the newest titles).
#pragma once

#include <filesystem>
#include <string>

#include "result.hpp"

namespace newsdex {

// Errc::not_found when there is no index at index_dir.
Result<std::string> index_status_report(const std::filesystem::path& index_dir,
                                        unsigned newest_titles = 5);

}  // namespace newsdex
