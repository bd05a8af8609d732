// Fuzzes the config loader's parsing (parse_config: TOML text to Config, every key checked).
// Promise checked: a rejection names the source and says what was wrong.
#include <string>

#include "config.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto config = newsdex::parse_config(newsdex::fuzz::as_text(data, size), "fuzz.toml");
  if (!config.ok())
    newsdex::fuzz::check(config.error().message.starts_with("fuzz.toml") &&
                             config.error().message.size() > std::string_view("fuzz.toml").size(),
                         "a config error names the file and the problem", config.error().message);
  return 0;
}
