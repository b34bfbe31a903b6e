"""Token features for the CRF named-entity tagger (python-crfsuite attribute strings).

Everything a token contributes on its own (its forms, affixes, shape, trigger kind) and
everything it contributes as a neighbour at offsets -2..+2 is computed once per distinct word
and cached, so featurizing a sentence is mostly list concatenation. Gazetteer membership
depends on the neighbours and is computed per sentence.

The same `sentence_features` function is used to train the packaged model and to tag at run
time; gazetteer features are only added when a `GazetteerIndex` is passed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.arabic.normalize import normalize
from marsad.data import data_path, read_tsv, split_field

# Longest first; the article forms are stripped whole.
_ARTICLE_PREFIXES = ("وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")
_PROCLITICS = frozenset("وفبلك")
_CONJUNCTIONS = frozenset("وف")
_PUNCT = frozenset(".,،؛;:!?؟\"'«»()[]{}-–—/\\*…<>|+=%")
OFFSETS = (-2, -1, 1, 2)
GAZETTEER_FILES = {"PERS": "gazetteer/people.tsv", "ORG": "gazetteer/orgs.tsv", "LOC": "gazetteer/places.tsv"}
MAX_GAZ_WORDS = 8
_CACHE_LIMIT = 200_000
# Words (letters, digits, Arabic marks and tatweel) or any single other non-space character,
# the way ANERcorp is tokenized: punctuation is a token of its own, clitics stay attached.
TOKEN = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+|[^\w\s]")

Features = list[str]


def strip_proclitics(word: str) -> str:
    """Remove the article and the one-letter proclitics from a normalized word.

    >>> strip_proclitics("والصادرات"), strip_proclitics("وماكرون"), strip_proclitics("وزير")
    ('صادرات', 'ماكرون', 'وزير')
    """
    for prefix in _ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix):]
    if word[:1] in _PROCLITICS and len(word) >= 5:
        return word[1:]
    return word


def clitic_variants(word: str) -> tuple[str, ...]:
    """Forms a normalized word may take in a dictionary: itself, without the conjunction and
    preposition (keeping the article: بالولايات -> الولايات, للعراق -> العراق) and bare."""
    forms = [word]
    rest = word
    if rest[:1] in _CONJUNCTIONS and len(rest) > 3:
        rest = rest[1:]
        forms.append(rest)
    if rest.startswith("لل") and len(rest) > 3:
        forms.append("ال" + rest[2:])
    elif rest[:1] in _PROCLITICS - _CONJUNCTIONS and len(rest) > 3:
        rest = rest[1:]
        forms.append(rest)
    forms.append(strip_proclitics(word))
    return tuple(dict.fromkeys(forms))


def shape(word: str) -> str:
    """A = Arabic letters, L = Latin, D = digits, P = punctuation, M = mixed."""
    kinds = set()
    for char in word:
        if char.isdigit():
            kinds.add("D")
        elif "\u0600" <= char <= "\u06ff":
            kinds.add("A")
        elif char.isalpha():
            kinds.add("L")
        elif char in _PUNCT or not char.isalnum():
            kinds.add("P")
    return kinds.pop() if len(kinds) == 1 else "M"


@lru_cache(maxsize=1)
def triggers() -> dict[str, str]:
    """Normalized trigger word -> entity kind it announces (from data/ner_triggers.tsv)."""
    path = data_path("ner_triggers.tsv")
    if not path.exists():
        return {}
    return {normalize(row["trigger"]): row["kind"] for row in read_tsv(path) if row.get("trigger")}


def trigger_kind(norm: str, bare: str) -> str:
    table = triggers()
    return table.get(norm) or table.get(bare) or ""


@dataclass
class WordFeatures:
    """Features of one word: its own, and the ones it gives its neighbours at each offset."""

    norm: str
    bare: str
    own: Features
    as_neighbour: dict[int, Features]
    variants: tuple[str, ...]


_WORD_CACHE: dict[str, WordFeatures] = {}


def word_features(token: str) -> WordFeatures:
    cached = _WORD_CACHE.get(token)
    if cached is None:
        if len(_WORD_CACHE) >= _CACHE_LIMIT:
            _WORD_CACHE.clear()
        cached = _WORD_CACHE[token] = _compute_word_features(token)
    return cached


import os  # noqa: E402  EXPERIMENT

EXP = set(os.environ.get("MARSAD_NER_EXP", "").split(","))


def _compute_word_features(token: str) -> WordFeatures:
    norm = normalize(token)
    bare = strip_proclitics(norm)
    kind = trigger_kind(norm, bare)
    sh = shape(norm)
    own = ["b", "w=" + norm, "s=" + bare, "sh=" + sh]
    if "ngram" in EXP and sh == "A":
        padded = "<" + bare + ">"
        own += ["g=" + padded[i:i + 3] for i in range(len(padded) - 2)]
    if "skel" in EXP and sh == "A":
        own.append("sk=" + "".join("V" if c in "اوي" else "C" for c in bare))
    if "ngram4" in EXP and sh == "A":
        padded = "<" + bare + ">"
        own += ["g4=" + padded[i:i + 4] for i in range(len(padded) - 3)]
    if "p4" in EXP:
        own += ["p4=" + norm[:4], "x4=" + norm[-4:], "sx3=" + bare[-3:], "sp3=" + bare[:3]]
    if "len" in EXP:
        own.append("len=" + str(min(len(bare), 8)))
    own += ["p1=" + norm[:1], "p2=" + norm[:2], "p3=" + norm[:3]]
    own += ["x1=" + norm[-1:], "x2=" + norm[-2:], "x3=" + norm[-3:]]
    own += ["sp2=" + bare[:2], "sx2=" + bare[-2:]]
    if norm.startswith("ال") or bare != norm and "ال" in norm[: len(norm) - len(bare)]:
        own.append("al")
    if kind:
        own.append("trig=" + kind)
    neighbours = {}
    for offset in OFFSETS:
        items = [f"{offset}w={norm}", f"{offset}s={bare}"]
        if "nb" in EXP and abs(offset) == 1:
            items += [f"{offset}x1={norm[-1:]}", f"{offset}x2={norm[-2:]}", f"{offset}sh={sh}"]
            if norm.startswith("ال"):
                items.append(f"{offset}al")
        if kind:
            items.append(f"{offset}trig={kind}")
        neighbours[offset] = items
    return WordFeatures(norm, bare, own, neighbours, clitic_variants(norm))


_BOUNDARY = {offset: [f"{offset}w=BOS" if offset < 0 else f"{offset}w=EOS"] for offset in OFFSETS}


@dataclass
class GazetteerIndex:
    """Names by their first word: first word -> [(remaining words, kind)], longest first."""

    first: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    words: dict[str, set[str]] = field(default_factory=dict)

    def add(self, words: Sequence[str], kind: str) -> None:
        if not words or len(words) > MAX_GAZ_WORDS:
            return
        for word in words:
            if len(word) >= 3:
                self.words.setdefault(word, set()).add(kind)
        entries = self.first.setdefault(words[0], [])
        entry = (tuple(words[1:]), kind)
        if entry not in entries:
            entries.append(entry)
            entries.sort(key=lambda item: -len(item[0]))

    def __len__(self) -> int:
        return sum(len(entries) for entries in self.first.values())

    def mark(self, norms: Sequence[str], variants: Sequence[tuple[str, ...]]) -> list[set[str]]:
        """For each token, the gazetteer features it gets (B-GAZ-PERS, I-GAZ-LOC...)."""
        marks: list[set[str]] = [set() for _ in norms]
        for start, forms in enumerate(variants):
            if "gw" in EXP:
                for form in forms:
                    marks[start].update("gw=" + k for k in self.words.get(form, ()))
            seen: set[str] = set()
            for form in forms:
                for rest, kind in self.first.get(form, ()):
                    end = start + 1 + len(rest)
                    if kind in seen or tuple(norms[start + 1:end]) != rest:
                        continue
                    seen.add(kind)
                    marks[start].add("gaz=B-" + kind)
                    for inside in range(start + 1, end):
                        marks[inside].add("gaz=I-" + kind)
        return marks


def tokenize(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, token) for every token of `text`, as the tagger expects them."""
    for match in TOKEN.finditer(text):
        yield match.start(), match.end(), match.group()


def name_words(name: str) -> list[str]:
    """The normalized words of a gazetteer name, split like the tagger's tokens."""
    return [normalize(token) for _, _, token in tokenize(name) if shape(token) != "P"]


def build_gazetteer_index(paths: Iterable[tuple[str, Path]] | None = None) -> GazetteerIndex:
    """Index the packaged gazetteer files (or `paths`: (kind, path) pairs); absent files are
    skipped, so an empty index is returned when there is no gazetteer at all."""
    index = GazetteerIndex()
    pairs = paths if paths is not None else ((k, data_path(n)) for k, n in GAZETTEER_FILES.items())
    for kind, path in pairs:
        if not path.is_file():
            continue
        for row in read_tsv(path):
            for name in (row.get("name_ar", ""), *split_field(row.get("variants_ar", ""))):
                if name:
                    index.add(name_words(name), kind)
    return index


def sentence_features(tokens: Sequence[str], gazetteer: GazetteerIndex | None = None) -> list[Features]:
    """CRF attributes for every token of one sentence."""
    words = [word_features(token) for token in tokens]
    count = len(words)
    result: list[Features] = []
    for i, word in enumerate(words):
        items = list(word.own)
        for offset in OFFSETS:
            j = i + offset
            items += words[j].as_neighbour[offset] if 0 <= j < count else _BOUNDARY[offset]
        if "bigram" in EXP:
            prev = words[i - 1].bare if i else "BOS"
            nxt = words[i + 1].bare if i + 1 < count else "EOS"
            items.append("-1|0=" + prev + "|" + word.bare)
            items.append("0|1=" + word.bare + "|" + nxt)
        result.append(items)
    if gazetteer is not None and gazetteer.first:
        norms = [word.norm for word in words]
        marks = gazetteer.mark(norms, [word.variants for word in words])
        for items, marked in zip(result, marks, strict=True):
            items.extend(sorted(marked))
    return result
