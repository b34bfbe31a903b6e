"""`marsad demo`: the whole job on the bundled sample corpus, into a fresh store."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.api_lib import IngestReport, ingest
from marsad.errors import MarsadError
from marsad.settings import Settings
from marsad.store import open_store

SAMPLE_DIR = Path(__file__).parent / "sample"


@dataclass
class DemoReport:
    db: str
    ingest: IngestReport
    stats: dict[str, int]
    articles: list[dict[str, Any]] = field(default_factory=list)
    stories: list[dict[str, Any]] = field(default_factory=list)


def sample_settings() -> Settings:
    """The sample's invented outlets come in as a user outlet file, as a user's would."""
    return Settings().with_extra_outlets(SAMPLE_DIR / "outlets.tsv")


def sample_paths() -> list[str]:
    return [str(p) for p in sorted(SAMPLE_DIR.iterdir())
            if p.suffix.lower() in {".txt", ".html", ".htm", ".jsonl"} and p.name != "README.md"]


def run_demo(db: str, build_stories: bool = True) -> DemoReport:
    _fresh(db)
    store = open_store(db)
    try:
        report = ingest(sample_paths(), store, sample_settings(), build_stories=build_stories)
        stories = store.stories()
        articles = [store.get(a.id) or {} for a in store.articles()]
        return DemoReport(db, report, store.stats(), articles, stories)
    finally:
        store.close()


def _fresh(db: str) -> None:
    """Start from an empty store, but never delete a store that holds other articles."""
    if db.startswith(("postgresql://", "postgres://")):
        raise MarsadError("the demo writes a fresh SQLite file; give --db a file path")
    path = Path(db)
    if not path.exists():
        return
    store = open_store(db)
    try:
        foreign = [a.source for a in store.articles() if not str(a.source).startswith(str(SAMPLE_DIR))]
    finally:
        store.close()
    if foreign:
        raise MarsadError(f"{db} already holds other articles; run the demo with --db demo.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
