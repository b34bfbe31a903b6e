"""Token features for the CRF named-entity tagger (python-crfsuite attribute strings).

A token's attributes are of two kinds:
- word attributes, which depend on one word only: its own (normalized and bare forms, affixes,
  character n-grams, shape, trigger kind) and the ones it gives its neighbours at offsets
  -2..+2. `word_features` computes them once per distinct word;
- gazetteer attributes: word-level ones (the word is part of a known name,
  `GazetteerIndex.word_attributes`) and context ones (a full name matches here, computed per
  sentence by `context_features`).

`sentence_features` (training, and the reference for tests) lists them all as strings; the
tagger's fast path sums the model weights of the same word-level attributes once per word and
adds the context attributes per sentence, so both see exactly the same features.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from marsad.arabic.normalize import normalize
from marsad.data import data_path, read_tsv, split_field

# Longest first; the article forms are stripped whole.
_ARTICLE_PREFIXES = ("وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال")
_PROCLITICS = frozenset("وفبلك")
_PROCLITIC_STARTS = _PROCLITICS | {"ا"}
_CONJUNCTIONS = frozenset("وف")
_LONG_VOWELS = frozenset("اوي")
_ARABIC_WORD = re.compile(r"[\u0600-\u06ff]+")
_DIGITS = re.compile(r"\d")
OFFSETS = (-2, -1, 1, 2)
NO_NEIGHBOURS: tuple[tuple[str, ...], ...] = tuple(() for _ in OFFSETS)
GAZETTEER_FILES = {"PERS": "gazetteer/people.tsv", "ORG": "gazetteer/orgs.tsv", "LOC": "gazetteer/places.tsv"}
MAX_GAZ_WORDS = 8
# Words (letters, digits, Arabic marks and tatweel) or any single other non-space character,
# the way ANERcorp is tokenized: punctuation is a token of its own, clitics stay attached.
TOKEN = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+|[^\w\s]")

Features = list[str]


def tokenize(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, token) for every token of `text`, as the tagger expects them."""
    for match in TOKEN.finditer(text):
        yield match.start(), match.end(), match.group()


def strip_proclitics(word: str) -> str:
    """Remove the article and the one-letter proclitics from a normalized word.

    >>> strip_proclitics("والصادرات"), strip_proclitics("وماكرون"), strip_proclitics("وزير")
    ('صادرات', 'ماكرون', 'وزير')
    """
    if word[:1] not in _PROCLITIC_STARTS:
        return word
    for prefix in _ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix):]
    if word[:1] in _PROCLITICS and len(word) >= 5:
        return word[1:]
    return word


def clitic_variants(word: str, bare: str | None = None) -> tuple[str, ...]:
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
    forms.append(strip_proclitics(word) if bare is None else bare)
    return tuple(dict.fromkeys(forms))


def cluster_key(token: str) -> str:
    """The form a word's distributional class is keyed by (data/word_clusters.tsv): normalized,
    without proclitics, digits folded, so "وبوتين" and "بوتين" share one class."""
    return _DIGITS.sub("0", strip_proclitics(normalize(token)))


def shape(word: str) -> str:
    """A = Arabic letters, L = Latin letters, D = digits, P = punctuation/symbols, M = mixed."""
    if _ARABIC_WORD.fullmatch(word):
        return "A"
    kinds = set()
    for char in word:
        if char.isdigit():
            kinds.add("D")
        elif "\u0600" <= char <= "\u06ff":
            kinds.add("A")
        elif char.isalpha():
            kinds.add("L")
        else:
            kinds.add("P")
    return kinds.pop() if len(kinds) == 1 else "M"


@lru_cache(maxsize=1)
def triggers() -> dict[str, str]:
    """Normalized trigger word -> entity kind it announces (from data/ner_triggers.tsv)."""
    path = data_path("ner_triggers.tsv")
    if not path.is_file():
        return {}
    return {normalize(row["trigger"]): row["kind"] for row in read_tsv(path) if row.get("trigger")}


@lru_cache(maxsize=1)
def word_classes() -> dict[str, tuple[str, ...]]:
    """Cluster key -> its distributional classes, coarse to fine (data/word_clusters.tsv, built
    by tools/build_clusters.py); empty without the file."""
    path = data_path("word_clusters.tsv")
    if not path.is_file():
        return {}
    classes: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("word\t"):
            continue
        word, *ids = line.split("\t")
        classes[word] = tuple(ids)
    return classes


@lru_cache(maxsize=1)
def given_name_words() -> dict[str, str]:
    """Normalized one-word given names (data/given_names.tsv) -> "1", or "a" when the name is
    also an ordinary word (أمين، نور)."""
    path = data_path("given_names.tsv")
    if not path.is_file():
        return {}
    found: dict[str, str] = {}
    for row in read_tsv(path):
        words = normalize(row.get("name_ar", "")).split()
        if len(words) == 1:
            mark = "a" if row.get("ambiguous", "0").strip() == "1" else "1"
            found[words[0]] = "1" if found.get(words[0]) == "1" else mark
    return found


@dataclass(slots=True)
class WordForms:
    """A word's forms: normalized, bare (no proclitics), dictionary variants; its shape, the
    entity kind it announces when it is a trigger ("" otherwise), its distributional classes
    and whether it is a given name ("1", "a" when also a common word, "" otherwise)."""

    norm: str
    bare: str
    variants: tuple[str, ...]
    shape: str
    kind: str
    classes: tuple[str, ...] = ()
    given: str = ""


@lru_cache(maxsize=65_536)
def word_forms(token: str) -> WordForms:
    norm = normalize(token)
    bare = strip_proclitics(norm)
    table = triggers()
    kind = table.get(norm) or table.get(bare) or ""
    variants = clitic_variants(norm, bare)
    # "وبوش", "وفيدرر": short words keep their و in `bare`; the variants also try without it
    forms = (bare, *variants)
    known = word_classes()
    classes = next((known[key] for key in map(_DIGITS.sub, repeat("0"), forms) if key in known), ())
    names = given_name_words()
    given = next((names[form] for form in forms if form in names), "")
    return WordForms(norm, bare, variants, shape(norm), kind, classes, given)


@dataclass(slots=True)
class WordFeatures:
    """All that one word contributes: its forms, its own attributes and, for each of
    `OFFSETS`, the attributes it gives the token at that distance from it."""

    forms: WordForms
    own: tuple[str, ...]
    neighbour: tuple[tuple[str, ...], ...]


def _own_attributes(word: WordForms) -> tuple[str, ...]:
    norm, bare = word.norm, word.bare
    own = ["b", "w=" + norm, "s=" + bare, "sh=" + word.shape, "len=" + str(min(len(bare), 8)),
           "p1=" + norm[:1], "p2=" + norm[:2], "p3=" + norm[:3], "p4=" + norm[:4],
           "x1=" + norm[-1:], "x2=" + norm[-2:], "x3=" + norm[-3:], "x4=" + norm[-4:],
           "sp2=" + bare[:2], "sp3=" + bare[:3], "sx2=" + bare[-2:], "sx3=" + bare[-3:]]
    if word.shape == "A":
        # Character n-grams and the consonant/long-vowel skeleton generalize to unseen
        # (often transliterated foreign) names.
        padded = "<" + bare + ">"
        own += ["g=" + padded[i:i + 3] for i in range(len(padded) - 2)]
        own += ["g4=" + padded[i:i + 4] for i in range(len(padded) - 3)]
        own.append("sk=" + "".join("V" if c in _LONG_VOWELS else "C" for c in bare))
    if norm.startswith("ال") or (bare != norm and "ال" in norm[: len(norm) - len(bare)]):
        own.append("al")
    if word.kind:
        own.append("trig=" + word.kind)
    own += ["v=" + form for form in word.variants if form not in (norm, bare)]
    own += [f"c{level}={cls}" for level, cls in enumerate(word.classes)]
    if word.given:
        own.append("gn=" + word.given)
    return tuple(own)


# Attribute names per offset: "-1w=", "-1s=", ... (built once: formatting ints is slow).
_NEIGHBOUR_NAMES = {o: tuple(f"{o}{name}" for name in ("w=", "s=", "x1=", "x2=", "sh=", "al", "trig=", "c=", "gn="))
                    for o in OFFSETS}


def _neighbour_attributes(offset: int, word: WordForms) -> tuple[str, ...]:
    norm = word.norm
    w, s, x1, x2, sh, al, trig, cls, gn = _NEIGHBOUR_NAMES[offset]
    items = [w + norm, s + word.bare]
    if offset in (-1, 1):
        items += [x1 + norm[-1:], x2 + norm[-2:], sh + word.shape]
        if norm.startswith("ال"):
            items.append(al)
        items += [f"{cls}{level}={c}" for level, c in enumerate(word.classes)]
        if word.given:
            items.append(gn + word.given)
    elif len(word.classes) > 1:
        items.append(f"{cls}1={word.classes[1]}")
    if word.kind:
        items.append(trig + word.kind)
    return tuple(items)


@lru_cache(maxsize=4096)
def word_features(token: str) -> WordFeatures:
    forms = word_forms(token)
    neighbour = tuple(_neighbour_attributes(offset, forms) for offset in OFFSETS)
    return WordFeatures(forms, _own_attributes(forms), neighbour)


# What a token gets for a neighbour position outside the sentence.
BOUNDARY = tuple((f"{offset}w=BOS" if offset < 0 else f"{offset}w=EOS",) for offset in OFFSETS)


@dataclass
class GazetteerIndex:
    """Gazetteer names (normalized words) indexed for matching at every token position."""

    single: dict[str, set[str]] = field(default_factory=dict)     # one-word name -> kinds
    # Longer names by their first two words: [(remaining words, kind)], longest first.
    longer: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    firsts: set[str] = field(default_factory=set)
    parts: dict[str, set[str]] = field(default_factory=dict)      # word of a longer name -> kinds

    def add(self, words: Sequence[str], kind: str) -> None:
        if not words or len(words) > MAX_GAZ_WORDS:
            return
        self.firsts.add(words[0])
        if len(words) == 1:
            self.single.setdefault(words[0], set()).add(kind)
            return
        for word in words:
            if len(word) >= 3:
                self.parts.setdefault(word, set()).add(kind)
        entries = self.longer.setdefault((words[0], words[1]), [])
        entry = (tuple(words[2:]), kind)
        if entry not in entries:
            entries.append(entry)
            entries.sort(key=lambda item: -len(item[0]))

    def __len__(self) -> int:
        return sum(map(len, self.single.values())) + sum(map(len, self.longer.values()))

    def may_start(self, word: WordForms) -> bool:
        """Whether a full name may start at this word (worth running `mark`)."""
        return any(form in self.firsts for form in word.variants)

    def word_attributes(self, word: WordForms) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
        """gw=KIND when the word is a word of a longer name of that kind (a surname alone:
        ميركل), for itself and, as ±1gw=KIND, for its neighbours; per `OFFSETS` like
        `WordFeatures.neighbour`. It depends on the word only, so the tagger caches it."""
        kinds = sorted({kind for form in word.variants for kind in self.parts.get(form, ())})
        if not kinds:
            return (), NO_NEIGHBOURS
        neighbour = tuple(tuple(f"{o}gw={k}" for k in kinds) if abs(o) == 1 else () for o in OFFSETS)
        return tuple("gw=" + kind for kind in kinds), neighbour

    def mark(self, words: Sequence[WordForms], starts: Iterable[int] | None = None) -> dict[int, list[str]]:
        """gaz=B-KIND / gaz=I-KIND for the words of the full names found in a sentence, by
        position (the longest name of each kind starting at a position wins). `starts`: the
        only positions where a name may begin (default: all)."""
        marks: dict[int, set[str]] = {}
        norms = [word.norm for word in words]
        for start in range(len(words)) if starts is None else starts:
            for kind, end in self._matches(norms, start, words[start].variants).items():
                marks.setdefault(start, set()).add("gaz=B-" + kind)
                for inside in range(start + 1, end):
                    marks.setdefault(inside, set()).add("gaz=I-" + kind)
        return {position: sorted(items) for position, items in marks.items()}

    def _matches(self, norms: Sequence[str], start: int, forms: Sequence[str]) -> dict[str, int]:
        """kind -> end of the longest name of that kind starting at `start`."""
        found: dict[str, int] = {}
        following = norms[start + 1] if start + 1 < len(norms) else None
        for form in forms:
            for rest, kind in self.longer.get((form, following), ()) if following else ():
                end = start + 2 + len(rest)
                if kind not in found and tuple(norms[start + 2:end]) == rest:
                    found[kind] = end
            for kind in self.single.get(form, ()):
                found.setdefault(kind, start + 1)
        return found


def name_words(name: str) -> list[str]:
    """The normalized words of a gazetteer name, split like the tagger's tokens."""
    return [normalize(token) for _, _, token in tokenize(name) if shape(token) != "P"]


def build_gazetteer_index(paths: Iterable[tuple[str, Path]] | None = None) -> GazetteerIndex:
    """Index the packaged gazetteer files (or `paths`: (kind, path) pairs). Absent files are
    skipped: with no gazetteer at all the index is empty and adds no attributes."""
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


def context_features(
    words: Sequence[WordForms], gazetteer: GazetteerIndex | None, starts: Iterable[int] | None = None
) -> dict[int, list[str]]:
    """Attributes that depend on several words (gazetteer matches), by word position; only
    positions that get any are present."""
    if gazetteer is None or not gazetteer.firsts:
        return {}
    return gazetteer.mark(words, starts)


def sentence_features(tokens: Sequence[str], gazetteer: GazetteerIndex | None = None) -> list[Features]:
    """CRF attributes for every token of one sentence."""
    words = [word_features(token) for token in tokens]
    index = gazetteer if gazetteer is not None and gazetteer.firsts else None
    extra = [index.word_attributes(word.forms) if index is not None else ((), NO_NEIGHBOURS) for word in words]
    context = context_features([word.forms for word in words], gazetteer)
    count = len(words)
    result: list[Features] = []
    for i, word in enumerate(words):
        items = [*word.own, *extra[i][0]]
        for k, offset in enumerate(OFFSETS):
            j = i + offset
            items += (*words[j].neighbour[k], *extra[j][1][k]) if 0 <= j < count else BOUNDARY[k]
        items += context.get(i, ())
        result.append(items)
    return result
