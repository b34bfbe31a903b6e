"""Storage behind one small interface: SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

from marsad.store.base import Store


def open_store(db: str) -> Store:
    """A SQLite path (default `./marsad.db`) or a `postgresql://` URL."""
    if db.startswith(("postgresql://", "postgres://")):
        from marsad.store.postgres import PostgresStore

        return PostgresStore(db)
    from marsad.store.sqlite import SQLiteStore

    return SQLiteStore(db)


__all__ = ["Store", "open_store"]
