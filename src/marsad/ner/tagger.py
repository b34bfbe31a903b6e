"""The packaged statistical NER tagger (a linear-chain CRF trained on ANERcorp).

    tagger = load_tagger()          # None when the model file is not packaged
    if tagger is not None:
        tagger.tag(["قال", "الرئيس", "إيمانويل", "ماكرون"])   # ['O', 'O', 'B-PERS', 'I-PERS']
        tagger.spans(tokens)                                   # [(2, 4, 'PERS')]

Labels are IOB2 with the types PERS, LOC, ORG and MISC. A `Tagger` wraps one crfsuite tagger,
which is not thread-safe: use one per thread (processes each load their own).
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from marsad.ner.features import (
    GazetteerIndex,
    build_gazetteer_index,
    sentence_features,
    tokenize,
)

TYPES = ("PERS", "LOC", "ORG", "MISC")
MODEL_RESOURCE = "models/ner.crfsuite"
Span = tuple[int, int, str]


def spans_from_labels(labels: Sequence[str]) -> list[Span]:
    """(start, end exclusive, type) for each entity in an IOB2 label sequence.

    CoNLL conventions: an I- label that does not continue an entity of its type starts one.
    """
    spans: list[Span] = []
    start, kind = -1, ""
    for index, label in enumerate(labels):
        prefix, _, label_kind = label.partition("-")
        continues = prefix == "I" and label_kind == kind and start >= 0
        if continues:
            continue
        if start >= 0:
            spans.append((start, index, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and label_kind:
            start, kind = index, label_kind
    if start >= 0:
        spans.append((start, len(labels), kind))
    return spans


class Tagger:
    """Tag token sequences with a crfsuite model file."""

    def __init__(self, model_path: str | Path, gazetteer: GazetteerIndex | None = None) -> None:
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model_path))
        self.gazetteer = gazetteer
        self.labels: tuple[str, ...] = tuple(self._crf.labels())

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One IOB2 label per token."""
        if not tokens:
            return []
        return list(self._crf.tag(sentence_features(tokens, self.gazetteer)))

    def spans(self, tokens: Sequence[str]) -> list[Span]:
        """(token start, token end exclusive, type) of each entity found in `tokens`."""
        return spans_from_labels(self.tag(tokens))

    def text_spans(self, text: str) -> list[Span]:
        """(char start, char end exclusive, type) of each entity in a sentence of raw text."""
        tokens = list(tokenize(text))
        found = self.spans([token for _, _, token in tokens])
        return [(tokens[start][0], tokens[end - 1][1], kind) for start, end, kind in found]


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
