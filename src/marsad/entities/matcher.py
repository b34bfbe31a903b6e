"""Tokens with offsets, proclitic-aware lookup of multi-word names in a table of keys.

A mention excludes attached proclitics (و ف ب ك ل, and the ل of لل) but keeps the article
ال: "والصين" -> "الصين", "لروسيا" -> "روسيا", "للأمم المتحدة" -> "لأمم المتحدة".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Generic, NamedTuple, TypeVar

from marsad.arabic.normalize import normalize

TOKEN = re.compile(r"[0-9A-Za-z\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u064B-\u065F\u0670\u0640]+|[^\s\w]", re.UNICODE)
_ARTICLE_CLITICS = ("ولل", "فلل", "وبال", "فبال", "وال", "فال", "بال", "كال", "لل")
_SINGLE_CLITICS = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")
T = TypeVar("T")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    norm: str
    is_word: bool
    variants: tuple[tuple[str, int], ...]   # (form without proclitics, original chars skipped)


def tokenize(text: str) -> list[Token]:
    make = Token._make
    return [make((m.start(), m.end(), g, *_analyse(g))) for m in TOKEN.finditer(text) for g in (m.group(),)]


@lru_cache(maxsize=200_000)
def _analyse(text: str) -> tuple[str, bool, tuple[tuple[str, int], ...]]:
    norm = normalize(text)
    is_word = norm[:1].isalnum()
    return norm, is_word, tuple(_variants(text, norm)) if is_word else ((norm, 0),)


def _variants(original: str, norm: str) -> list[tuple[str, int]]:
    """The word as-is first, then without its proclitics."""
    found = [(norm, 0)]
    for clitic in _ARTICLE_CLITICS:
        if norm.startswith(clitic) and len(norm) - len(clitic) >= 2:
            skip = len(clitic) - 2 if clitic.endswith("ال") else len(clitic) - 1   # keep the ال
            found.append(("ال" + norm[len(clitic):], _original_skip(original, skip)))
            return found
    for clitic in _SINGLE_CLITICS:
        if norm.startswith(clitic) and len(norm) - len(clitic) >= 3:
            found.append((norm[len(clitic):], _original_skip(original, len(clitic))))
    return found


def _original_skip(original: str, normalized_chars: int) -> int:
    """How many original characters hold the first `normalized_chars` normalized ones
    (diacritics after a proclitic belong to it: "وَالصين")."""
    if len(normalize(original)) == len(original):
        return normalized_chars     # nothing dropped: characters map one to one
    seen = 0
    for index, char in enumerate(original):
        if seen == normalized_chars:
            return index
        if normalize(char):
            seen += 1
    return len(original)


class KeyTable(Generic[T]):
    """Multi-word keys (tuples of normalized words) with a first-word index for fast rejects."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, ...], T] = {}
        self.first_words: set[str] = set()
        self.max_words = 1
        self._starts: dict[str, tuple[tuple[str, int], ...]] = {}

    def starts(self, token: Token) -> tuple[tuple[str, int], ...]:
        """The token's forms (with proclitics stripped) that begin some key; memoized per
        token text, so scanning an article costs one dict lookup per token."""
        found = self._starts.get(token.text)
        if found is None:
            if len(self._starts) > 300_000:
                self._starts.clear()
            found = tuple((v, s) for v, s in token.variants if v in self.first_words) if token.is_word else ()
            self._starts[token.text] = found
        return found

    def add(self, key: tuple[str, ...], value: T) -> bool:
        if not key or key in self.values:
            return False
        self.values[key] = value
        self.first_words.add(key[0])
        self.max_words = max(self.max_words, len(key))
        self._starts.clear()
        return True

    def positions(self, tokens: list[Token]) -> list[int]:
        """Indices of the tokens that may start a key (one dict lookup per token)."""
        memo = self._starts
        result = []
        for index, token in enumerate(tokens):
            found = memo.get(token.text)
            if found is None:
                found = self.starts(token)
            if found:
                result.append(index)
        return result

    def get(self, key: tuple[str, ...]) -> T | None:
        return self.values.get(key)

    def __contains__(self, key: tuple[str, ...]) -> bool:
        return key in self.values


def longest_match(tokens: list[Token], index: int, table: KeyTable[T]) -> tuple[int, int, T] | None:
    """The longest key starting at `tokens[index]` (the first word may carry proclitics).

    Returns (characters skipped in the first token, number of tokens, value)."""
    firsts = table.starts(tokens[index])
    if not firsts:
        return None
    words = []
    for following in tokens[index + 1 : index + table.max_words]:
        if not following.is_word:
            break
        words.append(following.norm)
    for first, skip in firsts:
        for size in range(len(words) + 1, 0, -1):
            value = table.get((first, *words[: size - 1]))
            if value is not None:
                return skip, size, value
    return None
