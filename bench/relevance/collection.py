#!/usr/bin/python3
"""Builds the relevance benchmark's document collection in OUT from the shared corpora and the
project's examples, as plain *.txt files so that every peer indexes the same text:

  OUT/brown/<file>.txt            the 500 Brown samples, as they are
  OUT/seeds/<file>.txt            the 5 seed news articles, as they are
  OUT/examples/<section>/<f>.txt  the project's plain-text sample articles
  OUT/udhr/<lang>/NN.txt          the Universal Declaration split into its parts: 00 is the title
                                  and preamble, 01..30 the articles, each file beginning with its
                                  heading line (so every language has 31 short documents)

A doc id is the path under OUT, e.g. "brown/ca01.txt" or "udhr/fra/18.txt", as in the peers'
harness. Languages whose headings cannot be found 30 times are left out and named on stderr.
usage: collection.py OUT [SHARED_CORPUS_DIR] [EXAMPLES_DIR]
"""
import os
import re
import shutil
import sys

HEADING_MAX_CHARS = 40
ARTICLES = 30


def is_heading(line):
    line = line.strip()
    if not line or len(line) >= HEADING_MAX_CHARS:
        return False
    if re.fullmatch(r"Article premier", line):
        return True
    if re.search(r"第[一二三四五六七八九十]+条", line):
        return True
    return any(c.isdigit() for c in line)


def split_udhr(path):
    """Returns [preamble, article 1 .. article 30] as text, or None when the headings do not add up."""
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    starts = [i for i, line in enumerate(lines) if is_heading(line)]
    if len(starts) != ARTICLES:
        return None
    bounds = [0] + starts + [len(lines)]
    return ["\n".join(lines[a:b]).strip() + "\n" for a, b in zip(bounds, bounds[1:])]


def copy_txt(src_dir, dst_dir):
    for root, subdirs, files in os.walk(src_dir):
        subdirs.sort()
        for f in sorted(files):
            if f.endswith(".txt"):
                src = os.path.join(root, f)
                dst = os.path.join(dst_dir, os.path.relpath(src, src_dir))
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                shutil.copyfile(src, dst)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "../../../shared/corpus")
    examples = sys.argv[3] if len(sys.argv) > 3 else os.path.join(here, "../../examples")
    for name in ("brown", "seeds"):
        copy_txt(os.path.join(corpus, name), os.path.join(out, name))
    copy_txt(examples, os.path.join(out, "examples"))
    udhr = os.path.join(corpus, "udhr")
    for f in sorted(os.listdir(udhr)):
        if not f.endswith(".txt"):
            continue
        parts = split_udhr(os.path.join(udhr, f))
        if parts is None:
            print(f"udhr/{f}: article headings not found {ARTICLES} times, left out", file=sys.stderr)
            continue
        lang_dir = os.path.join(out, "udhr", f[:-4])
        os.makedirs(lang_dir, exist_ok=True)
        for n, text in enumerate(parts):
            with open(os.path.join(lang_dir, f"{n:02d}.txt"), "w", encoding="utf-8") as fh:
                fh.write(text)


if __name__ == "__main__":
    main()
