"""`POST /api/ingest`: one request body in, the same processing as `marsad ingest`, a report out.

The body is a text article (`text/plain`), an HTML page (`text/html`) or JSON lines
(`application/x-ndjson`, keys as in JSONL input files). The pipeline runs outside the store
lock; only the writes hold it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request

from marsad.pipeline import Outcome, process
from marsad.readers import RawInput, jsonl_records
from marsad.settings import Settings
from marsad.store import Store

KINDS = {
    "text/plain": "text",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/jsonlines": "jsonl",
    "application/json-lines": "jsonl",
}


class BodyTooLarge(Exception):
    pass


@dataclass
class IngestResult:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The shape of `marsad ingest --json`, plus the ids added and skipped."""
        return {"added": len(self.added), "skipped": len(self.skipped), "failed": len(self.errors),
                "errors": self.errors, "ids": {"added": self.added, "skipped": self.skipped}}


def body_kind(content_type: str | None) -> str | None:
    media = (content_type or "").split(";")[0].strip().lower()
    return KINDS.get(media)


async def read_limited(request: Request, max_bytes: int) -> bytes:
    """The body, or BodyTooLarge as soon as it passes `max_bytes` (chunked bodies included)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise BodyTooLarge
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def raw_inputs(data: bytes, kind: str, source: str) -> list[RawInput]:
    if kind == "jsonl":
        return list(jsonl_records(data, source))
    return [RawInput(source=source, data=data, kind=kind)]


def process_body(data: bytes, kind: str, source: str, settings: Settings) -> list[Outcome]:
    """Run the pipeline over every input in the body, in order (no store needed)."""
    return [process(raw, settings) for raw in raw_inputs(data, kind, source)]


def store_outcomes(store: Store, outcomes: list[Outcome]) -> IngestResult:
    """Write what processed; an article already stored (same id) is skipped, as in the CLI."""
    result = IngestResult()
    for outcome in outcomes:
        if outcome.article is None:
            result.errors.append({"source": outcome.source, "reason": outcome.error or "unknown error"})
        elif store.add(outcome.article, outcome.raw, outcome.raw_format):
            result.added.append(outcome.article.id)
        else:
            result.skipped.append(outcome.article.id)
    return result
