"""The mention table an article's entity pass builds, and the contract's entity list."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.entities.matcher import Token
from marsad.gazetteer import Entry

CONTRACT_TYPES = {"PERS": "PERSON", "LOC": "PLACE", "ORG": "ORG", "MISC": "OTHER"}


@dataclass
class Found:
    entry: Entry
    start: int
    end: int
    first_token: int
    last_token: int           # exclusive
    via: str                  # gazetteer, model, role, counterpart, surname, ministry


@dataclass
class MentionTable:
    tokens: list[Token]
    text: str
    found: list[Found] = field(default_factory=list)
    taken: list[bool] = field(default_factory=list)
    roles: dict[str, set[tuple[str, str]]] = field(default_factory=dict)   # entity id -> {(role, country)}

    def __post_init__(self) -> None:
        self.taken = [False] * len(self.tokens)

    def free(self, first: int, last: int) -> bool:
        return not any(self.taken[first:last])

    def add(self, entry: Entry, first: int, last: int, skip: int, via: str) -> Found:
        start = self.tokens[first].start + skip
        end = self.tokens[last - 1].end
        item = Found(entry, start, end, first, last, via)
        self.found.append(item)
        for index in range(first, last):
            self.taken[index] = True
        return item

    def at_start(self, index: int) -> Found | None:
        """The mention that begins at token `index` (a role's country may also be a mention)."""
        for item in self.found:
            if item.first_token == index:
                return item
        return None

    def at_token(self, index: int) -> Found | None:
        for item in self.found:
            if item.first_token <= index < item.last_token:
                return item
        return None

    def persons_before(self, position: int) -> list[Entry]:
        seen: dict[str, Entry] = {}
        for item in sorted(self.found, key=lambda f: f.start):
            if item.start < position and item.entry.type == "PERSON":
                seen.setdefault(item.entry.id, item.entry)
        return list(seen.values())

    def to_entities(self) -> list[dict[str, Any]]:
        grouped: dict[str, dict[str, Any]] = {}
        for item in sorted(self.found, key=lambda f: f.start):
            entry = item.entry
            entity = grouped.setdefault(entry.id, {
                "id": entry.id, "name": entry.name, "name_ar": entry.name_ar, "type": entry.type,
                "mentions": [],
            })
            entity["mentions"].append({"start": item.start, "end": item.end,
                                       "text": self.text[item.start : item.end]})
        for entity in grouped.values():
            if not entity["name_ar"]:
                entity["name_ar"] = max((m["text"] for m in entity["mentions"]), key=len)
        return list(grouped.values())
