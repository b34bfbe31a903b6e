"""REST API and web UI over a store: `create_app(db)` gives one FastAPI app serving both.

JSON under `/api/` (OpenAPI at `/docs`), HTML pages at `/`, `/search`, `/story/{id}`,
`/entity/{id}` and `/article/{id}`. Read-only unless `allow_ingest`: then `POST /api/ingest`
takes a text article, an HTML page or JSON lines and stores them as `marsad ingest` would.

    uvicorn --factory 'marsad.api:app_from_env'          # MARSAD_DB=./marsad.db
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from marsad import __version__
from marsad.fulltext import search as run_search
from marsad.settings import Settings
from marsad.web import ingest as ingest_body
from marsad.web import pages, queries, schemas
from marsad.web.state import SecurityHeaders, StoreHolder, store_of

STATIC = Path(__file__).parent / "web" / "static"
DATE = r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]{0,20})?$"
TYPES = r"^(?i:person|org|place|other)$"

Limit = Annotated[int, Query(ge=1, le=100, description="page size, 1 to 100")]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Since = Annotated[str | None, Query(pattern=DATE, description="YYYY-MM-DD (inclusive)")]
Name = Annotated[str | None, Query(min_length=1, max_length=200)]

router = APIRouter(prefix="/api", tags=["api"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": schemas.Problem}}


def _json(data: Any) -> Response:
    """The store's dicts as JSON, as they are: FastAPI's response validation and encoder would
    walk every nested record again (it doubled the time of a search request)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, media_type="application/json")


def _found(value: Any, what: str, key: str) -> Any:
    if value is None:
        raise HTTPException(status_code=404, detail=f"no {what} {key!r}")
    return value


@router.get("/articles", responses={200: {"model": schemas.ArticlePage}})
def list_articles(request: Request, limit: Limit = 20, offset: Offset = 0,
                  outlet: Name = None, since: Since = None) -> Response:
    """Article records (the contract's fields), latest first."""
    with store_of(request) as store:
        total, records = queries.list_articles(store, limit, offset, outlet, since)
    return _json({"total": total, "limit": limit, "offset": offset, "articles": records})


@router.get("/articles/{article_id}", responses={200: {"model": schemas.Article}, **NOT_FOUND})
def get_article(request: Request, article_id: str) -> Response:
    """One article record."""
    with store_of(request) as store:
        record = store.get(article_id)
    return _json(_found(record, "article", article_id))


@router.get("/stories", responses={200: {"model": schemas.StoryPage}})
def list_stories(request: Request, limit: Limit = 20, offset: Offset = 0) -> Response:
    """Stories (as `marsad stories --json` prints them), most recently active first."""
    with store_of(request) as store:
        total, stories = queries.list_stories(store, limit, offset)
    return _json({"total": total, "limit": limit, "offset": offset, "stories": stories})


@router.get("/stories/{story_id}", responses={200: {"model": schemas.Story}, **NOT_FOUND})
def get_story(request: Request, story_id: str) -> Response:
    """One story: articles, entities, quotes and the cited summary."""
    with store_of(request) as store:
        story = queries.story_of(store, story_id)
    return _json(_found(story, "story", story_id))


@router.get("/entities", responses={200: {"model": schemas.EntityList}})
def list_entities(
    request: Request,
    type: Annotated[str | None, Query(pattern=TYPES, description="PERSON, ORG, PLACE or OTHER")] = None,
    top: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    """Entities with mention and article counts, most mentioned first."""
    with store_of(request) as store:
        found = store.entities(type=type.upper() if type else None, top=top)
    return _json({"entities": found})


@router.get("/entities/{name_or_id}", responses={200: {"model": schemas.EntityDetail}, **NOT_FOUND})
def get_entity(request: Request, name_or_id: str) -> Response:
    """One entity by id (`person:sergey-lavrov`), English name or Arabic name."""
    with store_of(request) as store:
        entity = store.entity(name_or_id)
    return _json(_found(entity, "entity", name_or_id))


@router.get("/quotes", responses={200: {"model": schemas.QuoteList}})
def list_quotes(request: Request, speaker: Name = None, since: Since = None,
                limit: Limit = 100, offset: Offset = 0) -> Response:
    """Quotes in date order; `speaker` is an entity id or English name."""
    with store_of(request) as store:
        found = store.quotes(speaker=speaker, since=since, limit=offset + limit)
    return _json({"quotes": found[offset:]})


@router.get("/search", responses={200: {"model": schemas.SearchResult}})
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Arabic words, \"a phrase\" or an English name")],
    limit: Limit = 20, offset: Offset = 0, outlet: Name = None, since: Since = None,
    until: Since = None, person: Name = None, story: Name = None,
) -> Response:
    """Full-text search, best first (the contract's search JSON)."""
    with store_of(request) as store:
        result = run_search(store, q, limit=limit, offset=offset, outlet=outlet, since=since,
                            until=until, person=person, story=story)
    return _json(result)


@router.get("/stats", responses={200: {"model": schemas.Stats}})
def stats(request: Request) -> Response:
    """Counts of articles, outlets, entities, mentions, quotes, stories and duplicates."""
    with store_of(request) as store:
        counts = store.stats()
    return _json(counts)


INGEST_BODY = {"requestBody": {"required": True, "content": {
    media: {"schema": {"type": "string"}} for media in ("text/plain", "text/html", "application/x-ndjson")}}}


@router.post("/ingest", openapi_extra=INGEST_BODY, responses={
    200: {"model": schemas.IngestReport}, 403: {"model": schemas.Problem},
    413: {"model": schemas.Problem}, 415: {"model": schemas.Problem}})
async def ingest(
    request: Request,
    source: Annotated[str, Query(min_length=1, max_length=200, description="the records' `source`")] = "api",
    crawled: Since = None,
) -> Response:
    """Process and store a text article, an HTML page or JSON lines (only with ingest allowed)."""
    if not request.app.state.allow_ingest:
        raise HTTPException(status_code=403, detail="this server is read-only (start it with ingest allowed)")
    kind = ingest_body.body_kind(request.headers.get("content-type"))
    if kind is None:
        raise HTTPException(status_code=415, detail="send text/plain, text/html or application/x-ndjson")
    limit = request.app.state.max_ingest_bytes
    try:
        data = await ingest_body.read_limited(request, limit)
    except ingest_body.BodyTooLarge:
        raise HTTPException(status_code=413, detail=f"body over the {limit:,}-byte limit") from None
    settings: Settings = request.app.state.settings
    if crawled:
        settings = replace(settings, crawled=crawled)
    outcomes = await run_in_threadpool(ingest_body.process_body, data, kind, source, settings)

    def write() -> dict[str, Any]:
        with store_of(request) as store:
            request.app.state.home_stats = None       # counts changed
            return ingest_body.store_outcomes(store, outcomes).as_json()

    return _json(await run_in_threadpool(write))


def create_app(db: str, allow_ingest: bool = False, max_ingest_bytes: int = 5_000_000,
               settings: Settings | None = None) -> FastAPI:
    """The API and web UI over the store at `db` (a SQLite path or a postgresql:// URL).

    Raises MarsadError when a read-only app is pointed at a SQLite file that does not exist.
    """
    holder = StoreHolder(db, must_exist=not allow_ingest)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        holder.close()

    app = FastAPI(title="marsad", version=__version__, lifespan=lifespan,
                  description="Arabic news as structured records: articles, stories, entities, "
                              "quotes and search. Read-only unless started with ingest allowed.")
    app.state.stores = holder
    app.state.allow_ingest = allow_ingest
    app.state.max_ingest_bytes = max_ingest_bytes
    app.state.settings = settings or Settings()
    app.add_middleware(SecurityHeaders)
    app.include_router(router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    pages.install_error_pages(app)
    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, allow_ingest: bool = False,
          max_ingest_bytes: int = 5_000_000, log_level: str = "info") -> None:
    """Run the app with uvicorn until interrupted (what `marsad serve` calls)."""
    import uvicorn

    app = create_app(db, allow_ingest=allow_ingest, max_ingest_bytes=max_ingest_bytes)
    uvicorn.run(app, host=host, port=port, log_level=log_level)


def app_from_env() -> FastAPI:
    """For `uvicorn --factory`: the store from MARSAD_DB (default ./marsad.db), read-only."""
    return create_app(os.environ.get("MARSAD_DB", "./marsad.db"))
