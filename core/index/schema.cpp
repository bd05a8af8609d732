#include "schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "ascii.hpp"
#include "sha256.hpp"

namespace newsdex::schema {

std::string document_id(std::string_view relative_path, int part) {
  std::string id(relative_path);
  if (part >= 0) id += "#" + std::to_string(part);
  return id;
}

std::string indexed_at_value(std::int64_t ns) {
  constexpr std::int64_t kNs = 1'000'000'000;
  return fmt::format("{}.{:09}", ns / kNs, ns % kNs);
}

IndexedAt parse_indexed_at(std::string_view value) {
  const char* const end = value.data() + value.size();
  std::int64_t seconds = 0;
  auto [next, error] = std::from_chars(value.data(), end, seconds);
  if (error != std::errc() || seconds < 0) return {};
  IndexedAt at{seconds * 1'000'000'000, false};
  std::int64_t fraction = 0;
  if (end - next == 10 && *next == '.' && std::from_chars(next + 1, end, fraction).ptr == end &&
      fraction >= 0) {
    at.ns += fraction;
    at.exact = true;
  }
  return at;
}

std::string hashed_key(std::string_view prefix, std::string_view key) {
  std::string term(prefix);
  if (prefix.size() + key.size() <= kMaxTermBytes) return term.append(key);
  // Keep a readable head so `xapian-delve` output still says roughly what the key was.
  return term.append(key.substr(0, 64)).append("#").append(sha256_hex(key));
}

std::string id_term(std::string_view id) {
  return hashed_key(kPrefixId, id);
}

std::string file_term(std::string_view relative_path) {
  return hashed_key(kPrefixFile, relative_path);
}

std::string file_extension(std::string_view relative_path) {
  auto name = relative_path.substr(relative_path.rfind('/') + 1);
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return ascii_lower(name.substr(dot + 1));
}

std::string top_folder(std::string_view relative_path) {
  auto slash = relative_path.find('/');
  return slash == std::string_view::npos ? std::string()
                                         : std::string(relative_path.substr(0, slash));
}

}  // namespace newsdex::schema
