"""marsad (مرصد): Arabic news in, structured knowledge out — offline.

Public API (plain functions over plain values):
    marsad.extract(text_or_html, **opts) -> Article
    marsad.ingest(paths, store) -> IngestReport
    marsad.stories(store) -> list of story records (built if the store has none yet)
    marsad.search(store, query, **filters) -> {"total", "results"}
    marsad.open_store(db) -> Store
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from marsad.api_lib import extract, ingest, open_store  # noqa: E402
from marsad.store.base import Store  # noqa: E402


def stories(store: Store, rebuild: bool = False) -> list[dict[str, Any]]:
    """The store's stories in the contract's order (built now if the store has none)."""
    from marsad.api_lib import stories_in_store

    return stories_in_store(store, rebuild=rebuild)


def search(store: Store, query: str, **filters: Any) -> dict[str, Any]:
    """Arabic-aware full-text search: limit, offset, outlet, since, until, person, story."""
    from marsad.fulltext import search as run

    return run(store, query, **filters)


__all__ = ["__version__", "extract", "ingest", "open_store", "search", "stories"]
