// The lower-case particles inside personal names ("Ursula von der Leyen", "Osama bin Laden",
// "Guillermo del Toro"): one table for reading bylines (metadata.cpp) and for entity extraction
// (the gazetteer's word lists), so a name that passes as a byline also reads as a person.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace newsdex {

inline constexpr std::array<std::string_view, 23> kNameParticles = {
    "abu", "al", "ben", "bin", "bint", "da", "das", "de", "del", "den", "der",  "di",
    "dos", "du", "el",  "ibn", "la",   "le", "ud",  "ul", "van", "von", "uddin"};

// Whether a lower-case word is a name particle ("von" is; "Von", which opens a German byline, is
// compared by the caller as it needs).
inline bool is_name_particle(std::string_view word) {
  return std::ranges::find(kNameParticles, word) != kNameParticles.end();
}

}  // namespace newsdex
