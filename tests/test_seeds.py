"""The five shared seeds: structure goldens by raw line number (no seed text is copied here)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import marsad
from marsad.article import CONTRACT_FIELDS
from tests.conftest import seed_file

# seed: (lines that must be in the body, first line of junk/trailing that must be gone, title line)
GOLDEN = {
    "000": {"keep": range(1, 20), "drop": [25, *range(27, 90)], "title": None},
    "001": {"keep": range(1, 7), "drop": range(7, 40), "title": None},
    "002": {"keep": range(5, 24), "drop": [3, 25], "title": 1},
    "003": {"keep": range(3, 10), "drop": range(10, 20), "title": 1},
    "004": {"keep": range(9, 36), "drop": [1, *range(5, 8), *range(37, 60)], "title": 3},
}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize("seed", sorted(GOLDEN))
def test_seed_body_keeps_article_lines_and_drops_junk(seed: str) -> None:
    path = seed_file(seed)
    lines = _lines(path)
    article = marsad.extract(path.read_bytes(), source=str(path))
    for number in GOLDEN[seed]["keep"]:
        # an agency credit glued to the last paragraph, "(AGENCY)", moves to metadata
        line = re.sub(r"\s*\([^()]{2,25}\)$", "", lines[number - 1].strip())
        if line:
            assert line in article.text, f"{path.name}:{number} lost"
    for number in GOLDEN[seed]["drop"]:
        if number <= len(lines) and len(lines[number - 1].strip()) > 3:
            assert lines[number - 1].strip() not in article.text, f"{path.name}:{number} kept"


@pytest.mark.parametrize("seed", sorted(GOLDEN))
def test_seed_title_is_the_headline_line_or_none(seed: str) -> None:
    path = seed_file(seed)
    title_line = GOLDEN[seed]["title"]
    article = marsad.extract(path.read_bytes(), source=str(path))
    expected = _lines(path)[title_line - 1].strip() if title_line else None
    assert article.title == expected
    if expected:
        assert expected not in article.text


def test_seed_dates_are_right_and_none_is_invented() -> None:
    by_seed = {s: marsad.extract(seed_file(s).read_bytes()) for s in GOLDEN}
    assert (by_seed["000"].published, by_seed["000"].published_source) == ("2024-04-09", "updated")
    assert by_seed["000"].updated == "2024-04-09T09:39"
    assert (by_seed["002"].published, by_seed["002"].published_source) == ("2024-04-09T20:51:54", "explicit")
    for seed in ("001", "003", "004"):
        assert by_seed[seed].published is None


def test_relative_date_uses_the_crawl_time() -> None:
    article = marsad.extract(seed_file("001").read_bytes(), crawled="2025-04-01")
    assert (article.published, article.published_source) == ("2025-04-01", "relative")


def test_every_seed_gives_a_full_contract_record_with_valid_offsets(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        record = marsad.extract(path.read_bytes(), source=str(path)).to_record()
        assert set(CONTRACT_FIELDS) <= set(record)
        assert record["text"].strip() and record["language"] == "ar"
        for entity in record["entities"]:
            for mention in entity["mentions"]:
                assert record["text"][mention["start"] : mention["end"]] == mention["text"]
        for quote in record["quotes"]:
            assert record["text"][quote["start"] : quote["end"]] == quote["text"]
