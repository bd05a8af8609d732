// Logging setup shared by both daemons: spdlog to stderr, level from the config or a flag, and
// optionally one JSON object per line for log shippers.
#pragma once

#include "config.hpp"
#include "result.hpp"

namespace newsdex {

// Errc::invalid_argument for an unknown level name.
Status configure_logging(const LogConfig& config);

}  // namespace newsdex
