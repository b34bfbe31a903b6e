"""Train the packaged NER model on ANERcorp and score it on the held-out final sixth.

    python -m marsad.ner.train --data ../shared/corpora/anercorp/ANERCorp_CamelLab_train.reconstructed.txt \\
        --out src/marsad/models/ner.crfsuite

The corpus (research-only third-party data) is read from `--data`, never copied into the repo.
Split: the contiguous final sixth of the sentences is the test set and is never trained on;
`--dev` instead trains on the first five sixths of the training part and scores the sixth after
it (the slice used to tune features and c1/c2). Training is deterministic (L-BFGS, fixed
parameters, corpus order) and takes a few minutes on one core.

Gazetteer features (data/gazetteer/*.tsv) are on unless `--no-gazetteer`: their weights are
learned from the gazetteer files present at training time, and the tagger computes them from
the files present at run time, so retrain after large gazetteer changes. Scores are printed
sentence by sentence and by pseudo-article (`Tagger.tag_article`).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite

from marsad.ner.features import GazetteerIndex, build_gazetteer_index, sentence_features
from marsad.ner.tagger import TYPES, Tagger, spans_from_labels

# ANERcorp holds ~316 articles of ~13 sentences; the corpus does not mark where they end, so
# article-level scores tag runs of this many consecutive sentences together.
ARTICLE_SENTENCES = 15
CORPUS_FILE = "ANERCorp_CamelLab_train.reconstructed.txt"
DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "corpora" / "anercorp" / CORPUS_FILE
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "models" / "ner.crfsuite"
PARAMS: dict[str, float | int | bool] = {
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 250,
    "feature.minfreq": 1,
    "feature.possible_transitions": True,
}

Sentence = tuple[list[str], list[str]]


def read_corpus(path: Path, max_sentences: int | None = None) -> list[Sentence]:
    """Sentences of a `token tag` per line file, blank line between sentences."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    labels: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            tokens.append(parts[0])
            labels.append(parts[-1])
            continue
        if tokens:
            sentences.append((tokens, labels))
            tokens, labels = [], []
    if tokens:
        sentences.append((tokens, labels))
    return sentences[:max_sentences] if max_sentences else sentences


def split_final_sixth(sentences: Sequence[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """(first five sixths, contiguous final sixth)."""
    cut = (5 * len(sentences)) // 6
    return list(sentences[:cut]), list(sentences[cut:])


def train_model(
    sentences: Iterable[Sentence],
    out: Path,
    gazetteer: GazetteerIndex | None,
    params: dict[str, float | int | bool] | None = None,
) -> None:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(params or PARAMS)
    for tokens, labels in sentences:
        trainer.append(sentence_features(tokens, gazetteer), labels)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


@dataclass
class Counts:
    tp: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 for one type, or micro-averaged over all types."""
        pick = (lambda c: c[kind]) if kind else (lambda c: sum(c.values()))
        tp, predicted, gold = pick(self.tp), pick(self.predicted), pick(self.gold)
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass
class Scores:
    token: Counts = field(default_factory=Counts)
    entity: Counts = field(default_factory=Counts)

    def add(self, gold: Sequence[str], predicted: Sequence[str]) -> None:
        for g, p in zip(gold, predicted, strict=True):
            g_kind, p_kind = g.partition("-")[2], p.partition("-")[2]
            self.token.gold.update([g_kind] if g_kind else [])
            self.token.predicted.update([p_kind] if p_kind else [])
            if g_kind and g_kind == p_kind:
                self.token.tp[g_kind] += 1
        gold_spans, predicted_spans = set(spans_from_labels(gold)), set(spans_from_labels(predicted))
        self.entity.gold.update(kind for _, _, kind in gold_spans)
        self.entity.predicted.update(kind for _, _, kind in predicted_spans)
        self.entity.tp.update(kind for _, _, kind in gold_spans & predicted_spans)


def evaluate(tagger: Tagger, sentences: Sequence[Sentence], article_sentences: int = 0) -> Scores:
    """Score `tagger` on `sentences`. With `article_sentences`, consecutive runs of that many
    sentences are tagged as one article (`Tagger.tag_article`), as the pipeline does;
    otherwise every sentence is tagged on its own."""
    scores = Scores()
    step = article_sentences or len(sentences) or 1
    for first in range(0, len(sentences), step):
        chunk = sentences[first:first + step]
        tokens = [tokens for tokens, _ in chunk]
        predicted = tagger.tag_article(tokens) if article_sentences else tagger.tag_many(tokens)
        for (_, labels), guess in zip(chunk, predicted, strict=True):
            scores.add(labels, guess)
    return scores


def format_scores(scores: Scores) -> str:
    lines = [f"{'level':<7} {'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for level, counts in (("token", scores.token), ("entity", scores.entity)):
        for kind in (*TYPES, None):
            p, r, f = counts.prf(kind)
            gold = counts.gold[kind] if kind else sum(counts.gold.values())
            lines.append(f"{level:<7} {kind or 'micro':<6} {p:6.3f} {r:6.3f} {f:6.3f} {gold:6d}")
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m marsad.ner.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ANERcorp-format file")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model file to write")
    parser.add_argument("--max-sentences", type=int, default=None, help="use only the first N")
    parser.add_argument("--no-gazetteer", action="store_true", help="no gazetteer features")
    parser.add_argument("--dev", action="store_true",
                        help="tuning run: train on the first 5/6 of the training part, score the dev sixth")
    parser.add_argument("--c1", type=float, default=PARAMS["c1"])
    parser.add_argument("--c2", type=float, default=PARAMS["c2"])
    parser.add_argument("--minfreq", type=int, default=PARAMS["feature.minfreq"])
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.data.is_file():
        print(f"corpus not found: {args.data}")
        return 2
    train, test = split_final_sixth(read_corpus(args.data, args.max_sentences))
    if args.dev:
        train, test = split_final_sixth(train)
    gazetteer = None if args.no_gazetteer else build_gazetteer_index()
    params = {**PARAMS, "c1": args.c1, "c2": args.c2, "feature.minfreq": args.minfreq}
    print(f"train {len(train)} sentences, {'dev' if args.dev else 'held-out test'} {len(test)}; "
          f"gazetteer: {'off' if gazetteer is None else f'{len(gazetteer)} names'}; params {params}")
    started = time.perf_counter()
    train_model(train, args.out, gazetteer, params)
    elapsed = time.perf_counter() - started
    size = args.out.stat().st_size
    print(f"trained in {elapsed:.1f} s -> {args.out} ({size / 1e6:.2f} MB)")
    tagger = Tagger(args.out, gazetteer)
    print("\nsentence by sentence (Tagger.tag):")
    print(format_scores(evaluate(tagger, test)))
    print(f"\nby article of {ARTICLE_SENTENCES} sentences (Tagger.tag_article):")
    print(format_scores(evaluate(tagger, test, ARTICLE_SENTENCES)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
