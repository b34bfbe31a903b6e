#!/usr/bin/env python3
"""Self-check of the frozen cleaning eval set (gold.jsonl + docs/).

Checks only the set itself, never the program's output:
  * every document exists and decodes with its declared encoding;
  * every keep/drop snippet is an exact substring of the decoded document;
  * keep and drop never overlap (neither is a substring of the other, and no
    occurrence of a drop snippet overlaps an occurrence of a keep snippet);
  * no drop snippet occurs in the gold title;
  * field formats (dates, published_source values) and their consistency.
Prints counts; exits 1 on any failure.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$")
SOURCES = {"explicit", "html-meta", "updated", "relative", None}
FIELDS = ["file", "encoding", "crawled", "title", "published", "published_source",
          "updated", "outlet", "dateline", "keep", "drop"]


def spans(text, snippet):
    out, i = [], text.find(snippet)
    while i >= 0:
        out.append((i, i + len(snippet)))
        i = text.find(snippet, i + 1)
    return out


def main():
    errors, warnings = [], []
    golds = [json.loads(l) for l in open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") if l.strip()]
    c = collections.Counter()
    sources = collections.Counter()
    encodings = collections.Counter()
    files_on_disk = set(os.listdir(os.path.join(HERE, "docs")))
    seen = set()
    for g in golds:
        f = g.get("file")
        err = lambda m: errors.append(f"{f}: {m}")
        if list(g.keys()) != FIELDS:
            err(f"fields {list(g.keys())}")
        if f in seen:
            err("duplicate entry")
        seen.add(f)
        raw = open(os.path.join(HERE, f), "rb").read()
        files_on_disk.discard(os.path.basename(f))
        enc = g["encoding"]
        if enc == "utf-16" and raw[:2] not in (b"\xff\xfe", b"\xfe\xff"):
            err("utf-16 without BOM")
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError as e:
            err(f"does not decode as {enc}: {e}")
            continue
        text = text.lstrip("\ufeff")
        encodings[enc] += 1
        # dates
        for k in ("crawled",):
            if g[k] is not None and not DAY.match(g[k]):
                err(f"{k} bad format {g[k]!r}")
        for k in ("published", "updated"):
            if g[k] is not None and not STAMP.match(g[k]):
                err(f"{k} bad format {g[k]!r}")
        src = g["published_source"]
        if src not in SOURCES:
            err(f"published_source {src!r}")
        if (g["published"] is None) != (src is None):
            err("published and published_source must be both null or both set")
        if src == "relative" and not g["crawled"]:
            err("relative date without crawled")
        if src == "updated":
            if not g["updated"] or not DAY.match(g["published"]) or not g["updated"].startswith(g["published"]):
                err("updated-only: published must be the day of `updated`")
        sources[src] += 1
        for k in ("title", "outlet", "dateline"):
            if g[k] is not None and g[k] not in text:
                err(f"{k} {g[k]!r} not in document")
        keep, drop = g["keep"], g["drop"]
        if not keep:
            err("no keep sentences")
        if not 3 <= len(drop) <= 8:
            err(f"{len(drop)} drop snippets (want 3-8)")
        keep_spans = []
        for s in keep:
            sp = spans(text, s)
            if not sp:
                err(f"keep not found: {s[:50]!r}")
            keep_spans += sp
        for d in drop:
            sp = spans(text, d)
            if not sp:
                err(f"drop not found: {d[:50]!r}")
            for k in keep:
                if d in k or k in d:
                    err(f"drop/keep contain each other: {d[:40]!r}")
            if g["title"] and d in g["title"]:
                err(f"drop inside title: {d!r}")
            for a, b in sp:
                for x, y in keep_spans:
                    if a < y and x < b:
                        err(f"drop occurrence overlaps keep: {d[:40]!r}")
            if len(d) < 8:
                warnings.append(f"{f}: short drop snippet {d!r}")
        words = sum(len(s.split()) for s in keep)
        if not 80 <= words <= 300:
            warnings.append(f"{f}: body has {words} words")
        c["docs"] += 1
        c[os.path.splitext(f)[1]] += 1
        c["keep"] += len(keep)
        c["drop"] += len(drop)
        c["words"] += words
        c["crawled"] += g["crawled"] is not None
        c["updated"] += g["updated"] is not None
        c["title_null"] += g["title"] is None
        c["outlet_null"] += g["outlet"] is None
        c["dateline_set"] += g["dateline"] is not None
    for extra in sorted(files_on_disk):
        errors.append(f"docs/{extra}: file without gold entry")
    print(f"docs: {c['docs']} (txt {c['.txt']}, html {c['.html']})")
    print(f"encodings: {dict(encodings)}")
    print(f"keep sentences: {c['keep']}  drop snippets: {c['drop']}  body words: {c['words']}")
    print(f"published_source: { {str(k): v for k, v in sources.items()} }")
    print(f"with crawled: {c['crawled']}  with updated: {c['updated']}  title null: {c['title_null']}  "
          f"outlet null: {c['outlet_null']}  dateline set: {c['dateline_set']}")
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("FAIL", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
