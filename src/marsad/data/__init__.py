"""Packaged data files (month names, markers, gazetteers...) and the readers for them."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

DATA_ROOT = resources.files("marsad") / "data"


def data_path(name: str) -> Path:
    return Path(str(DATA_ROOT / name))


def read_lines(name: str, extra: Iterable[Path] = ()) -> list[str]:
    """Non-empty, non-comment lines of a packaged text file plus any user files."""
    paths = [data_path(name), *extra]
    lines: list[str] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file with a header line; `#` lines are comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k}


def split_field(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]
