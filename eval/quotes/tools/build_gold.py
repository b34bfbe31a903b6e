"""Build eval/quotes/docs/*.txt and eval/quotes/gold.jsonl from the snippet specs.

    python eval/quotes/tools/build_gold.py            # build + validate
    python eval/quotes/tools/build_gold.py --show 7   # print doc 7 with markup

Part A comes from part_a_*.py (our own text).  Part B (SaudiNewsNet) is read from
part_b.jsonl, which holds only corpus references and offsets (no corpus text);
when the corpus is present its content_sha1 and spans are re-validated.

The gold set is FROZEN: this script exists to document and re-check how the
offsets were obtained, not to be re-run after edits.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)  # eval/quotes
sys.path.insert(0, HERE)

import part_a_1  # noqa: E402
import part_a_2  # noqa: E402
import part_a_3  # noqa: E402
from annot import build_entities, build_nonquote, build_quote, clean, validate_doc  # noqa: E402
from lexicon import GLOBAL  # noqa: E402

CORPUS_DIR = "/work/shared/corpora/saudinewsnet/dataset"


def part_a():
    docs = part_a_1.DOCS + part_a_2.DOCS + part_a_3.DOCS
    nums = [d.num for d in docs]
    assert nums == list(range(1, len(docs) + 1)), nums
    out, errs = [], []
    for d in docs:
        text = clean(d.text)
        rel = f"docs/{d.num:03d}.txt"
        quotes = sorted((build_quote(text, q) for q in d.quotes), key=lambda q: q["start"])
        ents = build_entities(text, d.ents, GLOBAL)
        nonq = sorted((build_nonquote(text, n) for n in d.nonq), key=lambda n: n["start"])
        errs += validate_doc(text, quotes, ents, nonq, rel)
        names = {e["name"] for e in ents}
        for q in quotes:
            if q["speaker"] and q["speaker"] not in names:
                errs.append(f"{rel}: speaker {q['speaker']!r} has no entity mention in the doc")
        out.append((rel, text, dict(doc=rel, quotes=quotes, entities=ents, non_quotes=nonq)))
    return out, errs


def load_corpus_content(zipname, url):
    zf = zipfile.ZipFile(os.path.join(CORPUS_DIR, zipname))
    arr = json.loads(zf.read(zf.namelist()[0]).decode("utf-8"))
    for a in arr:
        if a["url"] == url:
            return a["content"]
    raise KeyError(url)


def part_b():
    path = os.path.join(HERE, "part_b.jsonl")
    if not os.path.exists(path):
        return [], []
    with open(path, encoding="utf-8") as f:
        recs = [json.loads(line) for line in f if line.strip()]
    errs = []
    if os.path.isdir(CORPUS_DIR):
        for r in recs:
            ref = r["doc"]
            content = load_corpus_content(ref["zip"], ref["url"])
            sha = hashlib.sha1(content.encode("utf-8")).hexdigest()
            if sha != ref["content_sha1"]:
                errs.append(f"{ref['url']}: sha1 mismatch")
            errs += validate_doc(content, r["quotes"], r.get("entities", []), r.get("non_quotes", []), ref["url"])
    return recs, errs


def show(num):
    docs = part_a_1.DOCS + part_a_2.DOCS + part_a_3.DOCS
    d = docs[num - 1]
    text = clean(d.text)
    ents = build_entities(text, d.ents, GLOBAL)
    quotes = [build_quote(text, q) for q in d.quotes]
    marks = []
    for e in ents:
        marks.append((e["start"], 1, "["))
        marks.append((e["end"], 0, f"|{e['type'][:3]}:{e['name']}]"))
    for q in quotes:
        marks.append((q["start"], 2, "⟦"))
        marks.append((q["end"], -1, f"⟧{{{q['kind'][0]}:{q['speaker']}:{q['group'] or '-'}}}"))
    s, last = [], 0
    for pos, _, m in sorted(marks, key=lambda x: (x[0], x[1])):
        s.append(text[last:pos])
        s.append(m)
        last = pos
    s.append(text[last:])
    print("".join(s))


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--show":
        for n in sys.argv[2:]:
            print(f"===== {n}")
            show(int(n))
        return
    a, errs_a = part_a()
    b, errs_b = part_b()
    errs = errs_a + errs_b
    for e in errs:
        print("ERROR", e)
    if errs:
        sys.exit(1)
    os.makedirs(os.path.join(ROOT, "docs"), exist_ok=True)
    for rel, text, _ in a:
        with open(os.path.join(ROOT, rel), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    with open(os.path.join(ROOT, "gold.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for _, _, rec in a:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        for rec in b:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(a)} Part A docs, {len(b)} Part B refs")


if __name__ == "__main__":
    main()
