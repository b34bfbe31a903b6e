"""Arabic normalization for matching. Displayed text always keeps its original form.

Every folding here maps one character to at most one character, so `normalize_with_map`
can map positions in the normalized string back to the original (used for highlights).
"""

from __future__ import annotations

import re

DIACRITICS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}  # + tatweel
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ئ": "ي", "ی": "ي", "ې": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ک": "ك", "ڪ": "ك", "گ": "ك",
    "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز", "İ": "I",
    "\u200c": "", "\u200d": "", "\u200e": "", "\u200f": "", "\ufeff": "",
}
for _digit in range(10):
    _FOLD[chr(0x0660 + _digit)] = str(_digit)   # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _digit)] = str(_digit)   # Extended (Persian) digits
for _mark in DIACRITICS:
    _FOLD[_mark] = ""

_TABLE = str.maketrans(_FOLD)
_SPACES = re.compile(r"\s+")


_PAIRS = tuple(_FOLD.items())


def normalize(text: str) -> str:
    """Fold alef/hamza/ya/taa-marbuta variants, drop diacritics and tatweel, lowercase Latin.

    >>> normalize("أكّد الوزيرُ")
    'اكد الوزير'
    """
    # A chain of `in` + `replace` runs at C speed and is ~4x faster than str.translate with a
    # dict table on Arabic text (most folded characters are absent from any given string).
    for char, folded in _PAIRS:
        if char in text:
            text = text.replace(char, folded)
    return text.lower()


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalize and return, for each output character, its index in `text`."""
    out: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        folded = char.translate(_TABLE).lower()
        for piece in folded:
            out.append(piece)
            positions.append(index)
    return "".join(out), positions
