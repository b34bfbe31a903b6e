"""The packaged statistical NER tagger (a linear-chain CRF trained on ANERcorp).

    tagger = load_tagger()          # None when the model file is not packaged
    if tagger is not None:
        tagger.tag(["قال", "الرئيس", "إيمانويل", "ماكرون"])   # ['O', 'O', 'B-PERS', 'I-PERS']
        tagger.spans(tokens)                                   # [(2, 4, 'PERS')]
        tagger.tag_article(sentences)   # all the sentences of an article: faster, and names
                                        # found once are labelled where they come back

Labels are IOB2 with the types PERS, LOC, ORG and MISC; tokens as `tokenize` makes them.

The model is a plain crfsuite file, trained with python-crfsuite. Tagging does not go through
crfsuite, though: handing it ~50 attribute strings per token costs ~15 µs a token. Instead the
weights are read once, the weights a word contributes (to itself and to each neighbour) are
summed once per distinct word and cached, and Viterbi runs in numpy over all the sentences of
a call at once, cut after tokens that are O by a wide margin (`ANCHOR_MARGIN`). The labels are
the ones crfsuite gives (tested). A `Tagger` keeps a mutable cache: use one per thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from functools import lru_cache
from importlib import resources
from itertools import repeat
from pathlib import Path

import numpy as np
import pycrfsuite

from marsad.ner.features import (
    BOUNDARY,
    NO_NEIGHBOURS,
    OFFSETS,
    GazetteerIndex,
    WordForms,
    build_gazetteer_index,
    context_features,
    word_features,
    word_forms,
)

TYPES = ("PERS", "LOC", "ORG", "MISC")
PROPAGATED = ("PERS", "LOC", "ORG")   # MISC repeats are too often not entities (tuned on dev)
MIN_SURNAME = 3
MODEL_RESOURCE = "models/ner.crfsuite"
GENERATION_WORDS = 65_536   # words per cache generation (two generations: ~47 MB); 32k missed 1.7x more words on a news stream
# Viterbi is split after a token whose O score beats every other label's by this much. Not a
# proof of optimality (that would need ~15.5 with this model's transitions), but on 355k
# tokens of news and ANERcorp it changed no label, while 8 changed 11 (see the tests).
ANCHOR_MARGIN = 10.0
_CHUNK_TOKENS = 4_096       # tokens scored per batch (must stay below GENERATION_WORDS)

Span = tuple[int, int, str]
_ZERO = "\x00"   # not an attribute of any model


def spans_from_labels(labels: Sequence[str]) -> list[Span]:
    """(start, end exclusive, type) for each entity in an IOB2 label sequence.

    CoNLL conventions: an I- label that does not continue an entity of its type starts one.
    """
    spans: list[Span] = []
    start, kind = -1, ""
    for index, label in enumerate(labels):
        prefix, _, label_kind = label.partition("-")
        if prefix == "I" and label_kind == kind and start >= 0:
            continue
        if start >= 0:
            spans.append((start, index, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and label_kind:
            start, kind = index, label_kind
    if start >= 0:
        spans.append((start, len(labels), kind))
    return spans


def propagate(sentences: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]) -> list[list[str]]:
    """Within one article, label the unlabelled repeats of the names found in it.

    A name tagged once is often missed where it comes back, alone or with a clitic, so every
    PERS/LOC/ORG span (compared on bare forms: وماكرون = ماكرون) and the last word of every
    person's name of two or more words (ميركل after أنجيلا ميركل) is labelled wherever it
    appears on tokens the model left as O. First names are not propagated: on the dev slice
    that cost more precision than it gained recall.
    """
    known: dict[tuple[str, ...], str] = {}
    bare = [[word_forms(token).bare for token in tokens] for tokens in sentences]
    for keys, sentence_labels in zip(bare, labels, strict=True):
        for start, end, kind in spans_from_labels(sentence_labels):
            if kind in PROPAGATED:
                known.setdefault(tuple(keys[start:end]), kind)
            if kind == "PERS" and end - start >= 2 and len(keys[end - 1]) >= MIN_SURNAME:
                known.setdefault((keys[end - 1],), kind)
    firsts = {key[0] for key in known}
    longest = max(map(len, known), default=0)
    return [_relabel(keys, list(sentence_labels), known, firsts, longest)
            for keys, sentence_labels in zip(bare, labels, strict=True)]


def _relabel(keys: list[str], labels: list[str], known: dict[tuple[str, ...], str],
             firsts: set[str], longest: int) -> list[str]:
    for start, key in enumerate(keys):
        if key not in firsts or labels[start] != "O":
            continue
        for end in range(min(len(keys), start + longest), start, -1):
            kind = known.get(tuple(keys[start:end]))
            if kind and all(label == "O" for label in labels[start:end]):
                labels[start:end] = ["B-" + kind] + ["I-" + kind] * (end - start - 1)
                break
    return labels


class CrfWeights:
    """State weights (attribute -> row of `state`) and label transitions of a crfsuite model."""

    def __init__(self, model_path: str | Path) -> None:
        crf = pycrfsuite.Tagger()
        crf.open(str(model_path))
        info = crf.info()
        crf.close()
        self.labels: tuple[str, ...] = tuple(sorted(info.labels, key=info.labels.get))
        label_ids = {label: i for i, label in enumerate(self.labels)}
        self.rows: dict[str, int] = {}
        rows: list[list[float]] = [[0.0] * len(self.labels)]   # row 0: unknown attributes
        for (attribute, label), weight in info.state_features.items():
            row = self.rows.setdefault(attribute, len(rows))
            if row == len(rows):
                rows.append([0.0] * len(self.labels))
            rows[row][label_ids[label]] = weight
        self.state = np.array(rows, dtype=np.float64)
        self.transitions = np.zeros((len(self.labels), len(self.labels)))
        for (source, target), weight in info.transitions.items():
            self.transitions[label_ids[source], label_ids[target]] = weight

    def score(self, attributes: Sequence[str]) -> np.ndarray:
        """Summed state weights of `attributes`, one per label."""
        get = self.rows.get
        return self.state[[get(a, 0) for a in attributes]].sum(axis=0)

    def score_blocks(self, blocks: Sequence[Sequence[Sequence[str]]]) -> np.ndarray:
        """(blocks, parts, labels) summed weights of the attributes of each part of each block
        (a block: the own and per-offset attributes of a word), in one numpy call."""
        flat: list[str] = []
        starts: list[int] = []
        for block in blocks:
            for attributes in block:
                starts.append(len(flat))
                flat.append(_ZERO)   # maps to the zero row: no part is empty
                flat.extend(attributes)
        indices = list(map(self.rows.get, flat, repeat(0)))
        sums = np.add.reduceat(self.state[indices], starts, axis=0)
        return sums.reshape(len(blocks), -1, self.state.shape[1])


_NO_WORD = WordForms("", "", (), "P", "")


class WordCache:
    """Summed weights of recently seen words, in two generations (an approximate LRU).

    Row block `blocks[r]`: [own score, contribution to the token at each of OFFSETS]. New words
    go to the young generation; a word found in the old one is copied to the young one; when
    the young generation is full it becomes the old one and the old one's rows are reused.
    Rows handed out stay valid until the next `reserve`.
    """

    def __init__(self, generation: int, labels: int) -> None:
        self.generation = generation
        self.blocks = np.zeros((2 * generation, 1 + len(OFFSETS), labels))
        self.forms: list[WordForms] = [_NO_WORD] * (2 * generation)
        self.in_gazetteer = [False] * (2 * generation)   # per row: may start a gazetteer name
        self.young: dict[str, int] = {}
        self.old: dict[str, int] = {}
        self.base = 0                                     # first row of the young generation

    @property
    def next_row(self) -> int:
        return self.base + len(self.young)

    def reserve(self, count: int) -> None:
        """Make room for `count` more words in the young generation."""
        if len(self.young) + count > self.generation:
            self.old, self.young = self.young, {}
            self.base = self.generation - self.base

    def find(self, token: str) -> int | None:
        row = self.young.get(token)
        if row is not None:
            return row
        old = self.old.get(token)
        if old is None:
            return None
        row = self.next_row
        self.blocks[row] = self.blocks[old]
        self.forms[row], self.in_gazetteer[row] = self.forms[old], self.in_gazetteer[old]
        self.young[token] = row
        return row

    def add(self, token: str, forms: WordForms, in_gazetteer: bool) -> int:
        """Register a new word (its block is filled by the caller); returns its row."""
        row = self.next_row
        self.forms[row], self.in_gazetteer[row] = forms, in_gazetteer
        self.young[token] = row
        return row


class Tagger:
    """Tag token sequences with a crfsuite model file."""

    def __init__(self, model_path: str | Path, gazetteer: GazetteerIndex | None = None) -> None:
        self.weights = CrfWeights(model_path)
        self.labels = self.weights.labels
        self.gazetteer = gazetteer
        size = len(self.labels)
        self._boundary = np.array([self.weights.score(items) for items in BOUNDARY]).reshape(-1, size)
        self._cache = WordCache(GENERATION_WORDS, size)
        self._context_scores: dict[tuple[str, ...], np.ndarray] = {}
        self._outside = self.labels.index("O")

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One IOB2 label per token."""
        return self.tag_many([tokens])[0]

    def spans(self, tokens: Sequence[str]) -> list[Span]:
        """(token start, token end exclusive, type) of each entity found in `tokens`."""
        return spans_from_labels(self.tag(tokens))

    def tag_article(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Labels for the sentences of one article, made consistent across it (`propagate`)."""
        return propagate(sentences, self.tag_many(sentences))

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Labels for several sentences (faster than one `tag` call per sentence)."""
        result: list[list[str]] = []
        batch: list[Sequence[str]] = []
        batch_tokens = 0
        for sentence in sentences:
            if batch and batch_tokens + len(sentence) > _CHUNK_TOKENS:
                result.extend(self._tag_batch(batch))
                batch, batch_tokens = [], 0
            batch.append(sentence)
            batch_tokens += len(sentence)
        if batch:
            result.extend(self._tag_batch(batch))
        return result

    def _tag_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        lengths = np.array([len(sentence) for sentence in sentences], dtype=np.intp)
        if not lengths.any():
            return [[] for _ in sentences]
        if sum(len(s) for s in sentences) > _CHUNK_TOKENS:  # one overlong sentence
            return [self._long_sentence(s) for s in sentences]
        scores = self._state_scores(sentences, lengths)
        segments = self._split_at_anchors(scores, lengths)
        flat = [label for path in viterbi(scores, segments, self.weights.transitions) for label in path]
        labels = self.labels
        ends = np.cumsum(lengths).tolist()
        return [[labels[i] for i in flat[end - length:end]] for end, length in zip(ends, lengths.tolist(), strict=True)]

    def _split_at_anchors(self, scores: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Cut sentences into segments after tokens that are O by a wide margin (commas,
        function words...), so that Viterbi runs ~3x fewer steps; the token after a cut gets
        the transition from O. Lengths of the segments, in order; `scores` is updated."""
        outside = self._outside
        margin = scores[:, outside] - np.delete(scores, outside, axis=1).max(axis=1)
        is_end = np.zeros(len(scores), dtype=bool)
        is_end[np.cumsum(lengths)[lengths > 0] - 1] = True
        anchor = (margin >= ANCHOR_MARGIN) & ~is_end
        scores[np.flatnonzero(anchor) + 1] += self.weights.transitions[outside]
        return np.diff(np.flatnonzero(anchor | is_end) + 1, prepend=0)

    def _long_sentence(self, tokens: Sequence[str]) -> list[str]:
        if len(tokens) <= _CHUNK_TOKENS:
            return self._tag_batch([tokens])[0]
        middle = len(tokens) // 2
        return self._long_sentence(tokens[:middle]) + self._long_sentence(tokens[middle:])

    def _rows_of(self, tokens: list[str]) -> list[int]:
        """Cache rows of `tokens`; words not cached yet are scored together, in one go."""
        cache = self._cache
        cache.reserve(len(tokens))
        found = [cache.find(token) for token in tokens]
        missing = [token for token, row in zip(tokens, found, strict=True) if row is None]
        if not missing:
            return found  # type: ignore[return-value]  # no None left
        self._add_words(list(dict.fromkeys(missing)))
        young = cache.young
        return [young[token] if row is None else row for token, row in zip(tokens, found, strict=True)]

    def _add_words(self, tokens: list[str]) -> None:
        gazetteer = self.gazetteer if self.gazetteer is not None and self.gazetteer.firsts else None
        words = [word_features(token) for token in tokens]
        parts = []
        for word in words:
            own, neighbour = gazetteer.word_attributes(word.forms) if gazetteer is not None else ((), NO_NEIGHBOURS)
            parts.append(((*word.own, *own), *map(tuple.__add__, word.neighbour, neighbour)))
        first = self._cache.next_row
        self._cache.blocks[first:first + len(tokens)] = self.weights.score_blocks(parts)
        for token, word in zip(tokens, words, strict=True):
            self._cache.add(token, word.forms, gazetteer is not None and gazetteer.may_start(word.forms))

    def _state_scores(self, sentences: Sequence[Sequence[str]], lengths: np.ndarray) -> np.ndarray:
        """(tokens, labels) state scores of all the tokens of `sentences`, concatenated."""
        total = int(lengths.sum())
        rows = np.array(self._rows_of([token for sentence in sentences for token in sentence]), dtype=np.intp)
        blocks = self._cache.blocks[rows]
        scores = blocks[:, 0].copy()
        sentence_of = np.repeat(np.arange(len(lengths)), lengths)
        positions = np.arange(total)
        for k, offset in enumerate(OFFSETS, start=1):
            source = np.clip(positions + offset, 0, total - 1)
            inside = (sentence_of[source] == sentence_of) & (source == positions + offset)
            scores += np.where(inside[:, None], blocks[source, k], self._boundary[k - 1])
        self._add_context(scores, rows, lengths)
        return scores

    def _add_context(self, scores: np.ndarray, rows: np.ndarray, lengths: np.ndarray) -> None:
        if self.gazetteer is None or not self.gazetteer.firsts:
            return
        start = 0
        in_gazetteer, forms = self._cache.in_gazetteer, self._cache.forms
        for length in lengths.tolist():
            sentence_rows = rows[start:start + length].tolist()
            starts = [i for i, row in enumerate(sentence_rows) if in_gazetteer[row]]
            if starts:
                words = [forms[row] for row in sentence_rows]
                for i, extra in context_features(words, self.gazetteer, starts).items():
                    scores[start + i] += self._context_score(tuple(extra))
            start += length

    def _context_score(self, attributes: tuple[str, ...]) -> np.ndarray:
        score = self._context_scores.get(attributes)
        if score is None:   # few distinct combinations (gaz=B-LOC, gaz=I-ORG...)
            score = self._context_scores[attributes] = self.weights.score(attributes)
        return score


def viterbi(scores: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> list[list[int]]:
    """Best label paths for concatenated sentences, all sentences advanced together.

    Sentences are sorted longest first, so the ones still running at step t are a prefix and
    each step works on array views (no masking)."""
    count, longest = len(lengths), int(lengths.max())
    order = np.argsort(-lengths, kind="stable")
    sorted_lengths = lengths[order]
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[order]
    padded = np.zeros((count, longest, transitions.shape[0]))
    for i, (start, length) in enumerate(zip(starts.tolist(), sorted_lengths.tolist(), strict=True)):
        padded[i, :length] = scores[start:start + length]
    running = [int(np.count_nonzero(sorted_lengths > t)) for t in range(longest)]
    size = transitions.shape[0]
    incoming = np.ascontiguousarray(transitions.T)          # [current, previous]
    candidates = np.empty((count, size, size))              # [sentence, current, previous]
    cells = np.arange(count * size) * size                  # flat offset of each (sentence, current)
    alpha = padded[:, 0].copy()
    back = np.zeros((longest, count, size), dtype=np.intp)
    for t in range(1, longest):
        k = running[t]
        np.add(alpha[:k, None, :], incoming, out=candidates[:k])
        best_previous = candidates[:k].argmax(axis=2)
        back[t, :k] = best_previous
        best = candidates.reshape(-1)[cells[: k * size] + best_previous.reshape(-1)]
        alpha[:k] = best.reshape(k, size) + padded[:k, t]
    label = alpha.argmax(axis=1)
    path = np.zeros((count, longest), dtype=np.intp)
    for t in range(longest - 1, 0, -1):
        k = running[t]
        path[:k, t] = label[:k]
        label[:k] = back[t, np.arange(k), label[:k]]
    path[:, 0] = label
    result: list[list[int]] = [[] for _ in range(count)]
    for i, (sentence, length) in enumerate(zip(order.tolist(), sorted_lengths.tolist(), strict=True)):
        result[sentence] = path[i, :length].tolist()
    return result


_RESOURCES = ExitStack()


def model_path() -> Path | None:
    """The packaged model as a file on disk, or None when it is not packaged."""
    resource = resources.files("marsad").joinpath(MODEL_RESOURCE)
    if not resource.is_file():
        return None
    return Path(_RESOURCES.enter_context(resources.as_file(resource)))


@lru_cache(maxsize=1)
def load_tagger() -> Tagger | None:
    """The packaged tagger (loaded once per process), or None when the model is missing."""
    path = model_path()
    if path is None:
        return None
    return Tagger(path, build_gazetteer_index())
