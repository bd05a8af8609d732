#include "logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

namespace newsdex {
namespace {

// %*: the message as a JSON string literal (quotes included), so messages cannot break the line.
class JsonMessageFlag : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    auto text = nlohmann::json(std::string(msg.payload.data(), msg.payload.size()))
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    dest.append(text.data(), text.data() + text.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<JsonMessageFlag>();
  }
};

}  // namespace

Status configure_logging(const LogConfig& config) {
  auto level = spdlog::level::from_str(config.level);
  if (level == spdlog::level::off && config.level != "off")
    return make_error(Errc::invalid_argument,
                      "unknown log level '" + config.level +
                          "' (use trace, debug, info, warn, error, critical or off)");
  auto logger = spdlog::stderr_color_mt("newsdex");
  spdlog::set_default_logger(logger);
  spdlog::set_level(level);
  if (config.json) {
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    formatter->add_flag<JsonMessageFlag>('*').set_pattern(
        R"({"time":"%Y-%m-%dT%H:%M:%S.%e%z","level":"%l","msg":%*})");
    spdlog::set_formatter(std::move(formatter));
  } else {
    spdlog::set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ %v");
  }
  return Ok{};
}

}  // namespace newsdex
