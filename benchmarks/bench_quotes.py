"""Quotes and entity linking on the frozen annotated set (eval/quotes), plus speed.

Quote precision/recall (span overlap >= 0.5 of the longer span), kind accuracy, speaker
accuracy, cross-outlet grouping pairwise precision/recall; entity mention detection and
linking accuracy; articles/s of the whole pipeline on SaudiNewsNet text.

    python benchmarks/bench_quotes.py [--verbose]
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
import zipfile
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, SAUDI, have_saudi, saudi_articles  # noqa: E402

import marsad  # noqa: E402

EVAL = ROOT / "eval" / "quotes"


def _load_doc(ref: str | dict) -> str | None:
    if isinstance(ref, str):
        return (EVAL / ref).read_text(encoding="utf-8")
    path = SAUDI / ref["zip"]
    if not path.exists():
        return None
    with zipfile.ZipFile(path) as archive:
        items = json.loads(archive.read(archive.namelist()[0]))
    for item in items:
        content = item.get("content") or ""
        if item.get("url") == ref["url"] and hashlib.sha1(content.encode()).hexdigest() == ref["content_sha1"]:
            return content
    return None


def _to_doc(doc: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Map a span of the cleaned text back onto the document it came from."""
    piece = text[start:end]
    para_start = text.rfind("\n\n", 0, start) + 2 if "\n\n" in text[:start] else 0
    para_end = text.find("\n\n", end)
    paragraph = text[para_start : para_end if para_end >= 0 else len(text)]
    where = doc.find(paragraph)
    if where >= 0:
        return where + start - para_start, where + end - para_start
    where = doc.find(piece)
    return (where, where + len(piece)) if where >= 0 else None


def _entity_spans(doc: str, article: marsad.article.Article) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for entity in article.entities:
        for m in entity["mentions"]:
            span = _to_doc(doc, article.text, m["start"], m["end"])
            if span:
                spans.setdefault(entity["id"], []).append(span)
    return spans


def _same_person(ours_id: str | None, gold_name: str | None, ours: dict, theirs: dict) -> bool:
    """Identity check for speakers the gazetteer cannot name (romanizations differ)."""
    if ours_id is None or gold_name is None or gold_name not in theirs:
        return False
    return any(_overlap(a, b) >= 0.5 for a in ours.get(ours_id, []) for b in theirs[gold_name])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0], 1)


def _same(got: str | None, want: str | None) -> bool:
    if got is None or want is None:
        return got == want
    return got.lower() == want.lower() or got.split()[-1].lower() == want.split()[-1].lower()


def evaluate(verbose: bool) -> None:
    gold_lines = [json.loads(line) for line in (EVAL / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    q = dict.fromkeys(["gold", "pred", "tp", "kind_ok", "speaker_ok", "speaker_identity_ok", "speaker_total", "null_gold", "null_ok"], 0)
    e = dict.fromkeys(["gold", "pred", "tp", "link_ok"], 0)
    notes = []
    for number, item in enumerate(gold_lines):
        doc = _load_doc(item["doc"])
        if doc is None:
            continue
        article = marsad.extract(doc)
        ours = _entity_spans(doc, article)
        theirs: dict[str, list[tuple[int, int]]] = {}
        for g in item.get("entities", []):
            theirs.setdefault(g["name"], []).append((g["start"], g["end"]))
        preds = [(s, qq) for qq in article.quotes if (s := _to_doc(doc, article.text, qq["start"], qq["end"]))]
        q["gold"] += len(item["quotes"])
        q["pred"] += len(preds)
        matched: set[int] = set()
        for gq in item["quotes"]:
            span = (gq["start"], gq["end"])
            best = max(((i, _overlap(span, s)) for i, (s, _) in enumerate(preds) if i not in matched), key=lambda x: x[1], default=(None, 0.0))
            if best[0] is None or best[1] < 0.5:
                notes.append(f"MISS {number}: {doc[span[0]:span[1]][:60]}")
                continue
            matched.add(best[0])
            pq = preds[best[0]][1]
            q["tp"] += 1
            q["kind_ok"] += pq["kind"] == gq["kind"]
            q["speaker_total"] += 1
            ok = _same(pq["speaker_name"], gq["speaker"])
            q["speaker_ok"] += ok
            same = ok or _same_person(pq["speaker"], gq["speaker"], ours, theirs)
            q["speaker_identity_ok"] += same
            ok = same
            if gq["speaker"] is None:
                q["null_gold"] += 1
                q["null_ok"] += ok
            if not ok:
                notes.append(f"SPEAKER {number}: got {pq['speaker_name']} want {gq['speaker']}: {pq['text'][:40]}")
        for i, (_, pq) in enumerate(preds):
            if i not in matched:
                notes.append(f"EXTRA {number}: {pq['kind']} {pq['text'][:60]}")
        if "entities" in item and isinstance(item["doc"], str):
            _entities(doc, article, item["entities"], e, notes, number)
    p = q["tp"] / max(1, q["pred"])
    r = q["tp"] / max(1, q["gold"])
    print(f"quotes: {len(gold_lines)} articles, {q['gold']} gold quotes, {q['pred']} predicted")
    print(f"  precision {p:.3f}  recall {r:.3f}  F1 {2*p*r/max(1e-9, p+r):.3f}  (targets P>=0.95 R>=0.90)")
    print(f"  kind accuracy (matched) {q['kind_ok']/max(1, q['tp']):.3f}")
    print(f"  speaker accuracy (matched), same English name: {q['speaker_ok']/max(1, q['speaker_total']):.3f}; "
          f"same person (our speaker's mentions are the gold speaker's mentions, whatever the "
          f"romanization): {q['speaker_identity_ok']/max(1, q['speaker_total']):.3f} (target >= 0.90); "
          f"null-speaker quotes right {q['null_ok']}/{q['null_gold']}")
    ep, er = e["tp"] / max(1, e["pred"]), e["tp"] / max(1, e["gold"])
    print(f"entities (written part): {e['gold']} gold mentions; detection P {ep:.3f} R {er:.3f}; "
          f"linking accuracy of found mentions {e['link_ok']/max(1, e['tp']):.3f}")
    _grouping_across_outlets(gold_lines)
    if verbose:
        print("\n".join(notes))


def _entities(doc: str, article: marsad.article.Article, gold: list[dict], e: dict, notes: list[str], number: int) -> None:
    preds = []
    for entity in article.entities:
        for m in entity["mentions"]:
            span = _to_doc(doc, article.text, m["start"], m["end"])
            if span:
                preds.append((span, entity))
    e["gold"] += len(gold)
    e["pred"] += len(preds)
    used: set[int] = set()
    for g in gold:
        span = (g["start"], g["end"])
        cands = [(i, _overlap(span, s)) for i, (s, _) in enumerate(preds) if i not in used]
        best = max(cands, key=lambda x: x[1], default=(None, 0.0))
        if best[0] is None or best[1] < 0.5:
            notes.append(f"ENT-MISS {number}: {g['type']} {doc[span[0]:span[1]]} ({g['name']})")
            continue
        used.add(best[0])
        e["tp"] += 1
        got = preds[best[0]][1]["name"]
        if _same(got, g["name"]):
            e["link_ok"] += 1
        else:
            notes.append(f"ENT-LINK {number}: {doc[span[0]:span[1]]} got {got} want {g['name']}")


def _grouping_across_outlets(gold_lines: list[dict]) -> None:
    """Cluster the written articles into stories, group their quotes (stories.summary), and
    compare pairwise with the gold `group` keys (same statement reported by several outlets)."""
    from marsad.storylines import stories_of

    docs, articles = [], []
    for item in gold_lines:
        if isinstance(item["doc"], str):
            doc = _load_doc(item["doc"])
            article = marsad.extract(doc, source=item["doc"])
            docs.append((doc, article, item))
            articles.append(article)
    stories_of(articles)
    labelled = []   # (gold group or None, predicted group key or None)
    for doc, article, item in docs:
        preds = [(s, q) for q in article.quotes if (s := _to_doc(doc, article.text, q["start"], q["end"]))]
        for gq in item["quotes"]:
            best = max(preds, key=lambda p: _overlap((gq["start"], gq["end"]), p[0]), default=None)
            if best is None or _overlap((gq["start"], gq["end"]), best[0]) < 0.5:
                continue
            predicted = (article.story_id, best[1].get("group"))
            labelled.append((gq.get("group"), predicted))
    tp = fp = fn = 0
    for (ga, pa), (gb, pb) in combinations(labelled, 2):
        same_gold = ga is not None and ga == gb
        same_pred = pa[1] is not None and pa == pb
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    print(f"cross-outlet quote grouping (written part, {len(labelled)} matched quotes): pairwise "
          f"precision {tp/max(1, tp+fp):.3f} recall {tp/max(1, tp+fn):.3f}")


def speed(n: int = 500) -> None:
    if not have_saudi():
        return
    texts = [a["content"] for a in saudi_articles(limit=n)]
    marsad.extract(texts[0])
    started = time.perf_counter()
    quotes = 0
    for text in texts:
        quotes += len(marsad.extract(text).quotes)
    elapsed = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"whole pipeline on SaudiNewsNet text: {len(texts)/elapsed:,.0f} articles/s on one core "
          f"({words:.0f} words/article on average), {quotes/elapsed:,.0f} quotes/s")


if __name__ == "__main__":
    evaluate("--verbose" in sys.argv)
    speed()
