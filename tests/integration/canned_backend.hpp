// A search backend with canned answers, for testing the router and the server without an index:
// searches find nothing, no document exists (so it has no similar or related ones), the index
// counts three documents and is healthy. Each test's backend overrides what that test probes.
#pragma once

#include <string>

#include "backend.hpp"

namespace newsdex::testing {

class CannedBackend : public searchd::Backend {
 public:
  searchd::ApiResult<nlohmann::json> search(const searchd::SearchRequest&) override {
    return nlohmann::json{{"total", {{"value", 0}, {"exact", true}}},
                          {"hits", nlohmann::json::array()}};
  }
  searchd::ApiResult<nlohmann::json> document(const std::string&) override {
    return searchd::ApiError{404, "not_found", "no such document"};
  }
  searchd::ApiResult<nlohmann::json> versions(const std::string&) override {
    return searchd::ApiError{404, "not_found", "no such document"};
  }
  searchd::ApiResult<nlohmann::json> stats() override { return nlohmann::json{{"documents", 3}}; }
  searchd::ApiResult<nlohmann::json> health() override { return nlohmann::json{{"status", "ok"}}; }
  searchd::ApiResult<nlohmann::json> entities(const searchd::EntityListRequest&) override {
    return nlohmann::json{{"type", "person"}, {"entities", nlohmann::json::array()}};
  }
  searchd::ApiResult<nlohmann::json> similar(const searchd::CoverageRequest&) override {
    return searchd::ApiError{404, "not_found", "no such document"};
  }
  searchd::ApiResult<nlohmann::json> related(const searchd::CoverageRequest&) override {
    return searchd::ApiError{404, "not_found", "no such document"};
  }
};

}  // namespace newsdex::testing
