"""Golden tests over the bundled sample corpus (src/marsad/sample/expected.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import pytest

from marsad.api_lib import process_paths
from marsad.demo import SAMPLE_DIR, sample_paths, sample_settings
from marsad.settings import Settings

EXPECTED: dict[str, dict[str, Any]] = json.loads((SAMPLE_DIR / "expected.json").read_text(encoding="utf-8"))["files"]


@lru_cache(maxsize=4)
def _records(crawled: str | None = None) -> dict[str, dict[str, Any]]:
    base = sample_settings()
    settings = Settings(outlet_files=base.outlet_files, crawled=crawled)
    out = {}
    for outcome in process_paths(sample_paths(), settings):
        assert outcome.article is not None, outcome.error
        name = outcome.source.rsplit("/", 1)[-1]
        out[name] = outcome.article.to_record()
    return out


def _record(name: str) -> dict[str, Any]:
    return _records(EXPECTED[name].get("crawled"))[name]


def test_sample_is_large_and_varied_enough() -> None:
    outlets = {e["outlet"] for e in EXPECTED.values() if e["outlet"]}
    stories = {e["story"] for e in EXPECTED.values()}
    assert len(EXPECTED) >= 15 and len(outlets) >= 4 and len(stories) >= 4
    suffixes = {name.split(":")[0].rsplit(".", 1)[-1] for name in EXPECTED}
    assert {"txt", "html", "jsonl"} <= suffixes


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_body_keeps_the_article_and_drops_the_junk(name: str) -> None:
    text = _record(name)["text"]
    for snippet in EXPECTED[name]["must_contain"]:
        assert snippet in text, f"{name}: lost {snippet!r}"
    for snippet in EXPECTED[name]["must_not_contain"]:
        assert snippet not in text, f"{name}: kept {snippet!r}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_metadata_is_right(name: str) -> None:
    record, expected = _record(name), EXPECTED[name]
    got = {k: record[k] for k in ("title", "published", "published_source", "outlet", "dateline")}
    want = {k: expected[k] for k in got}
    assert got == want
