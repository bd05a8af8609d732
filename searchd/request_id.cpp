#include "request_id.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <random>

namespace newsdex::searchd {
namespace {

// Safe to write into a log line and a header as it is.
bool acceptable(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::ranges::all_of(id, [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '_' || c == '-';
  });
}

}  // namespace

RequestIds::RequestIds() {
  char text[9];
  std::snprintf(text, sizeof text, "%08x", static_cast<unsigned>(std::random_device{}()));
  prefix_ = text;
}

std::string RequestIds::next(std::string_view given) {
  if (acceptable(given)) return std::string(given);
  return prefix_ + "-" + std::to_string(counter_.fetch_add(1, std::memory_order_relaxed) + 1);
}

}  // namespace newsdex::searchd
