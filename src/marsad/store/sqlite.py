"""SQLite backend: one file, WAL journal, FTS5 full-text index over normalized text."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.store.base import TABLES_SQL, SearchFilters, Store

SCHEMA = TABLES_SQL.format(serial="INTEGER PRIMARY KEY AUTOINCREMENT", blob="BLOB") + """CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, tokenize = "unicode61 remove_diacritics 2"
);
"""


class SQLiteStore(Store):
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.executescript(SCHEMA)
        self._depth = 0

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, tuple(params)).fetchall()

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Nested-safe: only the outermost block commits; any error rolls everything back."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def _index_search(self, article_seq: int, title: str, text: str) -> None:
        self.conn.execute("DELETE FROM articles_fts WHERE rowid=?", (article_seq,))
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?,?,?)", (article_seq, title, text)
        )

    def match(self, groups: list[list[str]], filters: SearchFilters, limit: int, offset: int) -> tuple[int, list[tuple[str, float]]]:
        where, params = filters.where("?")
        if groups:
            # Every key is quoted, so user input never reaches the FTS5 query parser as syntax.
            fts = " AND ".join('"' + " ".join(g).replace('"', '""') + '"' for g in groups)
            base = (" FROM articles_fts f JOIN articles a ON a.seq = f.rowid"
                    f" WHERE articles_fts MATCH ? AND {where}")
            text_params = [fts, *params]
            total = self.conn.execute("SELECT COUNT(*)" + base, text_params).fetchone()[0]
            rows = self.conn.execute(
                "SELECT a.id, -bm25(articles_fts, 4.0, 1.0) AS score" + base
                + " ORDER BY score DESC, a.seq LIMIT ? OFFSET ?", [*text_params, limit, offset]).fetchall()
            return int(total), [(r[0], float(r[1])) for r in rows]
        total = self.conn.execute(f"SELECT COUNT(*) FROM articles a WHERE {where}", params).fetchone()[0]
        rows = self.conn.execute(f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.published DESC, a.seq"
                                 " LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
        return int(total), [(r[0], 0.0) for r in rows]

    def close(self) -> None:
        self.conn.close()
