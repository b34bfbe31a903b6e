"""PostgreSQL backend for shared deployments: the same interface and tests as SQLite.

Full-text search uses a `tsvector` over the normalized text with the `simple` configuration
(no stemming: marsad normalizes Arabic itself), indexed with GIN.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from marsad.store.base import TABLES_SQL, SearchFilters, Store

SCHEMA = TABLES_SQL.format(serial="BIGSERIAL PRIMARY KEY", blob="BYTEA") + """CREATE TABLE IF NOT EXISTS articles_fts (
    rowid BIGINT PRIMARY KEY, title TEXT, body TEXT,
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(body, '')), 'B')) STORED
);
CREATE INDEX IF NOT EXISTS articles_fts_tsv ON articles_fts USING GIN (tsv);
"""
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class PostgresStore(Store):
    placeholder = "%s"

    def __init__(self, url: str, schema: str | None = None) -> None:
        self.url = url
        self.conn = psycopg.connect(url, autocommit=True)
        self.schema = schema
        if schema:
            if not _SCHEMA_NAME.match(schema):
                raise ValueError(f"invalid schema name {schema!r}")
            self.conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            self.conn.execute(f"SET search_path TO {schema}")
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(727272)")  # concurrent first runs
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.conn.execute(statement)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = self.conn.execute(sql, tuple(params))
        return cursor.fetchall() if cursor.description else []

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cursor:
                cursor.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def _index_search(self, article_seq: int, title: str, text: str) -> None:
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (%s, %s, %s)"
            " ON CONFLICT (rowid) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body",
            (article_seq, title, text),
        )

    def match(self, groups: list[list[str]], filters: SearchFilters, limit: int, offset: int) -> tuple[int, list[tuple[str, float]]]:
        where, params = filters.where("%s")
        if groups:
            # phraseto_tsquery takes plain text: user input is data, never tsquery syntax.
            query = " && ".join(["phraseto_tsquery('simple', %s)"] * len(groups))
            base = (f" FROM articles_fts f JOIN articles a ON a.seq = f.rowid, ({'SELECT ' + query} AS q) qq"
                    f" WHERE f.tsv @@ qq.q AND {where}")
            text_params = [" ".join(g) for g in groups] + params
            total = self._execute("SELECT COUNT(*)" + base, text_params)[0][0]
            rows = self._execute("SELECT a.id, ts_rank_cd(f.tsv, qq.q) AS score" + base
                                 + " ORDER BY score DESC, a.seq LIMIT %s OFFSET %s", [*text_params, limit, offset])
            return int(total), [(r[0], float(r[1])) for r in rows]
        total = self._execute(f"SELECT COUNT(*) FROM articles a WHERE {where}", params)[0][0]
        rows = self._execute(f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.published DESC NULLS LAST, a.seq"
                             " LIMIT %s OFFSET %s", [*params, limit, offset])
        return int(total), [(r[0], 0.0) for r in rows]

    def drop_schema(self) -> None:
        """Tests only: remove the private schema this store created."""
        if self.schema:
            self.conn.execute(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")

    def close(self) -> None:
        self.conn.close()
