"""CLI commands over a store's derived data: entities, quotes, stories, search, serve, export.
Each parses arguments and calls one library function (shared output helpers print)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from marsad.cli import (
    CRAWLED,
    DB,
    DEFAULT_DB,
    JSON,
    _check_crawled,
    _fail_usage,
    _report_failures,
    app,
)
from marsad.cli_output import print_json, print_table
from marsad.store import open_store


class StoryFormat(StrEnum):
    markdown = "markdown"
    json = "json"


@app.command()
def entities(
    db: DB = DEFAULT_DB,
    type: Annotated[str | None, typer.Option("--type", help="PERSON, ORG, PLACE or OTHER")] = None,
    top: Annotated[int | None, typer.Option("--top", help="only the N most mentioned")] = None,
    as_json: JSON = False,
) -> None:
    """Entities with mention and article counts."""
    store = open_store(db)
    rows = store.entities(type=type, top=top)
    store.close()
    if as_json:
        print_json({"entities": rows})
    else:
        print_table("entities", ["id", "name", "name_ar", "type", "mentions", "articles"],
                    [(r["id"], r["name"], r["name_ar"], r["type"], r["mentions"], r["articles"]) for r in rows])


@app.command()
def entity(name_or_id: Annotated[str, typer.Argument(help="id, English or Arabic name")],
           db: DB = DEFAULT_DB, as_json: JSON = False) -> None:
    """One entity with its articles and quotes."""
    store = open_store(db)
    found = store.entity(name_or_id)
    store.close()
    if found is None:
        _fail_usage(f"no entity {name_or_id!r}")
    if as_json:
        print_json(found)
        return
    print_table(f"{found['name']} ({found['id']}) — {found['mentions']} mentions",
                ["article", "published", "outlet", "title", "mentions"],
                [(a["id"], a["published"], a["outlet"], a["title"], a["mentions"]) for a in found["articles"]])


@app.command()
def quotes(
    db: DB = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option("--speaker", help="entity id or English name")] = None,
    since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD")] = None,
    as_json: JSON = False,
) -> None:
    """Quotes with speaker, outlet, date and article."""
    _check_crawled(since)
    store = open_store(db)
    rows = store.quotes(speaker=_speaker_id(store, speaker), since=since)
    store.close()
    if as_json:
        print_json({"quotes": rows})
    else:
        print_table("quotes", ["published", "speaker", "kind", "quote", "outlet", "article"],
                    [(r["published"], r["speaker_name"], r["kind"], r["text"][:120], r["outlet"], r["article"]) for r in rows])


def _speaker_id(store: Any, speaker: str | None) -> str | None:
    if not speaker:
        return None
    found = store.entity(speaker)
    return found["id"] if found else speaker


@app.command()
def stories(
    paths: Annotated[list[str] | None, typer.Argument(help="process these inputs without a store")] = None,
    db: DB = DEFAULT_DB,
    since: Annotated[str | None, typer.Option("--since", help="stories with articles on or after YYYY-MM-DD")] = None,
    crawled: CRAWLED = None,
    as_json: JSON = False,
) -> None:
    """Story clusters: outlets, timeline, entities, grouped quotes and a cited summary."""
    from marsad.api_lib import stories_for_paths, stories_in_store

    _check_crawled(since)
    _check_crawled(crawled)
    if paths:
        found, failed = stories_for_paths(paths, crawled)
    else:
        found, failed = stories_in_store(db), []
    if since:
        found = [s for s in found if (s.get("last") or "")[:10] >= since[:10]]
    if as_json:
        print_json({"stories": found})
    else:
        print_table("stories", ["id", "first", "last", "articles", "outlets", "title"],
                    [(s["id"], s["first"], s["last"], len(s["articles"]), ", ".join(s["outlets"]), s["title"]) for s in found])
    _report_failures(failed)
    raise typer.Exit(1 if failed else 0)


@app.command()
def story(story_id: Annotated[str, typer.Argument(help="story id (or a unique prefix)")],
          db: DB = DEFAULT_DB,
          format: Annotated[StoryFormat, typer.Option("--format")] = StoryFormat.markdown,
          as_json: JSON = False) -> None:
    """One story as a readable brief (markdown) or JSON."""
    from marsad.export import story_brief

    store = open_store(db)
    found = store.story(story_id)
    titles = {r["id"]: r.get("title") or "" for r in (store.get(a["id"]) or {} for a in (found or {}).get("articles", []))}
    store.close()
    if found is None:
        _fail_usage(f"no story {story_id!r}")
    if as_json or format is StoryFormat.json:
        print_json(found)
    else:
        typer.echo(story_brief(found, titles))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='words, "a phrase", or an English entity name')],
    db: DB = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100)] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
    outlet: Annotated[str | None, typer.Option("--outlet")] = None,
    since: Annotated[str | None, typer.Option("--since")] = None,
    until: Annotated[str | None, typer.Option("--until")] = None,
    person: Annotated[str | None, typer.Option("--person", help="entity id or name")] = None,
    story_id: Annotated[str | None, typer.Option("--story")] = None,
    as_json: JSON = False,
) -> None:
    """Full-text search (Arabic-aware, BM25) with snippets and highlight offsets."""
    from marsad.fulltext import search as run_search

    store = open_store(db)
    result = run_search(store, query, limit=limit, offset=offset, outlet=outlet, since=since,
                        until=until, person=person, story=story_id)
    store.close()
    if as_json:
        print_json(result)
    else:
        print_table(f"{result['total']} results", ["id", "published", "outlet", "title", "snippet"],
                    [(r["id"], r["published"], r["outlet"], r["title"], r["snippet"]) for r in result["results"]])


@app.command()
def serve(
    db: DB = DEFAULT_DB,
    port: Annotated[int, typer.Option("--port")] = 8000,
    host: Annotated[str, typer.Option("--host", help="bind address")] = "127.0.0.1",
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="accept POST /api/ingest")] = False,
) -> None:
    """REST API (OpenAPI at /docs) and the web UI, read-only by default."""
    from marsad.api import serve as run

    run(db, host=host, port=port, allow_ingest=allow_ingest)


@app.command()
def export(
    what: Annotated[str, typer.Option("--what", help="articles, stories, quotes or entities")],
    format: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet or markdown")],
    output: Annotated[str, typer.Option("--output", help="file path, or - for stdout")],
    db: DB = DEFAULT_DB,
    story_id: Annotated[str | None, typer.Option("--story")] = None,
    since: Annotated[str | None, typer.Option("--since")] = None,
) -> None:
    """Write articles, stories, quotes or entities as JSONL, CSV, Parquet or Markdown."""
    from marsad.export import export as run

    store = open_store(db)
    try:
        rows = run(store, what, format, output, story=story_id, since=since)
    except ValueError as exc:
        _fail_usage(str(exc))
    finally:
        store.close()
    if output != "-":
        typer.echo(f"wrote {rows} {what} to {output}", err=True)
