#!/usr/bin/python3
"""Scores ranked results against the relevance judgements of bench/relevance and prints, per
system and per part (dev, test): MRR@10, nDCG@10, success@1 and success@10, then MRR@10 per
language on the test part.

Results come from one or both of:
  --jsonl FILE       the peers' harness output (bench/peers/run_all.sh with QUERIES set to the
                     query list): one JSON line per peer, each query's "top10" (or "top3" from an
                     older harness, which can only undercount that peer) in query-file order;
  --searchd URL      a running newsdex-searchd, queried here, with any extra request parameters
                     given as --param k=v (for trying ranking settings on the dev part).
usage: score.py [--jsonl FILE] [--searchd URL [--param k=v ...]] [--part dev|test|all] QUERIES.tsv...
"""
import argparse
import json
import math
import sys
import urllib.parse
import urllib.request
from collections import defaultdict

K = 10


def load_queries(paths):
    """[(part, lang, kind, query, {doc: grade})] in file order; part from the file name."""
    out = []
    for path in paths:
        part = "test" if "test" in path.rsplit("/", 1)[-1] else "dev"
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) != 4:
                    sys.exit(f"{path}:{n}: expected 4 tab-separated columns, got {len(cols)}")
                lang, kind, query, judged = cols
                grades = {}
                for item in judged.split():
                    doc, _, grade = item.rpartition("=")
                    if not doc or grade not in ("1", "2"):
                        sys.exit(f"{path}:{n}: bad judgement '{item}' (expected doc=1 or doc=2)")
                    grades[doc] = int(grade)
                if 2 not in grades.values() and 1 not in grades.values():
                    sys.exit(f"{path}:{n}: no relevant document")
                out.append((part, lang, kind, query, grades))
    return out


def metrics(ranked, grades):
    ranked = ranked[:K]
    rr = next((1.0 / (i + 1) for i, d in enumerate(ranked) if grades.get(d, 0) > 0), 0.0)
    dcg = sum((2 ** grades.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked))
    ideal = sorted(grades.values(), reverse=True)[:K]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return {"mrr": rr, "ndcg": dcg / idcg if idcg else 0.0,
            "s1": 1.0 if ranked and grades.get(ranked[0], 0) > 0 else 0.0,
            "s10": 1.0 if rr > 0 else 0.0}


def searchd_results(url, params, queries):
    out = []
    for _, _, _, q, _ in queries:
        p = {"q": q, "limit": K, "snippet": 0, "fields": "id"}
        p.update(params)
        with urllib.request.urlopen(url.rstrip("/") + "/search?" + urllib.parse.urlencode(p)) as r:
            out.append([h["id"] for h in json.load(r)["hits"]])
    return out


def peer_results(path, queries):
    systems = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if "per_query" not in rec:
                print(f"{rec.get('peer')}: {rec.get('error', 'no results')}", file=sys.stderr)
                continue
            per_q = rec["per_query"]
            if len(per_q) != len(queries):
                sys.exit(f"{rec['peer']}: {len(per_q)} results for {len(queries)} queries")
            key = "top10" if all("top10" in r or "error" in r for r in per_q) else "top3"
            name = rec["peer"] + ("" if key == "top10" else " (top 3 only)")
            systems[name] = [r.get(key, []) for r in per_q]
    return systems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("queries", nargs="+")
    ap.add_argument("--jsonl")
    ap.add_argument("--searchd")
    ap.add_argument("--param", action="append", default=[])
    ap.add_argument("--part", default="all", choices=["dev", "test", "all"])
    ap.add_argument("--name", default="newsdex")
    a = ap.parse_args()
    queries = load_queries(a.queries)
    systems = {}
    if a.jsonl:
        systems.update(peer_results(a.jsonl, queries))
    if a.searchd:
        params = dict(p.split("=", 1) for p in a.param)
        systems[a.name + (" " + " ".join(a.param) if a.param else "")] = searchd_results(
            a.searchd, params, queries)
    if not systems:
        sys.exit("nothing to score: give --jsonl and/or --searchd")
    parts = ["dev", "test"] if a.part == "all" else [a.part]
    counts = {p: sum(1 for q in queries if q[0] == p) for p in parts}
    print("| system | " + " | ".join(f"{p} ({counts[p]} q): MRR@10 nDCG@10 S@1 S@10" for p in parts) + " |")
    print("|---|" + "---|" * len(parts))
    per_lang = {}
    for name, results in systems.items():
        cells = []
        for p in parts:
            ms = [metrics(r, q[4]) for r, q in zip(results, queries) if q[0] == p]
            avg = {k: sum(m[k] for m in ms) / len(ms) for k in ms[0]} if ms else {}
            cells.append(" ".join(f"{avg.get(k, 0):.3f}" for k in ("mrr", "ndcg", "s1", "s10")))
        print(f"| {name} | " + " | ".join(cells) + " |")
        lang_rr = defaultdict(list)
        for r, q in zip(results, queries):
            if q[0] == parts[-1]:
                lang_rr[q[1]].append(metrics(r, q[4])["mrr"])
        per_lang[name] = {lang: sum(v) / len(v) for lang, v in lang_rr.items()}
    # Peers AND every word: on queries a reader half-remembers they answer nothing. The same
    # figures on the queries every system answers show the ranking apart from that.
    answered = [all(results[i] for results in systems.values()) for i in range(len(queries))]
    if len(systems) > 1 and not all(answered):
        print()
        print("On the queries every system answers with at least one hit:")
        print("| system | " + " | ".join(f"{p} ({sum(1 for q, a in zip(queries, answered) if a and q[0] == p)} q): MRR@10 nDCG@10 S@1 S@10" for p in parts) + " |")
        print("|---|" + "---|" * len(parts))
        for name, results in systems.items():
            cells = []
            for p in parts:
                ms = [metrics(r, q[4]) for r, q, a in zip(results, queries, answered) if a and q[0] == p]
                avg = {k: sum(m[k] for m in ms) / len(ms) for k in ms[0]} if ms else {}
                cells.append(" ".join(f"{avg.get(k, 0):.3f}" for k in ("mrr", "ndcg", "s1", "s10")))
            print(f"| {name} | " + " | ".join(cells) + " |")
    langs = sorted({l for v in per_lang.values() for l in v})
    print()
    print(f"MRR@10 per language ({parts[-1]} part):")
    print("| system | " + " | ".join(langs) + " |")
    print("|---|" + "---|" * len(langs))
    for name, v in per_lang.items():
        print(f"| {name} | " + " | ".join(f"{v.get(l, 0):.3f}" for l in langs) + " |")


if __name__ == "__main__":
    main()
