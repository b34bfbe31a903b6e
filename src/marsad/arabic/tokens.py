"""Word tokens with offsets, light stemming and content-word sets for overlap measures."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from marsad.arabic.normalize import normalize
from marsad.data import read_lines

WORD = re.compile(r"[0-9A-Za-z\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u06F0-\u06F9\u064B-\u065F\u0670\u0640]+")
_ARTICLE_PREFIXES = ("وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "لل", "ال")


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, word) for every word in `text`."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), match.group()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(normalize(w) for w in read_lines("stopwords.txt"))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem of a normalized word: strip the article with its proclitics and common
    suffixes. Lone proclitics (و ف ب ل ك) are left alone: they start too many words
    ("فيروس", "كورونا", "لقاءات", "وزارة") to be stripped without a dictionary."""
    for prefix in _ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix):]
            break
    for suffix in ("يين", "ات", "ون", "ين", "يه", "ه", "ي"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> list[str]:
    """Stems of the content words of `text` (stopwords and short words dropped)."""
    return list(_content_stems(text))


_STEMS: dict[str, str] = {}     # word -> stem, or "" for words that carry no content


def _content_stem(word: str) -> str:
    if len(word) < 3 or word in stopwords() or word.isdigit():
        return ""
    return stem(word)


@lru_cache(maxsize=8192)
def normalized_words(text: str) -> tuple[str, ...]:
    """The normalized words of `text` (cached: cleaning asks for the same lines repeatedly)."""
    return tuple(WORD.findall(normalize(text)))


@lru_cache(maxsize=4096)
def _content_stems(text: str) -> tuple[str, ...]:
    if len(_STEMS) > 500_000:
        _STEMS.clear()
    result = []
    for word in normalized_words(text):
        found = _STEMS.get(word)
        if found is None:
            found = _STEMS[word] = _content_stem(word)
        if found:
            result.append(found)
    return tuple(result)




@lru_cache(maxsize=131072)
def search_key(word: str) -> str:
    """The index/query key of a word: normalized, without proclitics and the article.

    The same function runs on indexed text and on queries, so "والصين", "الصين" and "للصين"
    all meet at "صين". Single-letter proclitics (و ف ب ل) are only stripped from words of five
    letters or more, which keeps short words such as "وزير" whole.
    """
    word = normalize(word)
    for prefix in _ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix):]
    if len(word) >= 5 and word[0] in "وفبل":
        return word[1:]
    return word


def search_keys(text: str) -> str:
    """The text as a space-separated sequence of search keys (what the full-text index holds)."""
    return " ".join(search_key(w) for w in WORD.findall(text))


@lru_cache(maxsize=1)
def _idf_table() -> tuple[dict[str, float], float]:
    from math import log

    from marsad.data import data_path

    path = data_path("idf.tsv")
    docs, frequencies = 1, {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# docs\t"):
                docs = int(line.split("\t")[1])
            elif line and not line.startswith(("#", "stem\t")):
                stem_, df = line.split("\t")
                frequencies[stem_] = int(df)
    table = {s: log(docs / (df + 1)) for s, df in frequencies.items()}
    return table, log(docs)


def idf(stem_: str) -> float:
    """Inverse document frequency of a stem in news text; unseen stems (names) weigh most."""
    table, unseen = _idf_table()
    return table.get(stem_, unseen)
