"""Role titles, nationality adjectives, offices with dates, ministries: loaded from data files."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.data import data_path, read_lines, read_tsv, split_field
from marsad.entities.matcher import KeyTable
from marsad.gazetteer import key_of

MINISTER_ROLES = ("minister",)


@dataclass(frozen=True)
class Office:
    role: str
    country: str
    start: dt.date
    end: dt.date | None


@dataclass
class Lexicon:
    roles: KeyTable[tuple[str, str]] = field(default_factory=KeyTable)          # form -> (role, kind)
    adjectives: dict[str, str] = field(default_factory=dict)                     # "الروسي" -> Russia
    country_forms: KeyTable[str] = field(default_factory=KeyTable)               # "روسيا" -> Russia
    offices: dict[str, list[Office]] = field(default_factory=lambda: defaultdict(list))
    holders: dict[tuple[str, str], list[tuple[str, Office]]] = field(default_factory=lambda: defaultdict(list))
    ministries: KeyTable[tuple[str, bool]] = field(default_factory=KeyTable)
    counterparts: frozenset[str] = frozenset()
    as_of: dt.date | None = None

    def holder_at(self, role: str, country: str, day: dt.date) -> str | None:
        """The one person who held `role` for `country` on `day`, else None (never a guess)."""
        found = set()
        for name, office in self.holders.get((role, country), []):
            end = office.end
            if end is None and (self.as_of is None or day > self.as_of):
                continue    # an open tenure is only known up to the data's as_of month
            if office.start <= day and (end is None or day <= end):
                found.add(name)
        return found.pop() if len(found) == 1 else None

    def holds(self, name: str, role: str | None, country: str, day: dt.date | None) -> bool:
        for office in self.offices.get(name, []):
            if office.country != country or (role and not role_matches(role, office.role)):
                continue
            if day is None or (office.start <= day and (office.end is None or day <= office.end)):
                return True
        return False


def role_matches(wanted: str, held: str) -> bool:
    if wanted == held:
        return True
    if wanted == "minister":
        return held.endswith("_minister") and held != "prime_minister"
    if wanted == "head_of_state":
        return held in ("president", "king", "emir", "sultan", "head_of_state")
    return wanted == "spokesperson" and held.endswith("spokesperson")


def parse_day(value: str, end: bool = False) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12 if end else 1, 31 if end else 1)
    if len(parts) == 2:
        if end:
            following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(parts[0], parts[1], 1)
    return dt.date(parts[0], parts[1], parts[2])


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    _load_roles(lex)
    _load_nationalities(lex)
    _load_offices(lex)
    _load_ministries(lex)
    lex.counterparts = frozenset(k[0] for k in (key_of(w) for w in read_lines("counterparts.txt")) if k)
    return lex


def _load_roles(lex: Lexicon) -> None:
    path = data_path("roles.tsv")
    if not path.exists():
        return
    for row in read_tsv(path):
        for form in split_field(row.get("forms_ar", "")):
            lex.roles.add(key_of(form), (row["role"], row.get("kind", "office")))


def _load_nationalities(lex: Lexicon) -> None:
    path = data_path("nationalities.tsv")
    if not path.exists():
        return
    for row in read_tsv(path):
        for adjective in split_field(row.get("adjectives_ar", "")):
            key = key_of(adjective)
            if len(key) == 1:
                lex.adjectives.setdefault(key[0], row["country"])
        for form in split_field(row.get("country_forms_ar", "")):
            lex.country_forms.add(key_of(form), row["country"])


def _load_offices(lex: Lexicon) -> None:
    path = data_path("gazetteer/offices.tsv")
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# as_of"):
            value = line.split(None, 2)[-1].strip()
            lex.as_of = parse_day(value, end=True)
    for row in read_tsv(path):
        try:
            start = parse_day(row.get("start", ""))
            end = parse_day(row.get("end", ""), end=True)
        except ValueError:
            continue
        if start is None:
            continue
        office = Office(row["role"], row["country"], start, end)
        lex.offices[row["name_en"]].append(office)
        lex.holders[(row["role"], row["country"])].append((row["name_en"], office))


def _load_ministries(lex: Lexicon) -> None:
    for row in read_tsv(data_path("ministries.tsv")):
        lex.ministries.add(key_of(row["portfolio_ar"]), (row["name_en"], row.get("bare") == "1"))
