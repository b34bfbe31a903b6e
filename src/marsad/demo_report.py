"""A readable terminal report of `marsad demo` (CLI side: this module prints)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from marsad.demo import DemoReport


def print_demo_report(report: DemoReport) -> None:
    console = Console()
    console.print(Panel.fit(
        f"marsad demo — {report.ingest.added} articles ingested into {report.db}"
        f" ({report.ingest.skipped} already stored, {len(report.ingest.failed)} failed)"
    ))
    table = Table(title="articles", show_lines=False)
    for column in ("id", "outlet", "published", "dateline", "title", "people", "quotes"):
        table.add_column(column, overflow="fold")
    for record in report.articles:
        people = ", ".join(e["name"] for e in record.get("entities", []) if e["type"] == "PERSON")
        table.add_row(record["id"][:10], record.get("outlet") or "", record.get("published") or "",
                      record.get("dateline") or "", (record.get("title") or "")[:60], people[:80],
                      str(len(record.get("quotes", []))))
    console.print(table)
    for story in report.stories:
        _print_story(console, story)
    stats = Table(title="store")
    stats.add_column("what")
    stats.add_column("count")
    for key, value in report.stats.items():
        stats.add_row(key, str(value))
    console.print(stats)
    for _source, reason in report.ingest.failed:
        console.print(f"failed: {reason}", markup=False)


def _print_story(console: Console, story: dict[str, Any]) -> None:
    outlets = sorted({a.get("outlet") or "?" for a in story["articles"]})
    lines = [f"[bold]{story.get('title') or ''}[/bold]",
             f"{story.get('first') or '?'} → {story.get('last') or '?'} · {len(story['articles'])} articles · {', '.join(outlets)}"]
    people = [e["name"] for e in story.get("entities", [])[:6]]
    if people:
        lines.append("who: " + ", ".join(people))
    for quote in story.get("quotes", [])[:3]:
        lines.append(f"“{quote['text'][:110]}” — {quote.get('speaker_name') or '?'} ({len(quote['articles'])} articles)")
    for sentence in story.get("summary", []):
        lines.append(f"• {sentence['text'][:160]} [{sentence['article'][:8]}]")
    console.print(Panel("\n".join(lines), title=f"story {story['id'][:12]}", expand=False))
