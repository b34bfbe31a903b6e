"""Helpers shared by the benchmarks (not part of the package or the test suite)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAUDI = SHARED / "corpora" / "saudinewsnet" / "dataset"


def saudi_articles(limit: int | None = None) -> Iterator[dict]:
    """SaudiNewsNet articles (dicts with source, url, date_extracted, title, content)."""
    count = 0
    for path in sorted(SAUDI.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for item in json.loads(archive.read(name)):
                    if not (item.get("content") or "").strip():
                        continue
                    yield item
                    count += 1
                    if limit and count >= limit:
                        return


def have_saudi() -> bool:
    return SAUDI.is_dir() and any(SAUDI.glob("*.zip"))
