"""Quality and speed of the packaged NER tagger (marsad/models/ner.crfsuite).

Quality: token-level and entity-level (exact span and type, CoNLL style) precision, recall and
F1 per type and micro overall, on the held-out final sixth of ANERcorp (never trained on),
sentence by sentence and by pseudo-article (consecutive sentences tagged together, with the
article-level propagation of names). Speed, on one core: tokens/s and sentences/s, ms per
~400-token article, against python-crfsuite's own tagger on the same model and features in the
same process; and, when SaudiNewsNet is present, ms per real article (split + tokenize + tag).

    python benchmarks/bench_ner.py [--data PATH] [--no-gazetteer] [--articles 500] [--warm-up 2000]

`--no-gazetteer` runs the shipped model with no gazetteer, to show what it loses when the
gazetteer files are missing. Exits 0 with a message when the corpus or the model is absent.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, have_saudi, saudi_articles  # noqa: E402

from marsad.arabic.split import sentences as split_sentences  # noqa: E402
from marsad.ner.features import build_gazetteer_index, sentence_features, tokenize  # noqa: E402
from marsad.ner.tagger import Tagger, model_path  # noqa: E402
from marsad.ner.train import (  # noqa: E402
    ARTICLE_SENTENCES,
    CORPUS_FILE,
    evaluate,
    format_scores,
    read_corpus,
    split_final_sixth,
)

DATA = SHARED / "corpora" / "anercorp" / CORPUS_FILE
ARTICLE_TOKENS = 400


def cpu_seconds(run: Callable[[], object], repeat: int = 5) -> float:
    """Best CPU time of `repeat` runs (robust to other processes on the machine)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def pseudo_articles(sentences: Sequence[list[str]]) -> list[list[list[str]]]:
    """Consecutive sentences grouped into articles of at least ARTICLE_TOKENS tokens."""
    articles: list[list[list[str]]] = [[]]
    for tokens in sentences:
        if sum(map(len, articles[-1])) >= ARTICLE_TOKENS:
            articles.append([])
        articles[-1].append(tokens)
    return [article for article in articles if sum(map(len, article)) >= ARTICLE_TOKENS]


def quality(tagger: Tagger, test: list[tuple[list[str], list[str]]]) -> None:
    print("\n== held-out final sixth, sentence by sentence (Tagger.tag)")
    print(format_scores(evaluate(tagger, test)))
    print(f"\n== held-out final sixth, by article of {ARTICLE_SENTENCES} sentences (Tagger.tag_article)")
    print(format_scores(evaluate(tagger, test, ARTICLE_SENTENCES)))


def speed(tagger: Tagger, path: Path, sentences: list[list[str]]) -> None:
    tokens = sum(map(len, sentences))
    cold = cpu_seconds(lambda: Tagger(path, tagger.gazetteer).tag_many(sentences), repeat=1)
    warm = cpu_seconds(lambda: tagger.tag_many(sentences))
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    baseline = cpu_seconds(lambda: [crf.tag(sentence_features(s, tagger.gazetteer)) for s in sentences], 2)
    print(f"\n== speed, one core, CPU time, {len(sentences)} sentences / {tokens} tokens")
    print(f"marsad tagger, warm word cache : {tokens / warm:9.0f} tokens/s {len(sentences) / warm:7.0f} sentences/s")
    print(f"marsad tagger, cold (new tagger): {tokens / cold:9.0f} tokens/s (includes model load)")
    print(f"python-crfsuite tag, same model : {tokens / baseline:9.0f} tokens/s "
          f"(marsad is {baseline / warm:.1f}x faster)")
    articles = pseudo_articles(sentences)
    per_article = [cpu_seconds(partial(tagger.tag_article, article)) for article in articles]
    size = statistics.mean(sum(map(len, article)) for article in articles)
    print(f"tag_article, {len(articles)} pseudo-articles of {size:.0f} tokens: "
          f"median {1000 * statistics.median(per_article):.2f} ms, max {1000 * max(per_article):.2f} ms")


def real_articles(tagger: Tagger, count: int, warm_up: int) -> None:
    """A stream of real articles, each tagged once after `warm_up` others (the word cache
    then holds what a long-running worker's would)."""
    if not have_saudi():
        print("\nSaudiNewsNet not found: real-article timing skipped")
        return
    texts = [item["content"] for item in saudi_articles(limit=warm_up + count)]

    def prepare(text: str) -> list[list[str]]:
        return [[token for _, _, token in tokenize(text[s:e])] for s, e in split_sentences(text)]

    for text in texts[:warm_up]:
        tagger.tag_article(prepare(text))
    measured = texts[warm_up:]
    started = time.process_time()
    prepared = [prepare(text) for text in measured]
    preparing = time.process_time() - started
    tokens = sum(len(sentence) for article in prepared for sentence in article)
    started = time.process_time()
    for article in prepared:
        tagger.tag_article(article)
    tagging = time.process_time() - started
    print(f"\n== stream of {len(measured)} SaudiNewsNet articles after {warm_up} (each tagged once), "
          f"{tokens / len(measured):.0f} tokens/article")
    print(f"tag_article: {1000 * tagging / len(measured):.2f} ms/article, "
          f"{1000 * tagging * ARTICLE_TOKENS / tokens:.2f} ms per {ARTICLE_TOKENS} tokens, {tokens / tagging:.0f} tokens/s; "
          f"sentence split + tokenize: {1000 * preparing / len(measured):.2f} ms/article more")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--no-gazetteer", action="store_true")
    parser.add_argument("--articles", type=int, default=500, help="SaudiNewsNet articles timed")
    parser.add_argument("--warm-up", type=int, default=2000, help="SaudiNewsNet articles tagged first")
    args = parser.parse_args(argv)
    path = model_path()
    if path is None:
        print("no packaged model (marsad/models/ner.crfsuite): run python -m marsad.ner.train")
        return 0
    if not args.data.is_file():
        print(f"ANERcorp not found at {args.data}: NER benchmark skipped")
        return 0
    started = time.perf_counter()
    tagger = Tagger(path, None if args.no_gazetteer else build_gazetteer_index())
    gazetteer = "off" if tagger.gazetteer is None else f"{len(tagger.gazetteer)} names"
    print(f"model {path.stat().st_size / 1e6:.2f} MB, loaded in {time.perf_counter() - started:.2f} s; "
          f"gazetteer {gazetteer}")
    _, test = split_final_sixth(read_corpus(args.data))
    quality(tagger, test)
    speed(tagger, path, [tokens for tokens, _ in test])
    real_articles(tagger, args.articles, args.warm_up)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
