"""Exports round-trip: JSONL lines parse back to the records, CSV has the documented header,
Parquet reads back with pyarrow, Markdown briefs cite their articles and stay inert."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad import export as export_module
from marsad.export import CSV_COLUMNS, export
from marsad.store import Store, open_store
from tests.test_api import XSS_SCRIPT, Corpus, build_corpus

WHATS = ["articles", "stories", "quotes", "entities"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp("export"))


@pytest.fixture
def store(corpus: Corpus) -> Iterator[Store]:
    opened = open_store(corpus.db)
    yield opened
    opened.close()


def _expected_count(store: Store, what: str) -> int:
    return {"articles": store.count(), "stories": len(store.stories()), "quotes": len(store.quotes()),
            "entities": len(store.entities())}[what]


@pytest.mark.parametrize("what", WHATS)
def test_jsonl_lines_parse_back(store: Store, tmp_path: Path, what: str) -> None:
    out = tmp_path / f"{what}.jsonl"
    written = export(store, what, "jsonl", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert written == len(rows) == _expected_count(store, what)


def test_jsonl_articles_are_the_stored_records(store: Store, tmp_path: Path) -> None:
    export(store, "articles", "jsonl", tmp_path / "a.jsonl")
    for line in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record == store.get(record["id"])


def _documented_columns(what: str) -> list[str]:
    doc = export_module.__doc__ or ""
    block = re.search(rf"^\s+{what}:\s+(.*?)(?=^\s+\w+:\s|\Z)", doc, re.S | re.M)
    assert block, f"{what} columns are not documented"
    names = re.sub(r"\([^)]*\)", "", block.group(1))           # drop the explanations in brackets
    return [c.strip() for c in names.split(",")]


@pytest.mark.parametrize("what", WHATS)
def test_csv_header_is_the_documented_one(store: Store, tmp_path: Path, what: str) -> None:
    out = tmp_path / f"{what}.csv"
    written = export(store, what, "csv", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(CSV_COLUMNS[what]) == _documented_columns(what)
    assert written == len(rows) - 1 == _expected_count(store, what)


def test_csv_flattens_people_and_counts(store: Store, corpus: Corpus, tmp_path: Path) -> None:
    export(store, "articles", "csv", tmp_path / "a.csv")
    with (tmp_path / "a.csv").open(encoding="utf-8", newline="") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    moscow = rows[corpus.ids["moscow_a"]]
    assert moscow["people"] == "Sergey Lavrov;Wang Yi"
    assert moscow["entity_ids"] == "person:sergey-lavrov;person:wang-yi;place:moscow"
    assert (moscow["quotes_count"], moscow["story_id"]) == ("1", "s-moscow")
    assert "\n\n" in moscow["text"]                     # paragraphs survive quoting
    assert int(rows[corpus.ids["cairo"]]["removed_count"]) >= 2


@pytest.mark.parametrize("what", WHATS)
def test_parquet_reads_back_with_pyarrow(store: Store, tmp_path: Path, what: str) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / f"{what}.parquet"
    written = export(store, what, "parquet", out)
    table = pq.read_table(out)
    assert written == table.num_rows == _expected_count(store, what)


def test_parquet_keeps_nested_entities_and_quotes(store: Store, corpus: Corpus, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    export(store, "articles", "parquet", tmp_path / "a.parquet")
    rows = {r["id"]: r for r in pq.read_table(tmp_path / "a.parquet").to_pylist()}
    record = store.get(corpus.ids["moscow_a"]) or {}
    assert rows[record["id"]]["entities"] == record["entities"]
    assert rows[record["id"]]["quotes"] == record["quotes"]


def test_markdown_brief_per_story_cites_articles(store: Store, corpus: Corpus, tmp_path: Path) -> None:
    out = tmp_path / "moscow.md"
    assert export(store, "stories", "markdown", out, story="s-moscow") == 1
    brief = out.read_text(encoding="utf-8")
    assert brief.startswith("# روسيا والصين: تبادل الطلاب")
    for heading in ("## Timeline", "## People", "## Quotes", "## Summary"):
        assert heading in brief
    assert "2025-03-25 – 2025-03-26" in brief and "Al-Ofuq, Nile Today" in brief
    assert "اتفق لافروف ووانغ يي على برنامج لتبادل الطلاب. [1]" in brief
    assert corpus.ids["moscow_b"] in brief


def test_markdown_escapes_html_in_article_text(store: Store, tmp_path: Path) -> None:
    export(store, "stories", "markdown", tmp_path / "xss.md", story="s-xss")
    brief = (tmp_path / "xss.md").read_text(encoding="utf-8")
    assert XSS_SCRIPT not in brief and "\\<script\\>" in brief


def test_story_and_since_narrow_every_export(store: Store, corpus: Corpus, tmp_path: Path) -> None:
    assert export(store, "articles", "jsonl", tmp_path / "a", story="s-moscow") == 2
    assert export(store, "quotes", "jsonl", tmp_path / "q", story="s-moscow") == 2
    assert export(store, "entities", "jsonl", tmp_path / "e", story="s-moscow") == 3
    assert export(store, "articles", "jsonl", tmp_path / "b", since="2025-05-01") == 2
    assert export(store, "stories", "jsonl", tmp_path / "s", since="2025-05-01") == 2


def test_dash_writes_to_stdout(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(store, "entities", "jsonl", "-") == len(store.entities())
    assert json.loads(capsys.readouterr().out.splitlines()[0])["id"] == "person:sergey-lavrov"


@pytest.mark.parametrize(("what", "fmt", "message"), [
    ("people", "jsonl", "cannot export 'people'"),
    ("articles", "xlsx", "unknown export format 'xlsx'"),
    ("articles", "markdown", "markdown export is for stories only"),
])
def test_unknown_combinations_raise_value_error(store: Store, tmp_path: Path, what: str, fmt: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        export(store, what, fmt, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_unknown_story_raises_value_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no story 'nope'"):
        export(store, "stories", "jsonl", tmp_path / "out", story="nope")
