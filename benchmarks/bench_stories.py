"""Story clustering and near-duplicate detection: quality on the frozen labelled set
(eval/stories), an automatic title-paraphrase pair check, and speed/growth/memory on SaudiNewsNet.

    python benchmarks/bench_stories.py                # whole corpus (23 min measured on 2 busy cores)
    python benchmarks/bench_stories.py --max 10000    # cap the corpus
    python benchmarks/bench_stories.py --quick        # 2,000 articles
    python benchmarks/bench_stories.py --verbose      # also list split / merged gold stories

What it does
  (a) quality: `marsad.extract` (url, title, crawled=date_extracted[:10]) on the labelled
      articles, `stories_of` on them alone, pairwise and B-cubed P/R/F1 against the labels;
      the same scores for the labelled articles inside the clustering of the whole corpus run
      (when the run covers 2015-08-06..08); and the automatic pair check: same-day pairs from
      different outlets whose titles are near-paraphrases (Jaccard >= 0.7 of normalized title
      keys, >= 4 keys each) should share a story, random pairs from different days should not.
  (b) speed and growth: the pipeline runs ONCE over N articles (multiprocessing.Pool(2),
      timed separately; Articles cached under /tmp), then, at 1k/5k/10k/N: DuplicateIndex
      alone, features + StoryClusterer alone, and the whole `stories_of`.
  (c) the same word-3-gram shingles through a naive datasketch MinHash +
      MinHashLSH(threshold=0.6, num_perm=64): throughput, ratio, agreement on duplicate pairs.
  (d) memory: peak RSS (resource.getrusage) of this process and of the extract workers, and
      the bytes held (tracemalloc) by a filled DuplicateIndex and a filled StoryClusterer.
  The Article cache is keyed by pipeline_version(); pass --no-cache after changing a stage
  without bumping PIPELINE_REVISION.

Measured with `python benchmarks/bench_stories.py --verbose` (all 30,676 non-empty articles,
195 rejected by the pipeline as "no article text left" -> 30,481 Articles), 2-CPU container
shared with other jobs (load average 3-6, so wall-clock numbers are pessimistic and noisy);
whole run 1,381 s (23 min):
  quality, labelled set alone (331 articles, 103 gold stories -> 161 clusters):
      pairwise P 0.865 R 0.410 F1 0.556;  B-cubed P 0.960 R 0.717 F1 0.821 (target >= 0.90: not met)
  quality, labelled articles inside the 30,481-article clustering (168 clusters):
      pairwise P 0.821 R 0.348 F1 0.489;  B-cubed P 0.966 R 0.684 F1 0.801
  automatic pair check: labelled set 80/90 = 0.889 paraphrase pairs together, 499/500 random
      cross-day pairs apart; whole corpus 2309/2524 = 0.915 together, 2000/2000 = 1.000 apart
      (gold labels themselves: 90/90 and 495/500)
  pipeline (marsad.extract, Pool(2)): 30,676 inputs in 355.8 s = 86.2 articles/s
        N | dedup a/s   us/a | datasketch a/s   us/a ratio | features us/a cluster us/a | stories_of a/s   us/a
     1000 |       794   1259 |            616   1624  1.29 |          1228          551 |            329   3041
     5000 |     1,325    755 |          1,021    979  1.30 |           679          561 |            269   3724
    10000 |     1,005    995 |          1,046    956  0.96 |           726         1189 |            236   4245
    30481 |     1,148    871 |            716   1396  1.60 |          1361         3598 |            169   5901
  dedup is flat; the clusterer is not (551 -> 3,598 us/article: candidates per article grow
  with the number of stories because 89% of the articles have no date, so the 3-day window
  never prunes them).
  dedup agreement at 30,481: marsad 5,079 duplicates, datasketch 4,537, both 4,380 (same
      original 4,024); pair agreement 4,024/5,592 = 0.720
  memory: DuplicateIndex holds 135 MB (4.7 kB/article), StoryClusterer 191 MB (6.6 kB/article);
      peak RSS 3,204 MB for the process (all Articles + pickled copies), 451 MB for the largest
      extract worker
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import random
import resource
import sys
import time
import zipfile
from collections import Counter, defaultdict
from itertools import combinations
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, SAUDI, have_saudi, saudi_articles  # noqa: E402

import marsad  # noqa: E402
from marsad.arabic.normalize import normalize  # noqa: E402
from marsad.arabic.tokens import WORD, search_key  # noqa: E402
from marsad.pipeline import pipeline_version  # noqa: E402
from marsad.storylines import stories_of  # noqa: E402
from marsad.storylines.build import contract_order  # noqa: E402
from marsad.storylines.cluster import StoryClusterer  # noqa: E402
from marsad.storylines.dedup import DUPLICATE_JACCARD, SHINGLE, DuplicateIndex  # noqa: E402
from marsad.storylines.features import features_of  # noqa: E402

EVAL = ROOT / "eval" / "stories"
CACHE = Path("/tmp/marsad-bench-stories")
SIZES = (1000, 5000, 10000)
PARAPHRASE_JACCARD = 0.7
PARAPHRASE_MIN_KEYS = 4
RANDOM_PAIRS = 2000


# --- extraction (once, in 2 processes, cached) ----------------------------------------------

def _extract(item: dict) -> marsad.article.Article | None:
    try:
        article = marsad.extract(item["content"], source=item.get("_source", "<saudinewsnet>"),
                                 url=item.get("url") or None, title=(item.get("title") or "").strip() or None,
                                 crawled=item["date_extracted"][:10])
    except Exception:      # noqa: BLE001 - a failed input is counted, not fatal
        return None
    article.raw_text = article.body_source = ""      # working copies of the input; not used downstream
    return article


def extract_all(items: list[dict], workers: int) -> tuple[list, float]:
    started = time.perf_counter()
    with Pool(workers) as pool:
        articles = list(pool.imap(_extract, items, chunksize=32))
    return articles, time.perf_counter() - started


def _unique_ids(articles: list) -> None:
    seen: set[str] = set()
    for i, article in enumerate(articles):
        if article is not None and article.id in seen:
            article.id = f"{article.id}-{i}"
        if article is not None:
            seen.add(article.id)


def corpus(n: int, workers: int, use_cache: bool) -> tuple[list, list[dict], float | None]:
    """The first n SaudiNewsNet articles through the pipeline: (articles, meta, extract seconds)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    tag = pipeline_version().replace("+", "_")
    if use_cache:
        for path in sorted(CACHE.glob(f"corpus-{tag}-*.pkl"), key=lambda p: int(p.stem.split("-")[2])):
            count, exhausted = int(path.stem.split("-")[2]), path.stem.endswith("-all")
            if count >= n or exhausted:
                with path.open("rb") as f:
                    articles, meta, seconds = pickle.load(f)
                print(f"  (articles from cache {path}; the pipeline ran earlier in {seconds:.0f}s"
                      f" for {count} inputs; delete the cache or pass --no-cache after changing the pipeline)")
                return articles[:n], meta[:n], None
    items = []
    for i, item in enumerate(saudi_articles(limit=n)):
        item["_source"] = f"saudinewsnet:{item['date_extracted'][:10]}:{i}"
        items.append(item)
    articles, seconds = extract_all(items, workers)
    meta = [{"source": it["source"], "day": it["date_extracted"][:10], "title": it.get("title") or "",
             "url": it.get("url")} for it in items]
    kept = [(a, m) for a, m in zip(articles, meta, strict=True) if a is not None]
    failed = len(items) - len(kept)
    articles, meta = [a for a, _ in kept], [m for _, m in kept]
    _unique_ids(articles)
    print(f"  pipeline (marsad.extract) over {len(items)} articles with Pool({workers}): {seconds:.1f}s = "
          f"{len(items)/seconds:.1f} articles/s ({failed} failed)")
    name = f"corpus-{tag}-{len(items)}" + ("-all" if len(items) < n else "") + ".pkl"
    with (CACHE / name).open("wb") as f:
        pickle.dump((articles, meta, seconds), f, protocol=pickle.HIGHEST_PROTOCOL)
    return articles, meta, seconds


# --- quality ------------------------------------------------------------------------------

def load_labelled() -> list[tuple[dict, dict]]:
    labels = [json.loads(line) for line in (EVAL / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    by_zip: dict[str, dict[str, dict]] = {}
    pairs = []
    for label in labels:
        if label["zip"] not in by_zip:
            with zipfile.ZipFile(SAUDI / label["zip"]) as archive:
                items = [it for name in archive.namelist() for it in json.loads(archive.read(name))]
            by_zip[label["zip"]] = {it["url"]: it for it in items}
        item = by_zip[label["zip"]].get(label["url"])
        if item is None or hashlib.sha1((item.get("content") or "").encode()).hexdigest() != label["content_sha1"]:
            raise SystemExit(f"labelled article not found or changed: {label['zip']} {label['url']}")
        pairs.append((label, item))
    return pairs


def scores(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """Pairwise and B-cubed precision/recall/F1 of `pred` (item -> cluster) against `gold`."""
    items = sorted(gold)
    same_gold = same_pred = both = 0
    for a, b in combinations(items, 2):
        g, p = gold[a] == gold[b], pred[a] == pred[b]
        same_gold += g
        same_pred += p
        both += g and p
    gold_members, pred_members = defaultdict(set), defaultdict(set)
    for i in items:
        gold_members[gold[i]].add(i)
        pred_members[pred[i]].add(i)
    bp = sum(len(gold_members[gold[i]] & pred_members[pred[i]]) / len(pred_members[pred[i]]) for i in items) / len(items)
    br = sum(len(gold_members[gold[i]] & pred_members[pred[i]]) / len(gold_members[gold[i]]) for i in items) / len(items)
    pp, pr = both / max(1, same_pred), both / max(1, same_gold)
    f1 = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0  # noqa: E731
    return {"pair_p": pp, "pair_r": pr, "pair_f1": f1(pp, pr), "b3_p": bp, "b3_r": br, "b3_f1": f1(bp, br),
            "gold_pairs": same_gold, "pred_pairs": same_pred, "clusters": len(pred_members), "gold_stories": len(gold_members)}


def print_scores(name: str, s: dict[str, float]) -> None:
    print(f"  {name}: {s['clusters']} predicted clusters for {s['gold_stories']} gold stories")
    print(f"    pairwise  P {s['pair_p']:.3f}  R {s['pair_r']:.3f}  F1 {s['pair_f1']:.3f}   "
          f"({s['gold_pairs']} gold pairs, {s['pred_pairs']} predicted pairs)")
    print(f"    B-cubed   P {s['b3_p']:.3f}  R {s['b3_r']:.3f}  F1 {s['b3_f1']:.3f}   (target F1 >= 0.90)")


def explain(gold: dict[str, str], pred: dict[str, str], titles: dict[str, str]) -> None:
    by_gold, by_pred = defaultdict(list), defaultdict(list)
    for i in gold:
        by_gold[gold[i]].append(i)
        by_pred[pred[i]].append(i)
    print("    split gold stories (gold story -> predicted clusters):")
    for story, members in sorted(by_gold.items()):
        parts = Counter(pred[i] for i in members)
        if len(parts) > 1:
            print(f"      {story}: {len(members)} articles in {len(parts)} clusters {sorted(parts.values(), reverse=True)}")
    print("    merged predicted clusters (cluster -> gold stories):")
    for cluster, members in sorted(by_pred.items(), key=lambda kv: -len(kv[1])):
        stories = Counter(gold[i] for i in members)
        if len(stories) > 1:
            print(f"      {cluster}: " + ", ".join(f"{s} x{n}" for s, n in stories.most_common()))
            for i in members[:6]:
                print(f"          [{gold[i]}] {titles[i][:90]}")


def quality(workers: int, verbose: bool) -> tuple[dict[str, str], dict[str, str]]:
    pairs = load_labelled()
    items = [dict(item, _source=f"saudinewsnet:{label['zip']}") for label, item in pairs]
    articles, seconds = extract_all(items, workers)
    if any(a is None for a in articles):
        raise SystemExit("the pipeline failed on a labelled article")
    _unique_ids(articles)
    started = time.perf_counter()
    stories_of(articles)
    clustered = time.perf_counter() - started
    gold = {a.id: label["story"] for a, (label, _) in zip(articles, pairs, strict=True)}
    pred = {a.id: a.story_id for a in articles}
    titles = {a.id: item.get("title") or "" for a, (_, item) in zip(articles, pairs, strict=True)}
    days = Counter(label["zip"][:10] for label, _ in pairs)
    print(f"labelled set (eval/stories): {len(pairs)} articles, {len(set(gold.values()))} gold stories, days {dict(sorted(days.items()))}")
    print(f"  pipeline {seconds:.1f}s, stories_of {clustered*1000:.0f} ms; "
          f"{sum(1 for a in articles if a.published)} of {len(articles)} articles have a published date; "
          f"{sum(1 for a in articles if a.duplicate_of)} flagged duplicate_of")
    print_scores("labelled articles clustered alone", scores(gold, pred))
    if verbose:
        explain(gold, pred, titles)
    meta = [{"source": item["source"], "day": item["date_extracted"][:10], "title": item.get("title") or ""} for _, item in pairs]
    rule_check("gold labels vs the title-paraphrase rule (sanity check of the labels)", [a.id for a in articles], meta, gold, random_pairs=500)
    rule_check("marsad on the labelled set", [a.id for a in articles], meta, pred, random_pairs=500)
    return gold, {a.id: item["url"] for a, (_, item) in zip(articles, pairs, strict=True)}


# --- automatic pair check ------------------------------------------------------------------

def title_keys(title: str) -> frozenset[str]:
    return frozenset(k for k in (search_key(w) for w in WORD.findall(title)) if len(k) > 1)


def rule_check(name: str, ids: list[str], meta: list[dict], story: dict[str, str], random_pairs: int = RANDOM_PAIRS,
               show: int = 0) -> None:
    """Same-day, different-outlet, near-paraphrase titles must share a story; random
    different-day pairs must not."""
    keys = [title_keys(m["title"]) for m in meta]
    by_day: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(meta):
        by_day[m["day"]].append(i)
    paraphrase = []
    for members in by_day.values():
        index: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for k in keys[i]:
                index[k].append(i)
        for i in members:
            if len(keys[i]) < PARAPHRASE_MIN_KEYS:
                continue
            shared = Counter(j for k in keys[i] for j in index[k] if j > i)
            for j, n in shared.items():
                if len(keys[j]) < PARAPHRASE_MIN_KEYS or meta[i]["source"] == meta[j]["source"]:
                    continue
                if n / len(keys[i] | keys[j]) >= PARAPHRASE_JACCARD:
                    paraphrase.append((i, j))
    agree = sum(story[ids[i]] == story[ids[j]] for i, j in paraphrase)
    rng = random.Random(20150806)
    randoms = []
    days = sorted(by_day)
    while len(days) > 1 and len(randoms) < random_pairs:
        i, j = rng.randrange(len(ids)), rng.randrange(len(ids))
        if meta[i]["day"] != meta[j]["day"]:
            randoms.append((i, j))
    apart = sum(story[ids[i]] != story[ids[j]] for i, j in randoms)
    print(f"  automatic pair check, {name}:")
    print(f"    same-day cross-outlet paraphrase titles in the same story: {agree}/{len(paraphrase)}"
          f" = {agree/max(1, len(paraphrase)):.3f}")
    if randoms:
        print(f"    random different-day pairs in different stories:          {apart}/{len(randoms)} = {apart/len(randoms):.3f}")
    if show:
        misses = [(i, j) for i, j in paraphrase if story[ids[i]] != story[ids[j]]]
        for i, j in random.Random(1).sample(misses, min(show, len(misses))):
            print(f"      apart: {meta[i]['day']} {meta[i]['source']}: {meta[i]['title'][:60]!r} | {meta[j]['source']}: {meta[j]['title'][:60]!r}")


# --- dedup: marsad vs datasketch ------------------------------------------------------------

def shingles(text: str) -> set[str]:
    """The same word-3-grams DuplicateIndex hashes (normalized words, padded when short)."""
    words = WORD.findall(normalize(text))
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    return {" ".join(words[i: i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def marsad_dedup(items: list[tuple[str, str]]) -> tuple[dict[str, str], float, DuplicateIndex]:
    index = DuplicateIndex()
    found = {}
    started = time.perf_counter()
    for article_id, text in items:
        original = index.check_and_add(article_id, text)
        if original:
            found[article_id] = original
    return found, time.perf_counter() - started, index


def datasketch_dedup(items: list[tuple[str, str]]) -> tuple[dict[str, str], float]:
    """Naive: one MinHash per text over the same shingles, query then insert."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=64)
    signatures: dict[str, MinHash] = {}
    order: dict[str, int] = {}
    found = {}
    started = time.perf_counter()
    for n, (article_id, text) in enumerate(items):
        m = MinHash(num_perm=64)
        m.update_batch([g.encode("utf-8") for g in shingles(text)])
        best, best_score = None, DUPLICATE_JACCARD
        for candidate in sorted(lsh.query(m), key=order.__getitem__):
            score = m.jaccard(signatures[candidate])
            if score >= best_score:
                best, best_score = candidate, score
        if best is not None:
            found[article_id] = best
        lsh.insert(article_id, m)
        signatures[article_id] = m
        order[article_id] = n
    return found, time.perf_counter() - started


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def compare_dedup(items: list[tuple[str, str]], ours: dict[str, str], theirs: dict[str, str]) -> None:
    texts = dict(items)
    both = set(ours) & set(theirs)
    same_pair = sum(ours[i] == theirs[i] for i in both)
    only_ours, only_theirs = set(ours) - set(theirs), set(theirs) - set(ours)
    edges_ours = {frozenset((a, b)) for a, b in ours.items()}
    edges_theirs = {frozenset((a, b)) for a, b in theirs.items()}
    print(f"    duplicates flagged: marsad {len(ours)}, datasketch {len(theirs)}; both {len(both)} "
          f"(same original for {same_pair}), only marsad {len(only_ours)}, only datasketch {len(only_theirs)}")
    print(f"    duplicate pairs: {len(edges_ours & edges_theirs)} shared of {len(edges_ours | edges_theirs)} "
          f"(agreement {len(edges_ours & edges_theirs)/max(1, len(edges_ours | edges_theirs)):.3f})")
    high = sum(jaccard(shingles(texts[i]), shingles(texts[ours[i]])) >= DUPLICATE_JACCARD for i in only_ours)
    print(f"    only-marsad pairs with exact shingle Jaccard >= {DUPLICATE_JACCARD}: {high}/{len(only_ours)} "
          f"(the rest come from marsad's paragraph-containment rule or MinHash error)")
    high = sum(jaccard(shingles(texts[i]), shingles(texts[theirs[i]])) >= DUPLICATE_JACCARD for i in only_theirs)
    print(f"    only-datasketch pairs with exact shingle Jaccard >= {DUPLICATE_JACCARD}: {high}/{len(only_theirs)}")


# --- speed, growth, memory -------------------------------------------------------------------

def speed(articles: list, meta: list[dict], sizes: list[int], verbose: bool) -> list:
    """Times at each size; returns the articles of the largest `stories_of` run (story ids set)."""
    frozen = pickle.dumps(articles, protocol=pickle.HIGHEST_PROTOCOL)     # fresh copies per run
    warm = pickle.loads(frozen)[:300]                                     # imports, tables, numpy
    marsad_dedup([(a.id, a.text) for a in warm])
    datasketch_dedup([(a.id, a.text) for a in warm])
    stories_of(warm)
    print("\nspeed and growth (one core; articles from the corpus run above; us/a = microseconds per article)")
    print(f"  {'N':>6} | {'dedup a/s':>9} {'us/a':>6} | {'datasketch a/s':>14} {'us/a':>6} {'ratio':>5} | "
          f"{'features us/a':>13} {'cluster us/a':>12} | {'stories_of a/s':>14} {'us/a':>6} | {'stories':>7} {'dups':>5}")
    last: dict = {}
    for n in sizes:
        items = [(a.id, a.text) for a in articles[:n]]
        ours, t_ours, _ = marsad_dedup(items)
        theirs, t_theirs = datasketch_dedup(items)
        ordered = contract_order(pickle.loads(frozen)[:n])
        started = time.perf_counter()
        features = [features_of(a) for a in ordered]
        t_features = time.perf_counter() - started
        clusterer = StoryClusterer()
        started = time.perf_counter()
        for f in features:
            clusterer.add(f)
        t_cluster = time.perf_counter() - started
        del features, clusterer, ordered
        subset = pickle.loads(frozen)[:n]
        started = time.perf_counter()
        records = stories_of(subset)
        t_stories = time.perf_counter() - started
        print(f"  {n:>6} | {n/t_ours:>9,.0f} {t_ours / n * 1e6:>6.0f} | {n/t_theirs:>14,.0f} {t_theirs / n * 1e6:>6.0f} "
              f"{t_theirs/t_ours:>5.2f} | {t_features / n * 1e6:>13.0f} {t_cluster / n * 1e6:>12.0f} | {n/t_stories:>14,.0f} "
              f"{t_stories / n * 1e6:>6.0f} | {len(records):>7} {len(ours):>5}", flush=True)
        last = {"items": items, "ours": ours, "theirs": theirs, "subset": subset, "n": n}
    n = last["n"]
    print("  (ratio = datasketch time / marsad DuplicateIndex time; marsad also runs paragraph containment;"
          " features + cluster = the clusterer alone; stories_of = dedup + features + clusterer + story records)")
    print(f"\ndedup agreement at N={n} (marsad DuplicateIndex vs datasketch MinHashLSH(threshold=0.6, num_perm=64))")
    compare_dedup(last["items"], last["ours"], last["theirs"])
    subset = last["subset"]
    story = {a.id: a.story_id for a in subset}
    counts = Counter(story.values())
    print(f"\nstories at N={n}: {len(counts)} stories; {sum(1 for c in counts.values() if c == 1)} singletons; "
          f"largest {sorted(counts.values(), reverse=True)[:5]}; {sum(1 for a in subset if a.published)} of {n} articles dated")
    rule_check(f"marsad on the first {n} corpus articles", [a.id for a in subset], meta[:n], story,
               show=8 if verbose else 0)
    held_memory(last["items"], frozen, n)
    return subset


def held_memory(items: list[tuple[str, str]], frozen: bytes, n: int) -> None:
    """Bytes still allocated (tracemalloc) by a filled DuplicateIndex and a filled StoryClusterer."""
    import gc
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    index = DuplicateIndex()
    for article_id, text in items:
        index.check_and_add(article_id, text)
    held_index = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    features = [features_of(a) for a in contract_order(pickle.loads(frozen)[:n])]
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    clusterer = StoryClusterer()
    for f in features:
        clusterer.add(f)
    held_cluster = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    print(f"\nmemory held at N={n} (tracemalloc): DuplicateIndex {held_index/2**20:.0f} MB "
          f"({held_index/n:,.0f} B/article); StoryClusterer {held_cluster/2**20:.0f} MB "
          f"({held_cluster/n:,.0f} B/article, {len(clusterer.stories)} stories, {len(clusterer.index)} index terms)")
    del index, clusterer, features


def labelled_in_corpus(gold: dict[str, str], urls: dict[str, str], clustered: list, meta: list[dict], verbose: bool) -> None:
    """The labelled articles' clusters when the whole corpus run is clustered together."""
    by_url = {m["url"]: (a, m) for a, m in zip(clustered, meta, strict=True)}
    wanted = {aid: by_url.get(url) for aid, url in urls.items()}
    if not all(wanted.values()):
        print("\n(labelled days not in this run: no scores for the labelled articles inside the corpus clustering)")
        return
    pred = {aid: a.story_id for aid, (a, _) in wanted.items()}
    print(f"\nlabelled articles inside the stories_of run over all {len(clustered)} corpus articles (timed above):")
    print_scores("labelled articles, corpus-wide clustering", scores(gold, pred))
    if verbose:
        explain(gold, pred, {aid: m["title"] for aid, (_, m) in wanted.items()})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max", type=int, default=None, help="articles for the speed part (default: all)")
    parser.add_argument("--quick", action="store_true", help="2,000 articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not have_saudi():
        print("SaudiNewsNet not found in ../shared/corpora: skipped")
        return
    t0 = time.perf_counter()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (timings are wall clock)")
    gold, urls = quality(args.workers, args.verbose)
    n = 2000 if args.quick else (args.max or 10**9)
    print(f"\ncorpus run (N = {'all' if n >= 10**9 else n})")
    articles, meta, _ = corpus(n, args.workers, not args.no_cache)
    n = len(articles)
    sizes = [s for s in SIZES if s < n] + [n]
    clustered = speed(articles, meta, sizes, args.verbose)
    labelled_in_corpus(gold, urls, clustered, meta, args.verbose)
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\npeak RSS: this process {self_peak:.0f} MB (holds all {n} Articles plus pickled copies); "
          f"largest extract worker {child_peak:.0f} MB")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    print(f"total wall time {time.perf_counter()-t0:.0f}s")


if __name__ == "__main__":
    main()
