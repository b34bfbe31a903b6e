"""The ordered stages, and how one raw input becomes one Article.

A stage is a plain function `stage(article, settings) -> article`. The pipeline knows nothing
of storage or parallelism: executors call `process` on raw inputs, stores keep the results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from marsad.article import Article
from marsad.decode import decode_bytes
from marsad.errors import InputError
from marsad.readers import RawInput
from marsad.settings import Settings
from marsad.stages.clean import clean
from marsad.stages.entities import entities
from marsad.stages.html import extract_html
from marsad.stages.language import language
from marsad.stages.metadata import metadata
from marsad.stages.quotes import quotes

# Bump when any stage changes its output, so `marsad reprocess` knows what is stale.
PIPELINE_REVISION = 1
Stage = Callable[[Article, Settings], Article]


def _prepare(article: Article, settings: Settings) -> Article:
    if article.raw_kind == "html":
        return extract_html(article)
    article.body_source = article.raw_text
    return article


def _arabic_only(stage: Stage) -> Stage:
    def run(article: Article, settings: Settings) -> Article:
        return stage(article, settings) if article.language == "ar" else article

    run.__name__ = stage.__name__
    return run


def _language(article: Article, settings: Settings) -> Article:
    return language(article)


# The stages that depend on the article's date (role titles resolve through office dates):
# re-run when an article only learns its date later, from its story.
DATE_DEPENDENT_STAGES: tuple[Stage, ...] = (_arabic_only(entities), _arabic_only(quotes))
STAGES: tuple[Stage, ...] = (_prepare, clean, _language, metadata, *DATE_DEPENDENT_STAGES)


def refresh_after_redating(article: Article, settings: Settings | None = None) -> Article:
    settings = settings or Settings()
    for stage in DATE_DEPENDENT_STAGES:
        article = stage(article, settings)
    return article


def pipeline_version() -> str:
    from marsad import __version__

    return f"{__version__}+p{PIPELINE_REVISION}"


@dataclass
class Outcome:
    """What processing one input gave: an article, or the error that names it."""

    source: str
    article: Article | None = None
    raw: bytes = b""
    error: str | None = None
    raw_format: str = "file"    # "jsonl" when `raw` is one JSON Lines record (reprocess re-reads it so)


def article_from_raw(raw: RawInput, settings: Settings) -> Article:
    text = raw.text if raw.text is not None else decode_bytes(raw.data, raw.source, raw.kind == "html")
    if raw.text is not None and not text.strip():
        raise InputError(raw.source, "empty input")
    return Article(
        id=raw.id, source=raw.source, raw_kind=raw.kind, raw_text=text,
        url=raw.given.get("url"), title=raw.given.get("title"), given=dict(raw.given),
        crawled=raw.given.get("crawled") or settings.crawled,
    )


def run_stages(article: Article, settings: Settings) -> Article:
    for stage in STAGES:
        article = stage(article, settings)
    if not article.text.strip():
        raise InputError(article.source, "no article text left after cleaning")
    article.pipeline_version = pipeline_version()
    return article


def process(raw: RawInput, settings: Settings) -> Outcome:
    """Never raises for bad input: the error is returned, naming the input and the reason."""
    if raw.error is not None:
        return Outcome(raw.source, error=str(raw.error))
    try:
        article = run_stages(article_from_raw(raw, settings), settings)
    except InputError as exc:
        return Outcome(raw.source, error=str(exc))
    except RecursionError:
        return Outcome(raw.source, error=f"{raw.source}: input too deeply nested to process")
    raw_format = "jsonl" if raw.text is not None else "file"
    return Outcome(raw.source, article=article, raw=raw.data, raw_format=raw_format)
