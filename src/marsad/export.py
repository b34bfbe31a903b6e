"""Export a store's articles, stories, quotes or entities as JSONL, CSV, Parquet or Markdown.

`export(store, what, fmt, output, story=None, since=None) -> rows written`. `story` keeps one
story (and its articles, quotes and entities); `since` (YYYY-MM-DD) keeps what was published on
or after that day (stories: last article on or after it). `output` is a path, or "-" for stdout.

JSONL writes the full records: articles as in the output contract (plus `story_id`), stories as
`marsad stories --json` prints them, quotes and entities as `/api/quotes` and `/api/entities`.
Parquet writes the same records with typed, nested columns (lists and structs), so pandas,
DuckDB and Arrow read them as they are; fields added to the contract later are left out until
they get a column here. Markdown is for stories only: a readable brief per story (title, dates,
outlets, timeline, people, quotes with the outlets that carried them, and the cited summary).

CSV is flat: one row per record, lists joined with ";" (a ";" inside a value is kept as is).
    articles: id, source, url, title, published, published_source, updated, crawled, outlet,
              agency, author, dateline, dateline_id, language, text, people (English names of
              PERSON entities), entity_ids, quotes_count, removed_count, duplicate_of, story_id
    stories:  id, title, first, last, articles_count, article_ids, outlets (distinct, in timeline
              order), people (English names), entity_ids, quotes_count, summary (the summary
              sentences joined by a space)
    quotes:   article, index, published, outlet, speaker, speaker_name, kind, cue, text, title,
              source
    entities: id, name, name_ar, type, mentions, articles
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from marsad.errors import MarsadError
from marsad.store import Store

WHATS = ("articles", "stories", "quotes", "entities")
FORMATS = ("jsonl", "csv", "parquet", "markdown")

CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "source", "url", "title", "published", "published_source", "updated",
                 "crawled", "outlet", "agency", "author", "dateline", "dateline_id", "language",
                 "text", "people", "entity_ids", "quotes_count", "removed_count", "duplicate_of",
                 "story_id"),
    "stories": ("id", "title", "first", "last", "articles_count", "article_ids", "outlets",
                "people", "entity_ids", "quotes_count", "summary"),
    "quotes": ("article", "index", "published", "outlet", "speaker", "speaker_name", "kind", "cue",
               "text", "title", "source"),
    "entities": ("id", "name", "name_ar", "type", "mentions", "articles"),
}


class ExportError(MarsadError, ValueError):
    """A request export cannot satisfy (unknown kind or format, unknown story)."""


def export(store: Store, what: str, fmt: str, output: str | Path, story: str | None = None,
           since: str | None = None) -> int:
    """Write `what` (articles|stories|quotes|entities) as `fmt` (jsonl|csv|parquet|markdown)
    to `output`; return the number of rows (records, or stories for Markdown) written."""
    _check(what, fmt)
    rows = list(_ROWS[what](store, _Scope.of(store, story, since)))
    if fmt == "jsonl":
        with _open_text(output) as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with _open_text(output) as out:
            _write_csv(out, what, rows)
    elif fmt == "parquet":
        _write_parquet(output, what, rows)
    else:
        with _open_text(output) as out:
            out.write("\n\n---\n\n".join(story_brief(s, _titles(store, s)) for s in rows))
            out.write("\n" if rows else "")
    return len(rows)


def _check(what: str, fmt: str) -> None:
    if what not in WHATS:
        raise ExportError(f"cannot export {what!r}: choose one of {', '.join(WHATS)}")
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "markdown" and what != "stories":
        raise ExportError(f"markdown export is for stories only, not {what}; use jsonl, csv or parquet")


# --- what to export ---------------------------------------------------------------------------

class _Scope:
    """The story and date filters, resolved once."""

    def __init__(self, article_ids: set[str] | None, story: str | None, since: str | None) -> None:
        self.article_ids, self.story, self.since = article_ids, story, since

    @classmethod
    def of(cls, store: Store, story: str | None, since: str | None) -> _Scope:
        if not story:
            return cls(None, None, since)
        found = store.story(story)
        if found is None:
            raise ExportError(f"no story {story!r} in the store")
        return cls({a["id"] for a in found.get("articles", [])}, found["id"], since)

    def keeps(self, article_id: str, published: str | None) -> bool:
        if self.article_ids is not None and article_id not in self.article_ids:
            return False
        return not self.since or bool(published and published[:10] >= self.since[:10])


def _articles(store: Store, scope: _Scope) -> Iterator[dict[str, Any]]:
    for article in store.articles():
        if scope.keeps(article.id, article.published):
            yield article.to_record()


def _stories(store: Store, scope: _Scope) -> Iterator[dict[str, Any]]:
    for item in store.stories():
        if scope.story and item.get("id") != scope.story:
            continue
        last = item.get("last") or item.get("first")
        if not scope.since or (last and last[:10] >= scope.since[:10]):
            yield item


def _quotes(store: Store, scope: _Scope) -> Iterator[dict[str, Any]]:
    for quote in store.quotes(since=scope.since):
        if scope.article_ids is None or quote["article"] in scope.article_ids:
            yield quote


def _entities(store: Store, scope: _Scope) -> Iterator[dict[str, Any]]:
    if scope.article_ids is None and not scope.since:
        yield from store.entities()
        return
    counts: dict[str, dict[str, Any]] = {}
    for record in _articles(store, scope):
        for entity in record.get("entities", []):
            row = counts.setdefault(entity["id"], {
                "id": entity["id"], "name": entity.get("name"), "name_ar": entity.get("name_ar"),
                "type": entity.get("type"), "mentions": 0, "articles": 0})
            row["mentions"] += len(entity.get("mentions", []))
            row["articles"] += 1
    yield from sorted(counts.values(), key=lambda r: (-r["mentions"], r["id"]))


_ROWS: dict[str, Callable[[Store, _Scope], Iterator[dict[str, Any]]]] = {
    "articles": _articles, "stories": _stories, "quotes": _quotes, "entities": _entities,
}


# --- CSV ----------------------------------------------------------------------------------------

def _joined(values: Any) -> str:
    return ";".join(str(v) for v in values if v not in (None, ""))


def _flat_article(record: dict[str, Any]) -> dict[str, Any]:
    entities = record.get("entities", [])
    return {**record,
            "people": _joined(e.get("name") for e in entities if e.get("type") == "PERSON"),
            "entity_ids": _joined(e.get("id") for e in entities),
            "quotes_count": len(record.get("quotes", [])),
            "removed_count": len(record.get("removed", []))}


def _flat_story(story: dict[str, Any]) -> dict[str, Any]:
    articles, entities = story.get("articles", []), story.get("entities", [])
    outlets = list(dict.fromkeys(a.get("outlet") for a in articles if a.get("outlet")))
    return {**story, "articles_count": len(articles), "article_ids": _joined(a.get("id") for a in articles),
            "outlets": _joined(outlets),
            "people": _joined(e.get("name") for e in entities if str(e.get("id", "")).startswith("person:")),
            "entity_ids": _joined(e.get("id") for e in entities),
            "quotes_count": len(story.get("quotes", [])),
            "summary": " ".join(s.get("text", "") for s in story.get("summary", []))}


_FLATTEN: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "articles": _flat_article, "stories": _flat_story,
}


def _write_csv(out: IO[str], what: str, rows: list[dict[str, Any]]) -> None:
    columns = CSV_COLUMNS[what]
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    flatten = _FLATTEN.get(what, dict)
    for row in rows:
        writer.writerow({k: v for k, v in flatten(row).items() if k in columns})


# --- Parquet ------------------------------------------------------------------------------------

def _schema(what: str) -> Any:
    import pyarrow as pa

    s, i = pa.string(), pa.int64()
    strings = lambda *names: [pa.field(n, s) for n in names]  # noqa: E731
    span = pa.struct([("start", i), ("end", i), ("text", s)])
    entity = pa.struct([*strings("id", "name", "name_ar", "type"), ("mentions", pa.list_(span))])
    quote = pa.struct([*strings("text", "kind", "speaker", "speaker_name", "cue"), ("start", i), ("end", i)])
    schemas = {
        "articles": [*strings("id", "source", "url", "title", "published", "published_source",
                              "updated", "crawled", "outlet", "agency", "author", "dateline",
                              "dateline_id", "language", "text"),
                     ("removed", pa.list_(s)), ("entities", pa.list_(entity)), ("quotes", pa.list_(quote)),
                     *strings("duplicate_of", "story_id", "pipeline_version")],
        "stories": [*strings("id", "title", "first", "last"),
                    ("articles", pa.list_(pa.struct(strings("id", "source", "outlet", "published", "published_source")))),
                    ("entities", pa.list_(pa.struct(strings("id", "name")))),
                    ("quotes", pa.list_(pa.struct([*strings("speaker_name", "text"), ("articles", pa.list_(s))]))),
                    ("summary", pa.list_(pa.struct(strings("text", "article"))))],
        "quotes": [("article", s), ("index", i), *strings("published", "outlet", "speaker", "speaker_name",
                                                          "kind", "cue", "text", "title", "source")],
        "entities": [*strings("id", "name", "name_ar", "type"), ("mentions", i), ("articles", i)],
    }
    return pa.schema(schemas[what])


def _write_parquet(output: str | Path, what: str, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=_schema(what))
    if str(output) == "-":
        buffer = io.BytesIO()
        pq.write_table(table, buffer)
        sys.stdout.buffer.write(buffer.getvalue())
        sys.stdout.buffer.flush()
    else:
        pq.write_table(table, str(output))


# --- Markdown -----------------------------------------------------------------------------------

def _md(text: Any) -> str:
    """Plain text made inert in Markdown: no HTML tags, links or emphasis from article text."""
    value = " ".join(str(text or "").split())
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in value)


def _titles(store: Store, story: dict[str, Any]) -> dict[str, str]:
    titles = {}
    for item in story.get("articles", []):
        record = store.get(item["id"]) or {}
        titles[item["id"]] = record.get("title") or ""
    return titles


def story_brief(story: dict[str, Any], titles: dict[str, str]) -> str:
    """One story as a Markdown brief; citation numbers [n] follow the timeline."""
    articles = story.get("articles", [])
    number = {a["id"]: n for n, a in enumerate(articles, start=1)}
    outlet_of = {a["id"]: a.get("outlet") for a in articles}
    outlets = list(dict.fromkeys(a.get("outlet") for a in articles if a.get("outlet")))
    dates = " – ".join(dict.fromkeys(d[:10] for d in (story.get("first"), story.get("last")) if d))
    sections = [
        f"# {_md(story.get('title') or '(untitled)')}",
        f"*{dates or 'undated'} · {len(articles)} article(s) · outlets: {_md(', '.join(outlets)) or '—'}*"
        f"  \nstory `{story.get('id')}`",
        "## Timeline\n\n" + "\n".join(
            f"{n}. {(a.get('published') or 'undated')[:10]} · {_md(a.get('outlet') or '—')}"
            f" · {_md(titles.get(a['id']) or a.get('source'))} (`{a['id']}`)" for n, a in enumerate(articles, 1)),
    ]
    people = [e for e in story.get("entities", []) if str(e.get("id", "")).startswith("person:")]
    if people:
        sections.append("## People\n\n" + "\n".join(f"- {_md(e.get('name'))}" for e in people))
    if story.get("quotes"):
        sections.append("## Quotes")
        for quote in story["quotes"]:
            refs = quote.get("articles", [])
            carried = ", ".join(sorted({_md(outlet_of.get(r) or "?") for r in refs}))
            cites = "".join(f"[{number.get(r, '?')}]" for r in refs)
            speaker = _md(quote.get("speaker_name") or "unknown speaker")
            sections.append(f"> {_md(quote.get('text'))}\n>\n> — {speaker} ({carried}) {cites}")
    if story.get("summary"):
        sections.append("## Summary\n\n" + " ".join(
            f"{_md(s.get('text'))} [{number.get(s.get('article', ''), '?')}]" for s in story["summary"]))
    return "\n\n".join(sections) + "\n"


@contextmanager
def _open_text(output: str | Path) -> Iterator[IO[str]]:
    if str(output) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(output, "w", encoding="utf-8", newline="") as handle:
        yield handle
