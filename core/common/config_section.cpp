#include "config_section.hpp"

#include <sstream>
#include <utility>

namespace newsdex::config_file {

std::string where(std::string_view source, const toml::source_region& region) {
  std::ostringstream out;
  out << source;
  if (region.begin.line != 0) out << ':' << region.begin.line;
  out << ": ";
  return out.str();
}

void Section::read_real(std::string_view key, double& out, double min, double max) {
  const toml::node* node = find(key);
  if (!node) return;
  const std::optional<double> v =
      node->is_integer() ? std::optional<double>(static_cast<double>(node->as_integer()->get()))
                         : node->value_exact<double>();
  if (!v) fail(*node, key, "must be a number");
  if (!(*v >= min && *v <= max)) {
    std::ostringstream range;
    range << "must be between " << min << " and " << max;
    fail(*node, key, range.str());
  }
  out = *v;
}

void Section::read(std::string_view key, bool& out) {
  const toml::node* node = find(key);
  if (!node) return;
  const auto* boolean = node->as_boolean();
  if (!boolean) fail(*node, key, "must be true or false");
  out = boolean->get();
}

void Section::read(std::string_view key, std::string& out) {
  const toml::node* node = find(key);
  if (!node) return;
  const auto* string = node->as_string();
  if (!string) fail(*node, key, "must be a string");
  out = string->get();
}

void Section::read(std::string_view key, std::filesystem::path& out) {
  const toml::node* node = find(key);
  if (!node) return;
  std::string text;
  read(key, text);
  if (text.empty()) fail(*node, key, "must not be empty (leave the key out instead)");
  out = text;
}

void Section::read(std::string_view key, std::vector<std::string>& out, bool allow_empty_items) {
  const toml::node* node = find(key);
  if (!node) return;
  const auto* array = node->as_array();
  if (!array) fail(*node, key, "must be an array of strings");
  std::vector<std::string> items;
  for (const toml::node& item : *array) {
    const auto* string = item.as_string();
    if (!string) fail(item, key, "must be an array of strings");
    if (!allow_empty_items && string->get().empty()) fail(item, key, "must not contain \"\"");
    items.push_back(string->get());
  }
  out = std::move(items);
}

void Section::read(std::string_view key, std::vector<std::filesystem::path>& out) {
  if (!find(key)) return;
  std::vector<std::string> items;
  read(key, items, /*allow_empty_items=*/false);
  out.assign(items.begin(), items.end());
}

void Section::require(bool condition, std::string_view key, std::string_view what) const {
  if (condition) return;
  const toml::node* node = find(key);
  fail(node ? node->source() : table_ ? table_->source() : toml::source_region{}, key, what);
}

void Section::reject_unknown_keys() const {
  if (!table_) return;
  for (const auto& [key, node] : *table_) {
    if (known_.contains(std::string(key.str()))) continue;
    throw ConfigError{Errc::invalid_argument, where(source_, key.source()) + "unknown key '" +
                                                  name_ + "." + std::string(key.str()) + "'"};
  }
}

const toml::node* Section::find(std::string_view key) {
  known_.emplace(key);
  return std::as_const(*this).find(key);
}

const toml::node* Section::find(std::string_view key) const {
  return table_ ? table_->get(key) : nullptr;
}

void Section::fail(const toml::source_region& at, std::string_view key,
                   std::string_view what) const {
  throw ConfigError{Errc::invalid_argument, where(source_, at) + "'" + name_ + "." +
                                                std::string(key) + "' " + std::string(what)};
}

}  // namespace newsdex::config_file
