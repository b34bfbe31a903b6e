"""The one record that flows through every stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The contract fields, in the order they are printed (../shared/CONTRACT.md).
CONTRACT_FIELDS = (
    "id", "source", "url", "title", "published", "published_source", "updated", "crawled",
    "outlet", "agency", "author", "dateline", "dateline_id", "language", "text", "removed",
    "entities", "quotes", "duplicate_of",
)


@dataclass(slots=True)
class Article:
    """One news article on its way from raw bytes to structured record.

    Stages read and write named fields; `to_record()` gives the contract's JSON view.
    """

    id: str
    source: str
    raw_kind: str = "text"          # "text" or "html": how the input must be read
    raw_text: str = ""              # decoded input (HTML source or scraped text)
    url: str | None = None
    title: str | None = None
    published: str | None = None
    published_source: str | None = None
    updated: str | None = None
    crawled: str | None = None
    outlet: str | None = None
    agency: str | None = None
    author: str | None = None
    dateline: str | None = None
    dateline_id: str | None = None
    language: str = "und"
    text: str = ""
    removed: list[str] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    duplicate_of: str | None = None
    # Working fields shared between stages, not part of the contract.
    body_source: str = ""           # text extracted from HTML (or the raw text) before cleaning
    html_meta: dict[str, str] = field(default_factory=dict)
    header_lines: list[str] = field(default_factory=list)   # metadata candidates before the body
    footer_lines: list[str] = field(default_factory=list)   # metadata candidates after the body
    given: dict[str, str] = field(default_factory=dict)     # fields given by the input (JSONL)
    story_id: str | None = None
    pipeline_version: str = ""

    def to_record(self) -> dict[str, Any]:
        """The contract's article record, plus `story_id` and `pipeline_version`."""
        record = {name: getattr(self, name) for name in CONTRACT_FIELDS}
        record["story_id"] = self.story_id
        record["pipeline_version"] = self.pipeline_version
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Article:
        known = {k: v for k, v in record.items() if k in cls.__dataclass_fields__}
        return cls(**known)
