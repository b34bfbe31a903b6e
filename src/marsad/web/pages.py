"""The HTML pages: home, search, story, entity (person) and article. Read-only.

Templates autoescape everything; the only pre-built HTML they receive comes from
`marsad.web.render`, which escapes each piece of article text itself.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.fulltext import search as run_search
from marsad.store import Store
from marsad.web import queries, render
from marsad.web.state import store_of

TEMPLATES = Path(__file__).parent / "templates"
PAGE_SIZE = 20
STATS_TTL = 30.0
DATE = r"^(\d{4}-\d{2}-\d{2})?$"

_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
                   lstrip_blocks=True)
_env.filters["path_id"] = render.path_id
_env.filters["day"] = lambda value: value[:10] if isinstance(value, str) else "—"
templates = Jinja2Templates(env=_env)
router = APIRouter(include_in_schema=False)

Text = Annotated[str, Query(max_length=500)]
Day = Annotated[str, Query(pattern=DATE)]


def _page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def _missing(what: str, key: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"لا يوجد {what}: {key}")


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    with store_of(request) as store:
        total, stories = queries.list_stories(store, PAGE_SIZE, 0)
        articles = [] if stories else queries.list_articles(store, PAGE_SIZE, 0)[1]
        counts = _home_stats(request, store)
    return _page(request, "home.html", stories=stories, stories_total=total,
                 articles=articles, stats=counts)


def _home_stats(request: Request, store: Store) -> dict[str, int]:
    """The store's counts, recomputed at most every STATS_TTL seconds: they scan whole tables,
    and the home page is the most visited one. `/api/stats` is always fresh."""
    cached: tuple[float, dict[str, int]] | None = getattr(request.app.state, "home_stats", None)
    now = time.monotonic()
    if cached is None or now - cached[0] > STATS_TTL:
        cached = (now, store.stats())
        request.app.state.home_stats = cached
    return cached[1]


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Text = "", page: Annotated[int, Query(ge=1, le=5000)] = 1,
                outlet: Text = "", since: Day = "", until: Day = "", person: Text = "",
                story: Text = "") -> HTMLResponse:
    result: dict[str, Any] = {"total": 0, "results": []}
    if q.strip():
        with store_of(request) as store:
            result = run_search(store, q, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
                                outlet=outlet or None, since=since or None, until=until or None,
                                person=person or None, story=story or None)
    for hit in result["results"]:
        hit["snippet_html"] = render.highlight_snippet(hit.get("snippet") or "", hit.get("highlights") or [])
    filters = {k: v for k, v in dict(outlet=outlet, since=since, until=until, person=person,
                                      story=story).items() if v}
    pages = (result["total"] + PAGE_SIZE - 1) // PAGE_SIZE

    def link(number: int) -> str | None:
        return "/search?" + urlencode({"q": q, "page": number, **filters}) if 1 <= number <= pages else None

    return _page(request, "search.html", q=q, result=result, page=page, pages=pages,
                 filters=filters, prev_url=link(page - 1), next_url=link(page + 1),
                 unfiltered_url="/search?" + urlencode({"q": q}))


@router.get("/story/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    with store_of(request) as store:
        story = queries.story_of(store, story_id)
        if story is None:
            raise _missing("قصة", story_id)
        titles = queries.titles(store, [a["id"] for a in story.get("articles", [])])
        names = queries.arabic_names(store, [e["id"] for e in story.get("entities", []) if "id" in e])
    return _page(request, "story.html", **story_context(story, titles, names))


def story_context(story: dict[str, Any], titles: dict[str, str | None],
                  arabic: dict[str, str | None]) -> dict[str, Any]:
    """Everything the story page shows: the story record plus its articles' titles and its
    entities' Arabic names."""
    timeline = [{**a, "title": titles.get(a["id"])} for a in story.get("articles", [])]
    outlet_of = {a["id"]: a.get("outlet") for a in timeline}
    number = {a["id"]: i for i, a in enumerate(timeline, start=1)}
    outlets: dict[str, int] = {}
    for item in timeline:
        outlets[item.get("outlet") or "—"] = outlets.get(item.get("outlet") or "—", 0) + 1
    entities = [{**e, "name_ar": e.get("name_ar") or arabic.get(e.get("id"))} for e in story.get("entities", [])]
    people = [e for e in entities if str(e.get("id", "")).startswith("person:")]
    others = [e for e in entities if not str(e.get("id", "")).startswith("person:")]
    summary = [{**s, "number": number.get(s.get("article", ""))} for s in story.get("summary", [])]
    quotes = render.group_quotes(story.get("quotes", []), outlet_of)
    for item in quotes:
        item["cites"] = [(a, number.get(a)) for a in item["articles"]]
    return {"story": story, "timeline": timeline, "outlets": sorted(outlets.items()),
            "people": people, "others": others, "summary": summary, "quotes": quotes}


@router.get("/entity/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    with store_of(request) as store:
        entity = store.entity(entity_id)
    if entity is None:
        raise _missing("كيان", entity_id)
    return _page(request, "entity.html", entity=entity,
                 quotes_by_month=render.by_month(entity.get("quotes", [])))


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    with store_of(request) as store:
        record = store.get(article_id)
        if record is None:
            raise _missing("مقال", article_id)
        story_id = record.get("story_id")
        story = queries.story_of(store, story_id) if story_id else None
    return _page(request, "article.html", **article_context(record, story))


def article_context(record: dict[str, Any], story: dict[str, Any] | None) -> dict[str, Any]:
    """The article page: its record, the highlighted text, its story and a safe source link."""
    body = render.highlight_article(record.get("text", ""), record.get("entities", []),
                                    record.get("quotes", []))
    return {"article": record, "body": body, "story": story, "url": render.safe_url(record.get("url"))}


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/static/", "/docs", "/openapi"))


def install_error_pages(app: FastAPI) -> None:
    """HTML error pages for the pages; the API keeps FastAPI's JSON errors."""

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if not _wants_html(request):
            return await http_exception_handler(request, exc)
        return _page(request, "error.html", status_code=exc.status_code,
                     status=exc.status_code, detail=str(exc.detail))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        if not _wants_html(request):
            return await request_validation_exception_handler(request, exc)
        return _page(request, "error.html", status_code=400, status=400,
                     detail="طلب غير صالح: تحقق من المعاملات")

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)

