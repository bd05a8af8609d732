#!/usr/bin/env python3
"""Where wordnet.tsv comes from: the named people, organisations and places of WordNet 3.0.

WordNet marks a proper name as an *instance* of a class ("Haydn" is an instance of composer,
"Tammany Hall" of political organisation, "Geneva" of city); an organisation is often a class of its own ("Federal Bureau of Investigation",
a kind of federal agency). This script keeps every capitalised instance whose classes lead up to
person or a location, and every capitalised synset below organisation, and writes one line per
name: type, canonical name (the synset's longest lemma), aliases ('|'-separated, the other
lemmas) and flags. A one-word name that is also an ordinary lower-case English word, a given
name, or a name of another type is marked ambiguous: newsdex reads it only where the text
supports it.

usage: gen_wordnet.py /usr/share/wordnet/data.noun /usr/share/dict/american-english \
           given_names.txt > wordnet.tsv
(data.noun is Debian's wordnet-base; the word list is Debian's wamerican.)
"""
import sys

PERSON, ORGANIZATION, LOCATION = "00007846", "08008335", "00027167"
# Locations that are not places a news story is "in": imaginary, celestial, or parts of a body.
NOT_PLACES = {"09468959", "09239740", "08673395"}  # imaginary place, celestial body, space
ROOTS = {PERSON: "person", ORGANIZATION: "org", LOCATION: "place"}
# Faiths and denominations sit below organisation; "Buddhism" is no body a story quotes, its
# churches are.
FAITHS = {"08081668", "08146782"}  # religion, denomination


def read_synsets(path):
    synsets = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head = line.split("|")[0].split()
            offset, count = head[0], int(head[3], 16)
            words = [head[4 + 2 * i] for i in range(count)]
            rest = head[4 + 2 * count:]
            pointers = int(rest[0])
            parents, instance_of = [], []
            for p in range(pointers):
                symbol, target = rest[1 + 4 * p], rest[2 + 4 * p]
                if symbol == "@":
                    parents.append(target)
                elif symbol == "@i":
                    instance_of.append(target)
            synsets[offset] = (words, parents, instance_of)
    return synsets


def root_of(synsets, offset, memo):
    """person, org, place or None: the first root reached going up from offset."""
    if offset in memo:
        return memo[offset]
    memo[offset] = None
    if offset in NOT_PLACES:
        return None
    if offset in ROOTS:
        memo[offset] = ROOTS[offset]
        return memo[offset]
    found = {root_of(synsets, p, memo) for p in synsets[offset][1] + synsets[offset][2]} - {None}
    memo[offset] = found.pop() if len(found) == 1 else None
    return memo[offset]


def under(synsets, offset, targets, seen=None):
    seen = set() if seen is None else seen
    if offset in targets:
        return True
    seen.add(offset)
    return any(under(synsets, p, targets, seen)
               for p in synsets[offset][1] + synsets[offset][2] if p not in seen)


def name_of(lemma):
    # Lemmas spell spaces as '_' and may carry a marker such as "(a)".
    return lemma.split("(")[0].replace("_", " ").strip()


FUNCTION_WORDS = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "von", "van", "del",
                  "der", "al", "on", "in", "at", "to", "y", "e", "da", "di", "dos", "das"}


def acronym(name):
    return name.replace(".", "").isupper() and " " not in name


def proper(name):
    """A name whose every word but function words is capitalised, and no two-letter acronym
    (WordNet lists "MP", "SA", "DE" as names; alone they say nothing)."""
    words = name.split()
    if not words or not all(w[0].isupper() or w[0].isdigit() or w in FUNCTION_WORDS
                            for w in words):
        return False
    return not (acronym(name) and len(name.replace(".", "")) < 3)


def main():
    noun_path, words_path, given_path = sys.argv[1:4]
    synsets = read_synsets(noun_path)
    english = {w.strip() for w in open(words_path, encoding="utf-8") if w[:1].islower()}
    given = {line.split()[0].lstrip("~").lower() for line in open(given_path, encoding="utf-8")
             if line.strip() and not line.startswith("#")}
    memo, rows, types_of = {}, [], {}
    for offset, (words, parents, instance_of) in synsets.items():
        # People and places are instances; organisations are often classes of their own
        # ("Federal Bureau of Investigation" is a kind of federal agency).
        kind = root_of(synsets, offset, memo)
        if kind is None or (kind != "org" and not instance_of) or offset in ROOTS:
            continue
        if not proper(name_of(words[0])):
            continue  # a class with a proper alias ("limited company", "Ltd.")
        names = []
        for w in words:
            n = name_of(w)
            if proper(n) and n not in names:
                names.append(n)
        # The first lemma is the usual name ("Pennsylvania" before "Keystone State"), unless it
        # is an acronym with a long form beside it.
        names.sort(key=lambda n: acronym(n))
        if not names or (kind == "org" and acronym(names[0])):
            continue
        if kind == "org" and "Church" not in names[0] and under(synsets, offset, FAITHS):
            continue
        rows.append((kind, names))
        for n in names:
            types_of.setdefault(n.lower(), set()).add(kind)
    print("# WordNet 3.0 (Princeton University, WordNet 3.0 licence) named people, organisations "
          "and places: type, name, aliases ('^' acronym), flags. Generated by gen_wordnet.py.")
    seen = set()
    for kind, names in sorted(rows, key=lambda r: (r[0], r[1][0])):
        key = (kind, names[0])
        if key in seen:
            continue
        seen.add(key)
        flags = []
        first = names[0]
        if " " not in first and (first.lower() in english or first.lower() in given or
                                 len(types_of[first.lower()]) > 1):
            flags.append("ambiguous")
        aliases = ["^" + a if acronym(a) else a for a in names[1:]
                   if " " in a or not (a.lower() in english or a.lower() in given or
                                       len(types_of[a.lower()]) > 1)]
        print("\t".join([kind, first, "|".join(aliases), ",".join(flags)]))


if __name__ == "__main__":
    main()
