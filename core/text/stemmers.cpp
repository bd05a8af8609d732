#include "stemmers.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace newsdex {
namespace {

// Xapian 1.4's Snowball stemmers by ISO 639-1 code. Norwegian appears once per written standard.
constexpr std::array<std::pair<std::string_view, std::string_view>, 26> kStemmers{{
    {"ar", "arabic"},     {"ca", "catalan"},  {"da", "danish"},     {"de", "german"},
    {"en", "english"},    {"es", "spanish"},  {"eu", "basque"},     {"fi", "finnish"},
    {"fr", "french"},     {"ga", "irish"},    {"hu", "hungarian"},  {"hy", "armenian"},
    {"id", "indonesian"}, {"it", "italian"},  {"lt", "lithuanian"}, {"nb", "norwegian"},
    {"ne", "nepali"},     {"nl", "dutch"},    {"nn", "norwegian"},  {"no", "norwegian"},
    {"pt", "portuguese"}, {"ro", "romanian"}, {"ru", "russian"},    {"sv", "swedish"},
    {"ta", "tamil"},      {"tr", "turkish"},
}};

constexpr std::array<std::string_view, 24> kLanguages{
    "ar", "hy", "eu", "ca", "da", "nl", "en", "fi", "fr", "de", "hu", "id",
    "ga", "it", "lt", "ne", "no", "pt", "ro", "ru", "es", "sv", "ta", "tr"};

}  // namespace

std::string_view stemmer_name(std::string_view lang) {
  lang = lang.substr(0, lang.find_first_of("-_"));  // "pt-PT" stems as "pt"
  auto it = std::ranges::lower_bound(kStemmers, lang, {},
                                     &std::pair<std::string_view, std::string_view>::first);
  return it != kStemmers.end() && it->first == lang ? it->second : std::string_view{};
}

std::span<const std::string_view> stemmed_languages() {
  return kLanguages;
}

}  // namespace newsdex
