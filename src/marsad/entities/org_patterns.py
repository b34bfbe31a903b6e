"""National organisations named by pattern, not by list: a head noun (data/org_heads.txt),
adjectives that include a nationality, and an optional "لـ" complement:

    الاتحاد السعودي لكرة القدم / الجامعة التونسية للنزل / اتحاد الكرة المصري /
    الجامعة الملكية المغربية لألعاب القوى

The nationality is required: "الاتحاد الأوروبي" is in the gazetteer, and "اللجنة المعنية"
names nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from marsad.arabic.normalize import normalize
from marsad.data import read_lines
from marsad.entities.lexicon import lexicon
from marsad.entities.matcher import KeyTable, Token

MAX_ADJECTIVES = 3


@lru_cache(maxsize=1)
def _heads() -> KeyTable[bool]:
    """Head noun, bare or with the article -> definite?"""
    table: KeyTable[bool] = KeyTable()
    for word in read_lines("org_heads.txt"):
        bare = normalize(word)
        table.add((bare,), False)
        table.add(("ال" + bare,), True)
    return table


@lru_cache(maxsize=1)
def _qualifiers() -> frozenset[str]:
    return frozenset(normalize(w) for w in read_lines("org_qualifiers.txt"))


def organisation_spans(tokens: list[Token], taken: list[bool]) -> Iterator[tuple[int, int, int, str]]:
    """(first token, last token exclusive, proclitic characters to skip, country) of each
    organisation named by pattern on tokens no earlier pass took."""
    heads = _heads()
    next_free = 0
    for index in heads.positions(tokens):
        if index < next_free or taken[index]:
            continue
        form, skip = heads.starts(tokens[index])[-1]     # the barest form: "والاتحاد" -> "الاتحاد"
        found = _organisation_at(tokens, taken, index, bool(heads.get((form,))))
        if found is not None:
            end, country = found
            yield index, end, skip, country
            next_free = end


def _organisation_at(tokens: list[Token], taken: list[bool], index: int,
                     definite: bool) -> tuple[int, str] | None:
    adjectives = lexicon().adjectives
    position = index + 1
    if not definite and _free_word(tokens, taken, position) and tokens[position].norm.startswith("ال"):
        position += 1       # construct state: "اتحاد الكرة المصري"
    country = None
    for _ in range(MAX_ADJECTIVES):
        if not _free_word(tokens, taken, position):
            break
        norm = tokens[position].norm
        if norm in adjectives and norm.startswith("ال"):
            country = country or adjectives[norm]
        elif norm not in _qualifiers():
            break
        position += 1
    if country is None:
        return None
    return _complement_end(tokens, taken, position), country


def _complement_end(tokens: list[Token], taken: list[bool], position: int) -> int:
    """After the adjectives, "لكرة القدم" / "للنزل" / "لألعاب القوى" belongs to the name."""
    if not _free_word(tokens, taken, position):
        return position
    word = tokens[position].text
    if not word.startswith("ل") or len(word) < 4:
        return position
    position += 1
    if _free_word(tokens, taken, position) and tokens[position].norm.startswith("ال") \
            and not tokens[position - 1].norm.startswith("لل"):
        position += 1       # "لكرة القدم" (construct) but not "للنزل" + a following noun
    return position


def _free_word(tokens: list[Token], taken: list[bool], position: int) -> bool:
    return position < len(tokens) and not taken[position] and tokens[position].is_word
