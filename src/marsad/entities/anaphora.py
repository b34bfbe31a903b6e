"""Organisations referred back to by their head noun: after "وزارة الصحة السعودية", a later
"الوزارة" ("وأعلنت الوزارة", "بحسب بيان الوزارة") is that ministry; after "منظمة الصحة
العالمية", "المنظمة" is that organisation. Only when exactly one organisation with that head
noun was named earlier in the article, and the noun is not qualified ("الوزارة المعنية").
The head nouns are data (data/org_anaphors.txt).
"""

from __future__ import annotations

from functools import lru_cache

from marsad.arabic.normalize import normalize
from marsad.data import read_lines
from marsad.entities.matcher import KeyTable, Token
from marsad.entities.mentions import MentionTable
from marsad.gazetteer import Entry


@lru_cache(maxsize=1)
def org_anaphors() -> KeyTable[str]:
    """Normalized definite head noun ("الوزاره") -> the bare head ("وزاره")."""
    table: KeyTable[str] = KeyTable()
    for line in read_lines("org_anaphors.txt"):
        word = normalize(line.strip())
        if word.startswith("ال") and len(word) > 4:
            table.add((word,), word[2:])
    return table


def resolve_org_anaphora(table: MentionTable) -> None:
    heads = org_anaphors()
    tokens = table.tokens
    for index in heads.positions(tokens):
        if table.taken[index] or _qualified(tokens, index):
            continue
        form, skip = heads.starts(tokens[index])[0]
        head = heads.get((form,)) or ""
        token = tokens[index]
        earlier = _organisations_before(table, token.start, head)
        if len(earlier) == 1:
            table.add(earlier[0], index, index + 1, skip, "anaphor")


def _qualified(tokens: list[Token], index: int) -> bool:
    """"الوزارة المعنية", "المنظمة الدولية": an adjective may point to another organisation."""
    if index + 1 >= len(tokens):
        return False
    following = tokens[index + 1].norm
    return following.startswith("ال") and following.endswith(("ه", "ي"))


def _organisations_before(table: MentionTable, position: int, head: str) -> list[Entry]:
    """Organisations named before `position` whose name opens with the head noun ("وزارة
    الصحة") or follows it ("شركة فيسبوك", where the name is "فيسبوك")."""
    seen: dict[str, Entry] = {}
    for item in table.found:
        if item.start >= position or item.entry.type != "ORG":
            continue
        words = normalize(table.text[item.start : item.end]).split()
        before = table.tokens[item.first_token - 1].norm if item.first_token else ""
        if any(_is_head(word, head) for word in (words[0] if words else "", before)):
            seen.setdefault(item.entry.id, item.entry)
    return list(seen.values())


_PROCLITIC_FORMS = frozenset({"", "ال", "وال", "بال", "فال", "لل", "و", "ب", "ل", "ف"})


def _is_head(word: str, head: str) -> bool:
    """Is `word` the head noun, bare or with proclitics ("وزاره", "لشركه", "والمنظمه")?"""
    return word.endswith(head) and word[: len(word) - len(head)] in _PROCLITIC_FORMS
