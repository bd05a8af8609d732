// The search server's request handling over the tiny index, shared by the router and NDJSON
// targets: one router without API keys and one that requires a key (and allows any CORS origin),
// so both the open and the guarded paths are explored. Built once per process.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "router.hpp"

namespace newsdex::fuzz {

struct SearchdHarness {
  searchd::Router& open;
  searchd::Router& keyed;
};

SearchdHarness& searchd_harness();

// Aborts unless `status` is a status the API promises (a 500 means a handler threw or the index
// refused a request it had accepted: always a bug) and `body` is its error object when it fails.
void check_answer(int status, const nlohmann::json& body, std::string_view input);

}  // namespace newsdex::fuzz
