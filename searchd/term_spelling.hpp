// Spelling suggestions from the term dictionary, for indexes whose spelling data cannot be read:
// Xapian's remote backend (xapian-tcpsrv shards) has none. The suggestion is the most frequent
// indexed word within edit distance 2 of the given one (a swap of two neighbouring letters counts
// as one edit) among those sharing its first letters, as Xapian's own limit of 2 edits does.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace newsdex {

// "" when no indexed word is close enough. Reads at most kMaxCandidates terms.
std::string suggest_from_terms(const Xapian::Database& db, std::string_view word);

// Edits (insertions, deletions, substitutions, swaps of neighbours) between two UTF-8 words,
// counted in code points; stops counting past `limit` and returns limit + 1.
unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit);

}  // namespace newsdex
