"""The Store interface, with the SQL both backends share.

Each article is kept as its contract record (JSON) plus the raw input bytes it came from, so
`reprocess` can re-run a newer pipeline over everything stored. Derived tables (mentions,
quotes, search index) are rewritten from the record whenever it changes.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.arabic.normalize import normalize
from marsad.article import Article


@dataclass
class StoredRaw:
    id: str
    source: str
    raw_kind: str
    raw_format: str      # "file" or "jsonl"
    data: bytes


class Store(ABC):
    """Every backend runs the same tests (tests/test_store.py)."""

    placeholder = "?"

    # --- connection plumbing, per backend ---
    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def transaction(self) -> Any: ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _index_search(self, article_seq: int, title: str, text: str) -> None: ...

    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._execute(self._sql(sql), params)

    # --- articles ---
    def add(self, article: Article, raw: bytes, raw_format: str = "file") -> bool:
        """Store a new article; False (and nothing changes) when its id is already stored."""
        with self.transaction():
            rows = self.execute(
                "INSERT INTO articles (id, source, url, title, published, outlet, language,"
                " duplicate_of, story_id, pipeline_version, record, raw, raw_kind, raw_format)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING RETURNING seq",
                (*self._columns(article), raw, article.raw_kind, raw_format),
            )
            if not rows:
                return False
            self._write_derived(rows[0][0], article)
            return True

    def update(self, article: Article) -> None:
        """Replace a stored article's record (after reprocessing or story building)."""
        with self.transaction():
            rows = self.execute(
                "UPDATE articles SET id=?, source=?, url=?, title=?, published=?, outlet=?,"
                " language=?, duplicate_of=?, story_id=?, pipeline_version=?, record=?"
                " WHERE id=? RETURNING seq",
                (*self._columns(article), article.id),
            )
            if rows:
                self._write_derived(rows[0][0], article)

    def _columns(self, article: Article) -> tuple[Any, ...]:
        record = json.dumps(article.to_record(), ensure_ascii=False)
        return (
            article.id, article.source, article.url, article.title, article.published,
            article.outlet, article.language, article.duplicate_of, article.story_id,
            article.pipeline_version, record,
        )

    def _write_derived(self, seq: int, article: Article) -> None:
        self.execute("DELETE FROM mentions WHERE article_id=?", (article.id,))
        self.execute("DELETE FROM quotes WHERE article_id=?", (article.id,))
        self._executemany(self._sql(
            "INSERT INTO mentions (article_id, entity_id, name, name_ar, type, count)"
            " VALUES (?,?,?,?,?,?)"),
            [(article.id, e["id"], e["name"], e.get("name_ar"), e["type"], len(e["mentions"]))
             for e in article.entities],
        )
        self._executemany(self._sql(
            "INSERT INTO quotes (article_id, idx, speaker, speaker_name, kind, text, cue,"
            " published, outlet) VALUES (?,?,?,?,?,?,?,?,?)"),
            [(article.id, i, q.get("speaker"), q.get("speaker_name"), q["kind"], q["text"],
              q.get("cue"), article.published, article.outlet) for i, q in enumerate(article.quotes)],
        )
        self._index_search(seq, normalize(article.title or ""), normalize(article.text))

    def has(self, article_id: str) -> bool:
        return bool(self.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)))

    def get(self, article_id: str) -> dict[str, Any] | None:
        rows = self.execute("SELECT record FROM articles WHERE id=?", (article_id,))
        return json.loads(rows[0][0]) if rows else None

    def find_ids(self, prefix: str) -> list[str]:
        """Ids starting with `prefix` (users type short ids)."""
        return [r[0] for r in self.execute("SELECT id FROM articles WHERE id LIKE ? ORDER BY seq LIMIT 5", (prefix.replace("%", "") + "%",))]

    def articles(self) -> Iterator[Article]:
        """Every stored article, in the order it was ingested."""
        for (record,) in self.execute("SELECT record FROM articles ORDER BY seq"):
            yield Article.from_record(json.loads(record))

    def raw_inputs(self) -> Iterator[StoredRaw]:
        ids = [r[0] for r in self.execute("SELECT id FROM articles ORDER BY seq")]
        for article_id in ids:
            rows = self.execute(
                "SELECT id, source, raw_kind, raw_format, raw FROM articles WHERE id=?", (article_id,)
            )
            if rows:
                row = rows[0]
                yield StoredRaw(row[0], row[1], row[2], row[3], bytes(row[4]))

    def count(self) -> int:
        return int(self.execute("SELECT COUNT(*) FROM articles")[0][0])

    def stats(self) -> dict[str, int]:
        one = lambda sql: int(self.execute(sql)[0][0] or 0)  # noqa: E731
        return {
            "articles": one("SELECT COUNT(*) FROM articles"),
            "outlets": one("SELECT COUNT(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL"),
            "entities": one("SELECT COUNT(DISTINCT entity_id) FROM mentions"),
            "mentions": one("SELECT COALESCE(SUM(count), 0) FROM mentions"),
            "quotes": one("SELECT COUNT(*) FROM quotes"),
            "stories": one("SELECT COUNT(*) FROM stories"),
            "duplicates": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        }

    # --- stories (written by the stories package) ---
    def replace_stories(self, stories: list[dict[str, Any]]) -> None:
        with self.transaction():
            self.execute("DELETE FROM stories")
            self._executemany(self._sql(
                "INSERT INTO stories (id, title, first, last, size, record) VALUES (?,?,?,?,?,?)"),
                [(s["id"], s.get("title"), s.get("first"), s.get("last"), len(s["articles"]),
                  json.dumps(s, ensure_ascii=False)) for s in stories],
            )

    def stories(self) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self.execute("SELECT record FROM stories ORDER BY ord")]

    def story(self, story_id: str) -> dict[str, Any] | None:
        rows = self.execute("SELECT record FROM stories WHERE id=? OR id LIKE ?", (story_id, story_id + "%"))
        return json.loads(rows[0][0]) if rows else None
