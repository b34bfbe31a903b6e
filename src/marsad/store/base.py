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

from marsad.arabic.tokens import search_keys
from marsad.article import Article

# Tables both backends share; each fills in its dialect (auto-increment key, bytes type)
# and adds its own full-text index.
TABLES_SQL = """
CREATE TABLE IF NOT EXISTS articles (
    seq {serial},
    id TEXT NOT NULL UNIQUE,
    source TEXT, url TEXT, title TEXT, published TEXT, outlet TEXT, language TEXT,
    duplicate_of TEXT, story_id TEXT, pipeline_version TEXT,
    record TEXT NOT NULL,
    raw {blob} NOT NULL, raw_kind TEXT NOT NULL, raw_format TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
CREATE INDEX IF NOT EXISTS articles_duplicate ON articles(duplicate_of);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL, entity_id TEXT NOT NULL, name TEXT, name_ar TEXT, type TEXT,
    count INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL, speaker TEXT, speaker_name TEXT,
    kind TEXT, text TEXT, cue TEXT, published TEXT, outlet TEXT
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE TABLE IF NOT EXISTS stories (
    ord {serial},
    id TEXT NOT NULL UNIQUE, title TEXT, first TEXT, last TEXT, size INTEGER, record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_last ON stories(last);
"""


@dataclass
class SearchFilters:
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    article_ids: set[str] | None = None     # from person/story filters
    extra_ids: set[str] | None = None       # articles matched by entity name (added to text hits)

    def where(self, placeholder: str) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.outlet:
            clauses.append(f"a.outlet = {placeholder}")
            params.append(self.outlet)
        if self.since:
            clauses.append(f"SUBSTR(a.published, 1, 10) >= {placeholder}")
            params.append(self.since[:10])
        if self.until:
            clauses.append(f"SUBSTR(a.published, 1, 10) <= {placeholder}")
            params.append(self.until[:10])
        if self.article_ids is not None:
            ids = sorted(self.article_ids) or [""]
            clauses.append("a.id IN (" + ",".join([placeholder] * len(ids)) + ")")
            params.extend(ids)
        return (" AND ".join(clauses) or "1=1"), params


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

    @abstractmethod
    def match(self, groups: list[list[str]], filters: SearchFilters, limit: int, offset: int) -> tuple[int, list[tuple[str, float]]]:
        """Full-text match: every group (a phrase of search keys) must occur. Returns the total
        number of matches and one page of (article id, score), best first."""

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
        self._index_search(seq, search_keys(article.title or ""), search_keys(article.text))

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

    # --- entities and quotes (derived tables) ---
    def entities(self, type: str | None = None, top: int | None = None) -> list[dict[str, Any]]:
        """Entities with mention and article counts, most mentioned first."""
        sql = ("SELECT entity_id, MAX(name), MAX(name_ar), MAX(type), SUM(count), COUNT(DISTINCT article_id)"
               " FROM mentions" + (" WHERE type=?" if type else "") +
               " GROUP BY entity_id ORDER BY SUM(count) DESC, entity_id")
        if top:
            sql += f" LIMIT {int(top)}"
        rows = self.execute(sql, (type.upper(),) if type else ())
        return [{"id": r[0], "name": r[1], "name_ar": r[2], "type": r[3], "mentions": int(r[4]),
                 "articles": int(r[5])} for r in rows]

    def entity(self, name_or_id: str) -> dict[str, Any] | None:
        """One entity by id, English name or Arabic name, with the articles that mention it."""
        needle = name_or_id.strip()
        rows = self.execute(
            "SELECT entity_id, MAX(name), MAX(name_ar), MAX(type), SUM(count) FROM mentions"
            " WHERE entity_id=? OR LOWER(name)=LOWER(?) OR name_ar=? GROUP BY entity_id"
            " ORDER BY SUM(count) DESC LIMIT 1", (needle, needle, needle))
        if not rows:
            return None
        entity_id = rows[0][0]
        articles = self.execute(
            "SELECT a.id, a.title, a.source, a.outlet, a.published, m.count FROM mentions m"
            " JOIN articles a ON a.id = m.article_id WHERE m.entity_id=? ORDER BY a.published, a.seq",
            (entity_id,))
        return {"id": entity_id, "name": rows[0][1], "name_ar": rows[0][2], "type": rows[0][3],
                "mentions": int(rows[0][4]),
                "articles": [{"id": r[0], "title": r[1], "source": r[2], "outlet": r[3],
                              "published": r[4], "mentions": int(r[5])} for r in articles],
                "quotes": self.quotes(speaker=entity_id)}

    def quotes(self, speaker: str | None = None, since: str | None = None,
               article_id: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Quotes with speaker, outlet, date and article; `speaker` is an id or an English name."""
        where, params = [], []
        if speaker:
            where.append("(q.speaker=? OR LOWER(q.speaker_name)=LOWER(?))")
            params += [speaker, speaker]
        if since:
            where.append("q.published >= ?")
            params.append(since)
        if article_id:
            where.append("q.article_id=?")
            params.append(article_id)
        sql = ("SELECT q.article_id, q.idx, q.speaker, q.speaker_name, q.kind, q.text, q.cue,"
               " q.published, q.outlet, a.title, a.source FROM quotes q JOIN articles a ON a.id = q.article_id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY q.published, a.seq, q.idx" + (f" LIMIT {int(limit)}" if limit else ""))
        return [{"article": r[0], "index": r[1], "speaker": r[2], "speaker_name": r[3], "kind": r[4],
                 "text": r[5], "cue": r[6], "published": r[7], "outlet": r[8], "title": r[9],
                 "source": r[10]} for r in self.execute(sql, params)]

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
