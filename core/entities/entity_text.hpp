// Text helpers shared by entity extraction and canonicalisation: tokens that carry what name
// heuristics need (capitals, initials, possessives, sentence starts, hyphen joins) over the words
// of newsdex's one segmentation (WordSegmenter), keyed by its one folding (normalize.hpp);
// transliteration-tolerant name keys and a small edit distance. Every function here is safe from
// any thread (ICU's iterators are kept one per thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::entity_text {

enum class Script : std::uint8_t { other, latin, cyrillic, arabic, cjk };

struct Token {
  std::uint32_t begin = 0;  // byte range in the tokenized text
  std::uint32_t end = 0;
  std::string key;  // the word folded by newsdex::fold (case, accents, look-alike letters)
  Script script = Script::other;
  bool cap = false;             // first letter upper case
  bool all_caps = false;        // two or more letters, all upper case ("NATO", "UNSC")
  bool initial = false;         // one upper-case letter followed by '.' ("T." in "T. Volyev")
  bool dot_after = false;       // '.' right after the word
  bool possessive = false;      // "Chile's", "Kenyans’"
  bool sentence_start = false;  // first word of a sentence, a line, or a quotation
  bool hyphen_before = false;   // joined to the previous word by '-' ("Guinea-Bissau")
  bool paren_before = false;    // '(' right before the word
  bool paren_after = false;     // ')' right after the word
  bool comma_after = false;     // ',' (or ';') right after the word
  bool line_start = false;      // first word of a line
  bool line_end = false;        // last word of a line
  bool digit = false;           // starts with a digit
};

// Splits UTF-8 text into tokens with the flags above: the segmenter's words, cut again where a
// name reader needs it (between the initials of "J.K", before a possessive "'s").
std::vector<Token> tokenize(std::string_view text);

// A folded word of another script in ASCII Latin letters as English-language news spells names:
// Cyrillic by the BGN/PCGN romanisation ("кузнецов" -> "kuznetsov", "дмитрий" -> "dmitriy"), other
// scripts by ICU's Any-Latin; apostrophes for soft signs dropped. ASCII input is returned as it is.
std::string latin_name(std::string_view folded);

// A key that ignores the usual transliteration differences in names: "Volyev"/"Volev",
// "Bashdhri"/"Bashdri", "Sarwan"/"Sarvan", doubled letters, and the script ("Волев" is "Volev").
// Input is a folded word.
std::string name_key(std::string_view folded);

// Optimal-string-alignment distance (adjacent transpositions count 1), on bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Two name keys are one name spelled two ways: equal, or close enough for their length.
bool same_name_token(std::string_view key_a, std::string_view key_b);

// Splits a person name into name keys ("Tamir Volyev" -> {"tamir", "volev"}); initials keep
// their single letter ("T. Volev" -> {"t", "volev"}).
std::vector<std::string> person_keys(std::string_view name);

// Whether two person names can denote one person: surnames match, and every given name of the
// shorter one matches (fully or as an initial) a given name of the other, in order. A bare
// surname is compatible only when allow_bare_surname is set (within one document).
bool person_names_compatible(const std::vector<std::string>& a, const std::vector<std::string>& b,
                             bool allow_bare_surname);

// The key that identifies an organisation however it is written: folded, a leading "the" dropped,
// British/American spellings unified, "Ministry of Foreign Affairs" read as "Foreign Ministry".
std::string org_key(std::string_view name);

// Script of the first letter of a word (tokens take it from their folded key, so "Аliyev" with a
// Cyrillic look-alike А counts as Latin).
Script script_of(std::string_view word);

}  // namespace newsdex::entity_text
