"""Stand-alone check of eval/quotes/gold.jsonl (reads only gold + docs + corpus).

    python eval/quotes/tools/verify.py      # prints counts, exits 1 on any problem
"""
import collections
import hashlib
import json
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = "/work/shared/corpora/saudinewsnet/dataset"
MARKS = "«»“”\"'‘’"
PAIRS = {"«": "»", "“": "”", '"': '"'}


_CACHE: dict = {}


def corpus_text(ref):
    cache = _CACHE
    z = ref["zip"]
    if z not in cache:
        zf = zipfile.ZipFile(os.path.join(CORPUS, z))
        cache[z] = {a["url"]: a["content"] for a in json.loads(zf.read(zf.namelist()[0]).decode("utf-8"))}
    return cache[z][ref["url"]]


def main():
    with open(os.path.join(ROOT, "gold.jsonl"), encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    bad = []
    c = collections.Counter()
    groups = collections.defaultdict(set)
    etypes = collections.Counter()
    for r in recs:
        if isinstance(r["doc"], str):
            label = r["doc"]
            with open(os.path.join(ROOT, r["doc"]), encoding="utf-8") as fh:
                text = fh.read()
            c["part_a"] += 1
        else:
            label = r["doc"]["url"]
            if not os.path.isdir(CORPUS):
                c["part_b_unchecked"] += 1
                continue
            text = corpus_text(r["doc"])
            if hashlib.sha1(text.encode("utf-8")).hexdigest() != r["doc"]["content_sha1"]:
                bad.append(f"{label}: sha1 mismatch")
            c["part_b"] += 1
        for q in r["quotes"]:
            t = text[q["start"]:q["end"]]
            c["quotes"] += 1
            c[q["kind"]] += 1
            if q["speaker"] is None:
                c["null_speaker"] += 1
            if q["group"]:
                groups[q["group"]].add(label)
            if not t.strip() or t[0].isspace() or t[-1].isspace() or t[0] in MARKS or t[-1] in MARKS:
                bad.append(f"{label}: bad quote span {t[:40]!r}")
            if q["kind"] == "direct":
                a, b = q["start"] - 1, q["end"]
                while text[a].isspace():
                    a -= 1
                while text[b].isspace():
                    b += 1
                if text[a] not in PAIRS or text[b] != PAIRS[text[a]]:
                    bad.append(f"{label}: direct quote not enclosed {t[:40]!r}")
        for e in r.get("entities", []):
            t = text[e["start"]:e["end"]]
            etypes[e["type"]] += 1
            if not t or t != t.strip() or t[0] in MARKS or t[-1] in MARKS:
                bad.append(f"{label}: bad entity span {t!r}")
        c["non_quotes"] += len(r.get("non_quotes", []))
    for b in bad:
        print("BAD", b)
    print(json.dumps(dict(counts=c, entity_types=etypes,
                          groups={k: len(v) for k, v in sorted(groups.items())}), ensure_ascii=False, indent=1))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
