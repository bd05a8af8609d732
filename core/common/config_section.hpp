// Reading one [section] of a TOML config file with toml++: typed readers that name the file, line
// and key in every complaint and remember which keys they consumed, so anything left over is
// reported as unknown. Private to config.cpp (toml++ is a private dependency of newsdex_common).
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "result.hpp"

namespace newsdex::config_file {

// Raised by the readers and turned into an Error at parse_config's border; it keeps each reader
// a single line instead of a chain of early returns.
struct ConfigError {
  Errc code;
  std::string message;
};

// "file:12: " when the line is known (toml++ leaves it 0 for implicit tables), else "file: ".
std::string where(std::string_view source, const toml::source_region& region);

class Section {
 public:
  // table is null when the file has no such section (every key then keeps its default).
  Section(const toml::table* table, std::string name, std::string_view source)
      : table_(table), name_(std::move(name)), source_(source) {}

  template <class Int>
  void read(std::string_view key, Int& out, std::uint64_t min, std::uint64_t max) {
    const toml::node* node = find(key);
    if (!node) return;
    const auto* integer = node->as_integer();
    if (!integer) fail(*node, key, "must be an integer");
    const std::int64_t v = integer->get();
    if (v < 0 || static_cast<std::uint64_t>(v) < min || static_cast<std::uint64_t>(v) > max) {
      fail(*node, key,
           "must be between " + std::to_string(min) + " and " + std::to_string(max) + " (got " +
               std::to_string(v) + ")");
    }
    out = static_cast<Int>(v);
  }

  // A number (integer or float) within [min, max].
  void read_real(std::string_view key, double& out, double min, double max);
  void read(std::string_view key, bool& out);
  void read(std::string_view key, std::string& out);
  // A string that must not be empty: leaving the key out is how one says "unset".
  void read(std::string_view key, std::filesystem::path& out);
  void read(std::string_view key, std::vector<std::string>& out, bool allow_empty_items = true);
  void read(std::string_view key, std::vector<std::filesystem::path>& out);

  // For checks beyond the type: fails at the key's line (or the section's when the key is absent).
  void require(bool condition, std::string_view key, std::string_view what) const;

  void reject_unknown_keys() const;

 private:
  const toml::node* find(std::string_view key);
  const toml::node* find(std::string_view key) const;
  [[noreturn]] void fail(const toml::source_region& at, std::string_view key,
                         std::string_view what) const;
  [[noreturn]] void fail(const toml::node& at, std::string_view key, std::string_view what) const {
    fail(at.source(), key, what);
  }

  const toml::table* table_;
  std::string name_;
  std::string_view source_;
  std::set<std::string, std::less<>> known_;
};

}  // namespace newsdex::config_file
