"""The library's public functions; the CLI and REST API are thin shells over these."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from marsad.article import Article
from marsad.errors import InputError
from marsad.executors import Executor, LocalExecutor
from marsad.pipeline import Outcome, article_from_raw, process, run_stages
from marsad.readers import RawInput, iter_inputs, jsonl_record
from marsad.settings import Settings
from marsad.store import Store, open_store

Progress = Callable[[Outcome], None]


def extract(
    text_or_html: str | bytes,
    *,
    source: str = "<string>",
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    crawled: str | None = None,
    html: bool | None = None,
    settings: Settings | None = None,
) -> Article:
    """Run the whole pipeline on one text or HTML page. Raises InputError for bad input.

    >>> article = extract("بكين - قال وزير الخارجية إن المحادثات كانت مثمرة وبناءة جدا.")
    >>> article.dateline
    'بكين'
    """
    settings = settings or Settings()
    data = text_or_html.encode("utf-8") if isinstance(text_or_html, str) else text_or_html
    given = {k: v for k, v in dict(url=url, title=title, published=published, outlet=outlet,
                                   crawled=crawled).items() if v}
    if html is None:
        html = data.lstrip()[:1].startswith(b"<")
    raw = RawInput(source=source, data=data, kind="html" if html else "text", given=given)
    return run_stages(article_from_raw(raw, settings), settings)


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0                        # already stored (same id)
    failed: list[tuple[str, str]] = field(default_factory=list)   # (source, reason)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def process_paths(
    paths: Iterable[str], settings: Settings | None = None, executor: Executor | None = None,
) -> Iterable[Outcome]:
    """Process inputs without a store, in input order."""
    settings = settings or Settings()
    executor = executor or LocalExecutor()
    raws = iter_inputs(paths, settings.max_input_bytes)
    return executor.map(partial(process, settings=settings), raws)


def ingest(
    paths: Iterable[str],
    store: Store,
    settings: Settings | None = None,
    executor: Executor | None = None,
    progress: Progress | None = None,
    build_stories: bool = True,
) -> IngestReport:
    """Process and store; articles already stored (same id) are skipped, never duplicated.
    Stories are rebuilt afterwards when anything new arrived."""
    report = IngestReport()
    for outcome in process_paths(paths, settings, executor):
        _record(outcome, store, report)
        if progress:
            progress(outcome)
    if build_stories and report.added:
        from marsad.storylines import build_stories as build

        build(store)
    return report


def _record(outcome: Outcome, store: Store, report: IngestReport) -> None:
    if outcome.article is None:
        report.failed.append((outcome.source, outcome.error or "unknown error"))
        return
    if store.add(outcome.article, outcome.raw, outcome.raw_format):
        report.added += 1
    else:
        report.skipped += 1


def reprocess(store: Store, settings: Settings | None = None, progress: Progress | None = None) -> IngestReport:
    """Re-run the current pipeline over every stored raw input; ids never change."""
    settings = settings or Settings()
    report = IngestReport()
    for stored in store.raw_inputs():
        if stored.raw_format == "jsonl":
            raw = jsonl_record(stored.data, stored.source)
        else:
            raw = RawInput(source=stored.source, data=stored.data, kind=stored.raw_kind)
        outcome = process(raw, settings)
        if outcome.article is None:
            report.failed.append((stored.source, outcome.error or "unknown error"))
        else:
            outcome.article.id = stored.id
            store.update(outcome.article)
            report.added += 1
        if progress:
            progress(outcome)
    if report.added:
        from marsad.storylines import build_stories

        build_stories(store)
    return report


def stories_in_store(db_or_store: str | Store, rebuild: bool = False) -> list[dict]:
    """The store's stories (built now if the store has none yet or `rebuild`)."""
    from marsad.storylines import build_stories

    store = open_store(db_or_store) if isinstance(db_or_store, str) else db_or_store
    try:
        found = store.stories()
        if rebuild or (not found and store.count()):
            found = build_stories(store)
        return found
    finally:
        if isinstance(db_or_store, str):
            store.close()


def stories_for_paths(paths: Iterable[str], crawled: str | None = None) -> tuple[list[dict], list[tuple[str, str]]]:
    """Process inputs without a store and cluster them: (stories, failures)."""
    from marsad.pipeline import refresh_after_redating
    from marsad.storylines import stories_of

    settings = Settings(crawled=crawled)
    articles, failed = [], []
    for outcome in process_paths(paths, settings):
        if outcome.article is None:
            failed.append((outcome.source, outcome.error or ""))
        else:
            articles.append(outcome.article)
    return stories_of(articles, on_redated=lambda a: refresh_after_redating(a, settings)), failed


__all__ = ["InputError", "IngestReport", "extract", "ingest", "open_store", "process_paths", "reprocess"]
