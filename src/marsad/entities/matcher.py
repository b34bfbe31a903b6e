"""Tokens with offsets, proclitic-aware lookup of multi-word names in a table of keys.

A mention excludes attached proclitics (و ف ب ك ل, and the ل of لل) but keeps the article
ال: "والصين" -> "الصين", "لروسيا" -> "روسيا", "للأمم المتحدة" -> "الأمم المتحدة".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from marsad.arabic.normalize import normalize

TOKEN = re.compile(r"[0-9A-Za-z\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u064B-\u065F\u0670\u0640]+|[^\s\w]", re.UNICODE)
_ARTICLE_CLITICS = ("ولل", "فلل", "وبال", "فبال", "وال", "فال", "بال", "كال", "لل")
_SINGLE_CLITICS = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")
T = TypeVar("T")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    norm: str

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), normalize(m.group())) for m in TOKEN.finditer(text)]


def clitic_variants(token: Token) -> Iterator[tuple[str, int]]:
    """(normalized form without proclitics, characters skipped in the original) — as-is first."""
    norm = token.norm
    yield norm, 0
    for clitic in _ARTICLE_CLITICS:
        if norm.startswith(clitic) and len(norm) - len(clitic) >= 2:
            skip = len(clitic) - 2 if clitic.endswith("ال") else len(clitic) - 1   # keep the ال
            yield "ال" + norm[len(clitic):], _original_skip(token.text, skip)
            return
    for clitic in _SINGLE_CLITICS:
        if norm.startswith(clitic) and len(norm) - len(clitic) >= 3:
            yield norm[len(clitic):], _original_skip(token.text, len(clitic))


def _original_skip(original: str, normalized_chars: int) -> int:
    """How many original characters hold the first `normalized_chars` normalized ones
    (diacritics after a proclitic belong to it: "وَالصين")."""
    seen = 0
    for index, char in enumerate(original):
        if seen == normalized_chars:
            return index
        if normalize(char):
            seen += 1
    return len(original)


def longest_match(
    tokens: list[Token], index: int, lookup: Callable[[tuple[str, ...]], T | None], max_words: int,
) -> tuple[int, int, T] | None:
    """The longest key starting at `tokens[index]` (the first word may carry proclitics).

    Returns (characters skipped in the first token, number of tokens, value)."""
    if not tokens[index].is_word:
        return None
    words = []
    for token in tokens[index + 1 : index + max_words]:
        if not token.is_word:
            break
        words.append(token.norm)
    for first, skip in clitic_variants(tokens[index]):
        for size in range(len(words) + 1, 0, -1):
            value = lookup((first, *words[: size - 1]))
            if value is not None:
                return skip, size, value
    return None
