// MentionFinder's person passes: runs of capitalised Latin-script words left after organisations
// and places, cut after their titles ("Foreign Minister Lena Ortmann"), with the cues that
// make one word enough to be a person ("Mr. Khan", "said Volyev"); and runs of capitalised
// Cyrillic words, which Russian capitalises only in names ("Сергей Лавров", "И. Алиев").
#include <string_view>
#include <unordered_set>

#include "mention_finder.hpp"

namespace newsdex {

bool MentionFinder::name_token_ok(const Token& t) const {
  if (t.initial) return true;
  if (gaz_.is_given_name(t.key)) return true;
  return !gaz_.is_common_word(t.key) && !gaz_.is_org_word(t.key) && !gaz_.is_title(t.key) &&
         !t.all_caps;
}

// Runs of capitalised words left over, cut after their titles ("Foreign Minister Lena
// Ortmann").
void MentionFinder::find_people() {
  for (std::size_t i = 0; i < tokens_.size();) {
    if (!latin_cap(i) || tokens_[i].digit) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < tokens_.size() && !tokens_[end - 1].possessive && !tokens_[end - 1].comma_after &&
           !tokens_[end - 1].paren_after && !tokens_[end - 1].line_end &&
           !tokens_[end].paren_before) {
      if (latin_cap(end) && (!tokens_[end].sentence_start || tokens_[end - 1].dot_after)) {
        // "Mr. Khan", "T. Volyev": the dot after a title or an initial does not end the sentence.
        if (tokens_[end].sentence_start && !tokens_[end - 1].initial &&
            !gaz_.is_title(tokens_[end - 1].key))
          break;
        ++end;
      } else if (end + 1 < tokens_.size() && gaz_.is_name_particle(tokens_[end].key) &&
                 !tokens_[end].cap && latin_cap(end + 1)) {
        end += 2;
      } else {
        break;
      }
    }
    add_person_run(i, end);
    i = end;
  }
}

void MentionFinder::add_person_run(std::size_t begin, std::size_t end) {
  bool cue = false;
  std::size_t name = begin;
  for (std::size_t k = begin; k < end; ++k) {
    if (gaz_.is_title(tokens_[k].key) && !gaz_.is_given_name(tokens_[k].key)) {
      cue = true;
      name = k + 1;
    }
  }
  if (!cue && begin > 0) {
    const Token& before = tokens_[begin - 1];
    cue = !before.cap && gaz_.is_role_noun(before.key) && !before.comma_after &&
          !tokens_[begin].sentence_start;
  }
  // A byline: "By Jane Doe" opening a line (the extractor's text starts with the byline).
  if (tokens_[begin].key == "by" && tokens_[begin].sentence_start) cue = true;
  // "Frank Lloyd", "Bill Ortmann": a given name that is also a word, in front of a name.
  const auto word_name = [&](std::size_t k) {
    return gaz_.is_word_given_name(tokens_[k].key) && k + 1 < end &&
           name_token_ok(tokens_[k + 1]) && !tokens_[k + 1].initial;
  };
  // Leading words that cannot start a name: "However", "Viewers", "By".
  while (name < end && !gaz_.is_given_name(tokens_[name].key) && !tokens_[name].initial &&
         !word_name(name) &&
         (gaz_.is_common_word(tokens_[name].key) || gaz_.is_org_word(tokens_[name].key) ||
          tokens_[name].key == "by")) {
    ++name;
  }
  // "Davis St.", "Ellis Av.": a street, not a person.
  static const std::unordered_set<std::string_view> kStreets = {"st",   "av", "ave", "rd",
                                                                "blvd", "ln", "pkwy"};
  if (tokens_[end - 1].dot_after && kStreets.contains(tokens_[end - 1].key)) return;
  // Trailing words that cannot end a name: "the Kennedy Administration" names Kennedy.
  while (end > name && !gaz_.is_given_name(tokens_[end - 1].key) && !tokens_[end - 1].initial &&
         (gaz_.is_common_word(tokens_[end - 1].key) || gaz_.is_org_word(tokens_[end - 1].key)))
    --end;
  if (name >= end) return;
  const bool word_given = word_name(name);
  for (std::size_t k = name; k < end; ++k) {
    if (k == name && word_given) continue;
    if (!name_token_ok(tokens_[k]) && !gaz_.is_name_particle(tokens_[k].key)) return;
  }
  const std::size_t words = end - name;
  Candidate raw{EntityType::person, cue ? begin : name, end, name, {}};
  if (cue && tokens_[begin].key == "by") raw.begin_tok = begin + 1;
  raw.cue = cue;
  const bool initial = tokens_[name].initial && words >= 2;
  const bool given = words >= 2 && (gaz_.is_given_name(tokens_[name].key) || word_given);
  const bool speech =
      end < tokens_.size() && !tokens_[end].cap && gaz_.is_speech_verb(tokens_[end].key);
  // "Khrushchev's": places and organisations are claimed by now, and what is left that owns
  // something is mostly a person.
  const bool owner = words == 1 && tokens_[end - 1].possessive;
  // "talks with Castro": inside a sentence, a word only names use; not a given name alone
  // ("Sarah", "April"), a town the text does not place ("Geneva"), or a word after an article
  // or a preposition of place, which people rarely follow ("the Nile", "in Hebrew").
  static const std::unordered_set<std::string_view> kNotBeforePeople = {
      "the", "a", "an", "in", "at", "on", "near", "into", "onto", "outside"};
  const bool name_word = words == 1 && gaz_.is_name_word(tokens_[name].key) &&
                         !gaz_.is_given_name(tokens_[name].key) && !gaz_.match(tokens_, name) &&
                         !(name > 0 && kNotBeforePeople.contains(tokens_[name - 1].key));
  raw.evidence = cue || initial || given || speech || owner || name_word;
  if (words == 1 && tokens_[name].sentence_start && !cue) raw.evidence = false;
  if (tokens_[end - 1].initial || tokens_[end - 1].key.size() < 2) return;  // "N.Y.", "J. D."
  candidates_.push_back(std::move(raw));
}

bool MentionFinder::cyrillic_cap(std::size_t i) const {
  return i < tokens_.size() && tokens_[i].script == entity_text::Script::cyrillic &&
         tokens_[i].cap && !tokens_[i].all_caps && !used_[i];
}

// Two or three capitalised Cyrillic words are a name when one is a known given name
// (transliterated), an initial, or ends as surnames do; one word is a name with a surname ending
// and a role word or speech verb beside it ("президент Алиев", "сказал Гусейнов").
void MentionFinder::find_cyrillic_people() {
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    if (!cyrillic_cap(i)) continue;
    std::size_t end = i + 1;
    while (end < tokens_.size() && end - i < 3 && cyrillic_cap(end) &&
           !tokens_[end - 1].comma_after && !tokens_[end - 1].line_end &&
           !tokens_[end - 1].possessive &&
           (!tokens_[end].sentence_start || tokens_[end - 1].initial))
      ++end;
    const Token& first = tokens_[i];
    const Token& last = tokens_[end - 1];
    const bool surname = !last.initial && gaz_.has_surname_ending(last.key);
    bool evidence = false;
    bool cue = false;
    if (end - i >= 2) {
      evidence = !last.initial && (surname || first.initial ||
                                   gaz_.is_given_name(entity_text::latin_name(first.key)));
    } else if (surname) {
      const bool before =
          i > 0 && !tokens_[i - 1].cap &&
          (gaz_.is_role_noun(tokens_[i - 1].key) || gaz_.is_speech_verb(tokens_[i - 1].key));
      const bool after =
          end < tokens_.size() && !tokens_[end].cap && gaz_.is_speech_verb(tokens_[end].key);
      cue = before;
      evidence = before || after;
    }
    if (!evidence) continue;
    Candidate person{EntityType::person, i, end, i, {}};
    person.cue = cue;
    person.evidence = true;
    candidates_.push_back(std::move(person));
    claim(i, end);
    i = end - 1;
  }
}

// Arabic script has no capitals: a name is the two or three words after a role and its
// modifiers ("وزیر اعظم شہباز شریف نے", "الرئيس إلهام علييف"), up to a particle or postposition.
void MentionFinder::find_arabic_script_people() {
  const auto free_word = [&](std::size_t k) {
    return k < tokens_.size() && tokens_[k].script == entity_text::Script::arabic && !used_[k] &&
           !tokens_[k].digit && !gaz_.is_role_noun(tokens_[k].key) &&
           !gaz_.is_particle(tokens_[k].key);
  };
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    if (tokens_[i].script != entity_text::Script::arabic || !gaz_.is_role_noun(tokens_[i].key))
      continue;
    std::size_t begin = i + 1;
    while (begin < tokens_.size() && gaz_.is_role_noun(tokens_[begin].key) &&
           !tokens_[begin - 1].comma_after && !tokens_[begin - 1].line_end)
      ++begin;
    if (begin == tokens_.size() || tokens_[begin - 1].comma_after || tokens_[begin - 1].line_end)
      continue;
    std::size_t end = begin;
    while (end - begin < 3 && free_word(end) && (end == begin || !tokens_[end].sentence_start)) {
      ++end;
      if (tokens_[end - 1].comma_after || tokens_[end - 1].line_end) break;
    }
    if (end - begin < 2) continue;
    add_cued_person(i, begin, end);
    i = end - 1;
  }
}

void MentionFinder::add_cued_person(std::size_t begin, std::size_t name_begin, std::size_t end) {
  Candidate person{EntityType::person, begin, end, name_begin, {}};
  person.cue = true;
  person.evidence = true;
  candidates_.push_back(std::move(person));
  claim(begin, end);
}

}  // namespace newsdex
