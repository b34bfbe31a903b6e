"""Search on every backend: Arabic normalization, prefixes, phrases, filters, English names,
snippet highlights, escaping. Tests check result order and membership, never score values."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.api_lib import ingest
from marsad.fulltext import parse_query, search
from marsad.store import Store

ARTICLES = {
    "a.txt": "بكين - التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني وانغ يي في بكين لبحث العلاقات بين روسيا والصين.\n\nوقال لافروف إن العلاقات مع الصين في أفضل حالاتها.",
    "b.txt": "القاهرة - بحث وزير الخارجية المصري مع نظيره السعودي ملف المياه والتعاون في تحلية مياه البحر.\n\nوأكد الوزيران أهمية الأمن المائي للبلدين.",
    "c.txt": "الرياض - أعلنت هيئة المدن الاقتصادية عن مشروع جديد للنقل العام يربط الرياض بمدن الشمال خلال عامين.",
}


@pytest.fixture
def filled(store: Store, tmp_path: Path) -> Store:
    paths = []
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    ingest(paths, store)
    return store


def _sources(result: dict) -> list[str]:
    return [Path(r["source"]).name for r in result["results"]]


def test_prefixed_and_bare_forms_find_the_same_articles(filled: Store) -> None:
    assert _sources(search(filled, "والصين")) == _sources(search(filled, "الصين")) == ["a.txt"]


def test_hamza_and_taa_marbuta_variants_are_folded(filled: Store) -> None:
    assert _sources(search(filled, "اعلنت")) == ["c.txt"]
    assert _sources(search(filled, "تحليه")) == ["b.txt"]


def test_phrase_query_needs_the_words_together(filled: Store) -> None:
    assert _sources(search(filled, '"الأمن المائي"')) == ["b.txt"]
    assert search(filled, '"المائي الأمن"')["total"] == 0


def test_ranking_puts_the_article_with_more_hits_first(filled: Store) -> None:
    assert _sources(search(filled, "الخارجية"))[0] in ("a.txt", "b.txt")
    assert search(filled, "وزير")["total"] == 2


def test_english_entity_name_finds_arabic_articles(filled: Store) -> None:
    result = search(filled, "Lavrov")
    assert _sources(result) == ["a.txt"]
    hit = result["results"][0]
    for start, end in hit["highlights"]:
        assert "لافروف" in hit["snippet"][start:end]


def test_highlights_point_into_the_plain_snippet(filled: Store) -> None:
    hit = search(filled, "والصين")["results"][0]
    assert hit["highlights"] and "<" not in hit["snippet"]
    for start, end in hit["highlights"]:
        assert hit["snippet"][start:end] in ("الصين", "والصين")


def test_filters_by_outlet_date_and_person(filled: Store) -> None:
    assert search(filled, "وزير", person="Sergey Lavrov")["total"] == 1
    assert search(filled, "وزير", outlet="No Such Outlet")["total"] == 0


def test_limit_and_offset_page_through_results(filled: Store) -> None:
    first = search(filled, "وزير", limit=1)
    second = search(filled, "وزير", limit=1, offset=1)
    assert first["total"] == second["total"] == 2
    assert _sources(first) != _sources(second)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from('ابت "*():^-ORNEAND{}[]\'؟ ') , max_size=30))
def test_any_user_input_is_safe(query: str) -> None:
    from marsad.store.sqlite import SQLiteStore

    store = SQLiteStore(":memory:")
    result = search(store, query)
    assert result["total"] == 0
    store.close()


def test_parse_query_keys_strip_prefixes() -> None:
    assert parse_query('والصين "الأمن المائي"') == [["صين"], ["امن", "مايي"]]
