#include "compression.hpp"

#include <algorithm>
#include <charconv>

#include "ascii.hpp"
#include "gzip.hpp"

namespace newsdex::searchd {
namespace {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The q value of one Accept-Encoding element ("gzip;q=0.5" -> 0.5; none -> 1).
double quality(std::string_view params) {
  for (std::size_t at = 0; at < params.size();) {
    const std::size_t semi = std::min(params.find(';', at), params.size());
    const std::string_view param = trim(params.substr(at, semi - at));
    at = semi + 1;
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
    double q = 0;
    const auto value = param.substr(2);
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), q);
    return ec == std::errc() && end == value.data() + value.size() ? q : 0;
  }
  return 1;
}

bool compressible(std::string_view content_type) {
  const std::string type = ascii_lower(content_type.substr(0, content_type.find(';')));
  return type.starts_with("text/") || type == "application/json" ||
         type == "application/x-ndjson" || type == "application/javascript" ||
         type == "image/svg+xml";
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  bool gzip_named = false, gzip_ok = false, any_ok = false;
  for (std::size_t at = 0; at <= accept_encoding.size();) {
    const std::size_t comma = std::min(accept_encoding.find(',', at), accept_encoding.size());
    const std::string_view item = trim(accept_encoding.substr(at, comma - at));
    at = comma + 1;
    const std::size_t semi = std::min(item.find(';'), item.size());
    const std::string coding = ascii_lower(trim(item.substr(0, semi)));
    const double q = quality(item.substr(semi));
    if (coding == "gzip" || coding == "x-gzip") {
      gzip_named = true;
      gzip_ok = gzip_ok || q > 0;
    } else if (coding == "*") {
      any_ok = q > 0;
    }
  }
  return gzip_named ? gzip_ok : any_ok;
}

void compress_response(std::string_view accept_encoding, int level, std::size_t min_bytes,
                       Response& response) {
  if (level <= 0 || !compressible(response.content_type)) return;
  response.headers.emplace_back("Vary", "Accept-Encoding");
  if (response.body.size() < min_bytes || !accepts_gzip(accept_encoding)) return;
  auto packed = gzip(response.body, std::min(level, 9));
  if (!packed || packed->size() >= response.body.size()) return;
  response.body = std::move(*packed);
  response.headers.emplace_back("Content-Encoding", "gzip");
}

}  // namespace newsdex::searchd
