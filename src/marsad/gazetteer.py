"""Gazetteers of people, organisations and places: canonical English names, Arabic variants,
and (for people) the offices they held with dates. Loaded from package data plus user files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.arabic.normalize import normalize
from marsad.arabic.tokens import WORD
from marsad.data import data_path, read_tsv, split_field

MAX_NAME_WORDS = 8
_FILES = {"PERSON": "gazetteer/people.tsv", "ORG": "gazetteer/orgs.tsv", "PLACE": "gazetteer/places.tsv"}


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def entity_id(kind: str, name_en: str) -> str:
    return f"{kind.lower()}:{slugify(name_en)}"


@dataclass(frozen=True)
class Entry:
    id: str
    type: str               # PERSON, ORG, PLACE
    name: str               # canonical English name
    name_ar: str
    country: str = ""
    kind: str = ""          # place kind (country, capital...) or org kind
    aliases: tuple[str, ...] = field(default=(), compare=False)


def key_of(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(normalize(text)))


class Gazetteer:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        self.by_key: dict[tuple[str, ...], Entry] = {}
        self.ambiguous: set[tuple[str, ...]] = set()
        self.candidates: dict[tuple[str, ...], list[Entry]] = {}   # ambiguous key -> its entries
        for entry in entries:
            if entry.id in self.entries:
                continue
            self.entries[entry.id] = entry
            for alias in (entry.name_ar, *entry.aliases):
                self._add_key(key_of(alias), entry)
        from marsad.entities.matcher import KeyTable

        self.table: KeyTable[Entry] = KeyTable()
        for key, entry in self.by_key.items():
            if key not in self.ambiguous:
                self.table.add(key, entry)
        self.ambiguous_table: KeyTable[list[Entry]] = KeyTable()   # one-word shared spellings
        for key, options in self.candidates.items():
            if len(key) == 1:
                self.ambiguous_table.add(key, options)

    def _add_key(self, key: tuple[str, ...], entry: Entry) -> None:
        if not key or len(key) > MAX_NAME_WORDS:
            return
        known = self.by_key.get(key)
        if known is None:
            self.by_key[key] = entry
        elif known.id != entry.id and known.type == entry.type:
            self.ambiguous.add(key)   # one spelling, two entities: never link it blindly
            options = self.candidates.setdefault(key, [known])
            if all(option.id != entry.id for option in options):
                options.append(entry)

    def get(self, key: tuple[str, ...]) -> Entry | None:
        return None if key in self.ambiguous else self.by_key.get(key)

    def lookup(self, text: str) -> Entry | None:
        return self.get(key_of(text))

    def by_name(self, name: str) -> Entry | None:
        """Find an entry by English name, id or Arabic name."""
        lowered = name.strip().lower()
        for entry in self.entries.values():
            if entry.id == lowered or entry.name.lower() == lowered:
                return entry
        return self.lookup(name)


def _entries(path: Path, kind: str) -> list[Entry]:
    result = []
    for row in read_tsv(path):
        name = row.get("name_en", "")
        if not name or not row.get("name_ar"):
            continue
        aliases = split_field(row.get("variants_ar", ""))
        if kind == "ORG" and row.get("acronym"):
            aliases.append(row["acronym"])
        result.append(Entry(
            id=entity_id(kind, name), type=kind, name=name, name_ar=row["name_ar"],
            country=row.get("country", ""), kind=row.get("kind", ""), aliases=tuple(aliases),
        ))
    return result


@lru_cache(maxsize=4)
def gazetteer(extra_files: tuple[Path, ...] = ()) -> Gazetteer:
    """User files (TSV with a `type` column or named people/orgs/places*.tsv) win over package data."""
    entries: list[Entry] = []
    for path in extra_files:
        entries.extend(_entries(path, _kind_of_file(path)))
    for kind, name in _FILES.items():
        path = data_path(name)
        if path.exists():
            entries.extend(_entries(path, kind))
    return Gazetteer(entries)


def _kind_of_file(path: Path) -> str:
    stem = path.stem.lower()
    if stem.startswith(("org", "organ")):
        return "ORG"
    if stem.startswith(("place", "loc")):
        return "PLACE"
    return "PERSON"
