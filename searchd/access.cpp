#include "access.hpp"

#include <algorithm>

#include "sha256.hpp"

namespace newsdex::searchd {
namespace {

// Both are 64 hex digits; every byte is compared whatever the earlier ones were.
bool same_digest(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

KeyRing::KeyRing(const std::vector<std::string>& api_keys,
                 const std::vector<std::string>& search_keys) {
  for (const auto& key : api_keys) digests_.emplace_back(sha256_hex(key), Access::full);
  for (const auto& key : search_keys) digests_.emplace_back(sha256_hex(key), Access::search);
}

Access KeyRing::check(std::string_view key) const {
  if (key.empty()) return Access::none;
  const std::string digest = sha256_hex(key);
  Access granted = Access::none;
  for (const auto& [known, access] : digests_)  // no early exit: every key costs the same
    granted = std::max(granted, same_digest(known, digest) ? access : Access::none);
  return granted;
}

}  // namespace newsdex::searchd
