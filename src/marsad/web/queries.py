"""Read-side queries the API and pages need beyond the Store interface (paging, latest first).

They go through `Store.execute`/`Store.match`, so they run unchanged on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from typing import Any

from marsad.store import Store
from marsad.store.base import SearchFilters


def list_articles(store: Store, limit: int, offset: int, outlet: str | None = None,
                  since: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Article records, latest first (undated last), with the total before paging."""
    total, hits = store.match([], SearchFilters(outlet=outlet, since=since), limit, offset)
    records = [store.get(article_id) for article_id, _ in hits]
    return total, [r for r in records if r is not None]


def list_stories(store: Store, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """Story records, most recently active first (undated last)."""
    total = int(store.execute("SELECT COUNT(*) FROM stories")[0][0])
    rows = store.execute(
        "SELECT record FROM stories ORDER BY last DESC NULLS LAST, ord LIMIT ? OFFSET ?",
        (limit, offset))
    return total, [json.loads(r[0]) for r in rows]


def story_of(store: Store, story_id: str) -> dict[str, Any] | None:
    """A story by its exact id (the Store's own lookup also accepts prefixes)."""
    rows = store.execute("SELECT record FROM stories WHERE id=?", (story_id,))
    return json.loads(rows[0][0]) if rows else None


def _chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def titles(store: Store, ids: list[str]) -> dict[str, str | None]:
    """Article titles by id, from the indexed column (no record parsing: stories can be big)."""
    found: dict[str, str | None] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        found.update(store.execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", chunk))
    return found


def arabic_names(store: Store, entity_ids: list[str]) -> dict[str, str | None]:
    """The Arabic name of each entity (story records carry only the English one); one indexed
    lookup each, which stops at the first mention (frequent entities have thousands)."""
    found: dict[str, str | None] = {}
    for entity_id in dict.fromkeys(entity_ids):
        rows = store.execute("SELECT name_ar FROM mentions WHERE entity_id=? AND name_ar IS NOT NULL"
                             " LIMIT 1", (entity_id,))
        found[entity_id] = rows[0][0] if rows else None
    return found
