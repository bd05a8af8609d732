// Who may call what. api_keys grant everything; search_keys only what the search page needs
// (search, documents, health), so a key handed to browsers cannot read /stats or /metrics. Keys
// are compared as SHA-256 digests in constant time: neither the bytes nor the length of a
// configured key can be learnt from response times.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex::searchd {

enum class Access { none, search, full };

class KeyRing {
 public:
  KeyRing(const std::vector<std::string>& api_keys, const std::vector<std::string>& search_keys);

  // True when no keys are configured: every request has full access.
  bool open() const { return digests_.empty(); }

  // The access a presented key grants (none for an unknown or empty key).
  Access check(std::string_view key) const;

 private:
  std::vector<std::pair<std::string, Access>> digests_;
};

}  // namespace newsdex::searchd
