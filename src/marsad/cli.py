"""Command line: argument parsing plus one library call per command."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from marsad import api_lib
from marsad.cli_output import error_console, print_json, print_jsonl, print_table
from marsad.errors import MarsadError
from marsad.settings import Settings
from marsad.store import open_store

app = typer.Typer(add_completion=False, no_args_is_help=True, help="marsad (مرصد): Arabic news in, structured knowledge out.")
DB = Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL")]
JSON = Annotated[bool, typer.Option("--json", help="one JSON document")]
CRAWLED = Annotated[str | None, typer.Option("--crawled", help="reference time for relative dates: YYYY-MM-DD[THH:MM]")]
DEFAULT_DB = "./marsad.db"


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def _fail_usage(message: str) -> NoReturn:
    error_console().print(f"[red]error:[/red] {message}")
    raise typer.Exit(2)


def _report_failures(failed: list[tuple[str, str]]) -> None:
    console = error_console()
    for source, reason in failed:
        reason = reason if reason.startswith(source) else f"{source}: {reason}"
        console.print("failed: " + reason, highlight=False, markup=False)


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    console=Console(stderr=True), transient=True)


def _check_crawled(crawled: str | None) -> None:
    from marsad.arabic.dates import parse_iso_like

    if crawled and parse_iso_like(crawled) is None:
        _fail_usage(f"--crawled {crawled!r} is not YYYY-MM-DD[THH:MM]")


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="files, directories or - for stdin")],
    format: Annotated[ExtractFormat, typer.Option("--format", help="jsonl, json or table")] = ExtractFormat.jsonl,
    as_json: JSON = False,
    crawled: CRAWLED = None,
) -> None:
    """Process inputs without a store and print the records."""
    _check_crawled(crawled)
    settings = Settings(crawled=crawled)
    chosen = ExtractFormat.json if as_json else format
    records: list[dict[str, Any]] = []
    failed: list[tuple[str, str]] = []
    for outcome in api_lib.process_paths(paths, settings):
        if outcome.article is None:
            failed.append((outcome.source, outcome.error or ""))
        elif chosen is ExtractFormat.jsonl:
            print_jsonl([outcome.article.to_record()])
        else:
            records.append(outcome.article.to_record())
    if chosen is ExtractFormat.json:
        print_json({"articles": records})
    elif chosen is ExtractFormat.table:
        print_table("articles", ["id", "source", "published", "outlet", "title", "entities", "quotes"],
                    [(r["id"], r["source"], r["published"], r["outlet"], r["title"], len(r["entities"]), len(r["quotes"])) for r in records])
    _report_failures(failed)
    raise typer.Exit(1 if failed else 0)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, directories or - for stdin")],
    db: DB = DEFAULT_DB,
    crawled: CRAWLED = None,
    workers: Annotated[int, typer.Option("--workers", help="worker processes")] = 1,
    dask: Annotated[str | None, typer.Option("--dask", help="Dask scheduler address, or 'local'")] = None,
    as_json: JSON = False,
) -> None:
    """Process inputs and store them (idempotent: an article already stored is skipped)."""
    from marsad.executors import make_executor

    _check_crawled(crawled)
    store = open_store(db)
    executor = make_executor(workers, dask)
    try:
        with _progress() as progress:
            task = progress.add_task("ingesting", total=None)
            report = api_lib.ingest(paths, store, Settings(crawled=crawled), executor,
                                    progress=lambda _: progress.advance(task))
    finally:
        store.close()
        close = getattr(executor, "close", None)
        if close:
            close()
    summary = {"added": report.added, "skipped": report.skipped, "failed": len(report.failed)}
    if as_json:
        print_json(summary | {"errors": [{"source": s, "reason": r} for s, r in report.failed]})
    else:
        Console(stderr=True).print(f"added {report.added}, already stored {report.skipped}, failed {len(report.failed)}")
    _report_failures(report.failed)
    raise typer.Exit(report.exit_code)


@app.command()
def show(article_id: Annotated[str, typer.Argument(help="article id (or a unique prefix)")], db: DB = DEFAULT_DB) -> None:
    """Print one stored article record as JSON."""
    store = open_store(db)
    ids = [article_id] if store.has(article_id) else store.find_ids(article_id)
    record = store.get(ids[0]) if len(ids) == 1 else None
    store.close()
    if record is None:
        _fail_usage(f"no article {article_id!r}" if not ids else f"{article_id!r} is ambiguous")
    print_json(record)


@app.command()
def stats(db: DB = DEFAULT_DB, as_json: JSON = False) -> None:
    """Counts of articles, outlets, entities, quotes and stories in a store."""
    store = open_store(db)
    counts = store.stats()
    store.close()
    if as_json:
        print_json(counts)
    else:
        print_table("marsad store", ["what", "count"], counts.items())


@app.command()
def reprocess(db: DB = DEFAULT_DB, crawled: CRAWLED = None) -> None:
    """Re-run the current pipeline over every stored article (after an upgrade)."""
    store = open_store(db)
    with _progress() as progress:
        task = progress.add_task("reprocessing", total=store.count())
        report = api_lib.reprocess(store, Settings(crawled=crawled), progress=lambda _: progress.advance(task))
    store.close()
    Console(stderr=True).print(f"reprocessed {report.added}, failed {len(report.failed)}")
    _report_failures(report.failed)
    raise typer.Exit(report.exit_code)


@app.command()
def demo(db: DB = DEFAULT_DB) -> None:
    """Run the whole job on the bundled sample corpus into a fresh store and report."""
    from marsad.demo import run_demo
    from marsad.demo_report import print_demo_report

    try:
        report = run_demo(db)
    except MarsadError as exc:
        _fail_usage(str(exc))
    print_demo_report(report)
    raise typer.Exit(report.ingest.exit_code)


def main() -> None:
    import marsad.cli_more  # noqa: F401  (registers the remaining commands)

    try:
        app()
    except MarsadError as exc:
        error_console().print(f"error: {exc}", markup=False)
        sys.exit(2)
