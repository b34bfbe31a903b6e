import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.dates import find_dates, find_relative, resolve_relative


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-04-09", "2024-04-09"),
        ("2024-04-09 20:51:54", "2024-04-09T20:51:54"),
        ("2024-04-09T10:20:00+03:00", "2024-04-09T10:20:00+03:00"),
        ("09/04/2024", "2024-04-09"),
        ("٩/٤/٢٠٢٤", "2024-04-09"),
        ("9 أبريل 2024", "2024-04-09"),
        ("9 نيسان 2024", "2024-04-09"),
        ("9 أفريل 2024", "2024-04-09"),
        ("الثلاثاء 11 آذار/مارس 2025", "2025-03-11"),
        ("3 تشرين الأول 2023", "2023-10-03"),
        ("3 كانون الثاني 2023", "2023-01-03"),
        ("20 جوان 2023", "2023-06-20"),
        ("20 يونيو 2023", "2023-06-20"),
        ("20 حزيران 2023", "2023-06-20"),
        ("5 غشت 2022", "2022-08-05"),
        ("آخر تحديث: 9 أبريل 2024 - 09:39", "2024-04-09T09:39"),
        ("22 ربيع الآخر 1445 هـ", "2023-11-06"),
        ("1 رمضان 1446", "2025-03-01"),
    ],
)
def test_dates_in_every_common_arabic_form(text: str, expected: str) -> None:
    assert [m.iso() for m in find_dates(text)] == [expected]


def test_contradictory_double_month_is_not_guessed() -> None:
    assert find_dates("11 آذار/أبريل 2025") == []


def test_impossible_dates_are_ignored() -> None:
    assert find_dates("31/02/2024") == []
    assert find_dates("2024-13-45") == []


def test_relative_day_resolves_against_the_crawl_date() -> None:
    rel = find_relative("في موسكو اليوم الثلاثاء، إن")[0]
    assert resolve_relative(rel, dt.date(2025, 4, 1)) == dt.date(2025, 4, 1)      # crawled that Tuesday
    assert resolve_relative(rel, dt.date(2025, 4, 2)) == dt.date(2025, 4, 1)      # crawled next day
    assert resolve_relative(rel, dt.date(2025, 4, 6)) is None                     # too far: no guess


def test_yesterday_with_weekday() -> None:
    rel = find_relative("وصل أمس الاثنين إلى بكين")[0]
    assert resolve_relative(rel, dt.date(2024, 4, 9)) == dt.date(2024, 4, 9)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789/-: .،ابريلمارسهـ٠١٢"), max_size=400))
def test_date_finder_never_crashes_and_stays_fast(text: str) -> None:
    started = time.perf_counter()
    for match in find_dates(text):
        assert 1990 <= match.date.year <= 2100
    assert time.perf_counter() - started < 1.0
