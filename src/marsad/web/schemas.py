"""Response shapes for the OpenAPI document (/docs). Documentation only: endpoints return the
store's dicts as they are (no per-request validation cost); tests check the two agree.

Every model allows extra fields, because the output contract lets fields be added.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Span(Open):
    start: int
    end: int
    text: str


class Entity(Open):
    id: str
    name: str | None
    name_ar: str | None = None
    type: str
    mentions: list[Span]


class Quote(Open):
    text: str
    kind: str
    speaker: str | None
    speaker_name: str | None
    cue: str | None = None
    start: int
    end: int


class Article(Open):
    id: str
    source: str
    url: str | None
    title: str | None
    published: str | None
    published_source: str | None
    outlet: str | None
    language: str
    text: str
    removed: list[str]
    entities: list[Entity]
    quotes: list[Quote]
    duplicate_of: str | None


class ArticlePage(Open):
    total: int
    limit: int
    offset: int
    articles: list[Article]


class StoryArticle(Open):
    id: str
    source: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_source: str | None = None


class StoryQuote(Open):
    speaker_name: str | None
    text: str
    articles: list[str]


class SummarySentence(Open):
    text: str
    article: str


class Story(Open):
    id: str
    title: str | None
    first: str | None
    last: str | None
    articles: list[StoryArticle]
    entities: list[Open]
    quotes: list[StoryQuote]
    summary: list[SummarySentence]


class StoryPage(Open):
    total: int
    limit: int
    offset: int
    stories: list[Story]


class EntityCount(Open):
    id: str
    name: str | None
    name_ar: str | None
    type: str | None
    mentions: int
    articles: int


class EntityList(Open):
    entities: list[EntityCount]


class StoredQuote(Open):
    article: str
    index: int
    speaker: str | None
    speaker_name: str | None
    kind: str | None
    text: str | None
    published: str | None
    outlet: str | None


class QuoteList(Open):
    quotes: list[StoredQuote]


class EntityDetail(Open):
    id: str
    name: str | None
    name_ar: str | None
    type: str | None
    mentions: int
    articles: list[Open]
    quotes: list[StoredQuote]


class SearchHit(Open):
    id: str
    title: str | None
    source: str | None
    outlet: str | None
    published: str | None
    snippet: str
    highlights: list[list[int]]
    score: float


class SearchResult(Open):
    total: int
    results: list[SearchHit]


class IngestErrors(Open):
    source: str
    reason: str


class IngestReport(Open):
    added: int
    skipped: int
    failed: int
    errors: list[IngestErrors]


class Stats(Open):
    articles: int
    outlets: int
    entities: int
    mentions: int
    quotes: int
    stories: int
    duplicates: int


class Problem(Open):
    detail: str
