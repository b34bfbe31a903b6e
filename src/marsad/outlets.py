"""The outlets data file: Arabic names, English names, hosts, and which are news agencies."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from marsad.arabic.normalize import normalize
from marsad.arabic.tokens import WORD
from marsad.data import data_path, read_tsv, split_field

MAX_ALIAS_WORDS = 8


@dataclass(frozen=True)
class Outlet:
    name_en: str
    name_ar: str
    kind: str            # "outlet" or "agency"
    hosts: tuple[str, ...]


class OutletIndex:
    """Look outlets up by alias (whole normalized words) or by URL host."""

    def __init__(self, outlets: list[tuple[Outlet, list[str]]]) -> None:
        self.by_alias: dict[tuple[str, ...], Outlet] = {}
        self.by_host: dict[str, Outlet] = {}
        for outlet, aliases in outlets:
            for alias in aliases:
                key = tuple(WORD.findall(normalize(alias)))
                if key and len(key) <= MAX_ALIAS_WORDS:
                    self.by_alias.setdefault(key, outlet)
            for host in outlet.hosts:
                self.by_host.setdefault(host.lower().removeprefix("www."), outlet)

    def find_in(self, text: str, strict: bool = True) -> Outlet | None:
        """The longest alias that occurs in `text` as whole words (earliest on ties).

        `strict` skips one-word aliases that start with the article ("الآن", "الإخبارية",
        "البيان"): in running text they are ordinary words far more often than names."""
        tokens = WORD.findall(normalize(text))
        best: tuple[int, int, Outlet] | None = None
        for start in range(len(tokens)):
            for size in range(min(MAX_ALIAS_WORDS, len(tokens) - start), 0, -1):
                key = tuple(tokens[start : start + size])
                if strict and size == 1 and key[0].startswith("ال"):
                    continue
                outlet = self.by_alias.get(key)
                if outlet and (best is None or size > best[0]):
                    best = (size, start, outlet)
                    break
        return best[2] if best else None

    def lookup(self, name: str) -> Outlet | None:
        """An outlet named exactly `name` (any alias or the English name)."""
        return self.by_alias.get(tuple(WORD.findall(normalize(name))))

    def by_url(self, url: str | None) -> Outlet | None:
        if not url:
            return None
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        while host:
            if host in self.by_host:
                return self.by_host[host]
            host = host.partition(".")[2] if "." in host else ""
        return None


def _rows(path: Path) -> list[tuple[Outlet, list[str]]]:
    result = []
    for row in read_tsv(path):
        if not row.get("name_en"):
            continue
        outlet = Outlet(
            name_en=row["name_en"], name_ar=row.get("name_ar", ""),
            kind=row.get("kind") or "outlet", hosts=tuple(split_field(row.get("hosts", ""))),
        )
        aliases = [row["name_en"], row.get("name_ar", ""), *split_field(row.get("aliases_ar", ""))]
        result.append((outlet, [a for a in aliases if a]))
    return result


@lru_cache(maxsize=8)
def outlet_index(extra_files: tuple[Path, ...] = ()) -> OutletIndex:
    """The user's files first (they win on a shared alias or host), then the packaged list."""
    rows: list[tuple[Outlet, list[str]]] = []
    packaged = data_path("outlets.tsv")
    for path in list(extra_files) + ([packaged] if packaged.exists() else []):
        rows.extend(_rows(path))
    return OutletIndex(rows)
