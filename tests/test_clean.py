"""Cleaning and metadata behaviours, on small pages written here."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import marsad
from marsad.errors import InputError
from marsad.settings import Settings
from marsad.stages.clean import continues

BODY = ("الرياض - أعلنت وزارة النقل اليوم عن خطة جديدة لتطوير شبكة الحافلات في العاصمة خلال العامين المقبلين.\n"
        "وقال وكيل الوزارة إن الخطة تشمل إضافة مئتي حافلة كهربائية وتوسيع المسارات المخصصة لها في الأحياء الشمالية.\n"
        "وشارك في إعداد الخطة خبراء من هيئة تطوير المدينة وعدد من الجامعات السعودية.")


def test_furniture_goes_and_a_sentence_about_sharing_stays() -> None:
    page = "شارك\nTwitter Facebook WhatsApp\n" + BODY + "\nتابعونا على واتساب\nجميع الحقوق محفوظة © 2025"
    article = marsad.extract(page)
    assert "وشارك في إعداد الخطة خبراء" in article.text
    assert "Twitter" not in article.text and "تابعونا" not in article.text
    assert "Twitter Facebook WhatsApp" in article.removed


def test_read_also_section_and_the_unrelated_articles_after_it_go() -> None:
    page = BODY + "\nاقرأ أيضا\nارتفاع أسعار الذهب في الأسواق المحلية\nسجلت أسعار الذهب ارتفاعا جديدا في تعاملات اليوم وسط إقبال على الشراء."
    article = marsad.extract(page)
    assert "الذهب" not in article.text
    assert article.removed[0] == "اقرأ أيضا"


def test_user_marker_file_is_honoured(tmp_path: Path) -> None:
    markers = tmp_path / "markers.txt"
    markers.write_text("ملف خاص\n", encoding="utf-8")
    page = BODY + "\nملف خاص\nتاريخ الحافلات في الرياض: كيف تطورت شبكة النقل العام في العاصمة خلال العقود الماضية."
    assert "تاريخ الحافلات" in marsad.extract(page).text
    assert "تاريخ الحافلات" not in marsad.extract(page, settings=Settings(marker_files=(markers,))).text


def test_user_outlet_file_is_honoured(tmp_path: Path) -> None:
    outlets = tmp_path / "outlets.tsv"
    outlets.write_text("name_en\tname_ar\taliases_ar\thosts\tcountry\tkind\nMy Local News\tأخبار الحي\t\tmylocal.example\t\toutlet\n", encoding="utf-8")
    page = BODY + "\nجميع الحقوق محفوظة لموقع أخبار الحي 2025"
    assert marsad.extract(page, settings=Settings(outlet_files=(outlets,))).outlet == "My Local News"


def test_html_page_gives_title_date_outlet_and_clean_body() -> None:
    page = ('<html lang="ar"><head><meta property="og:title" content="خطة جديدة للحافلات - صحيفة الرياض">'
            '<meta property="og:site_name" content="صحيفة الرياض">'
            '<meta property="article:published_time" content="2025-03-11T10:00:00+03:00"></head><body>'
            '<nav><a href="/">الرئيسية</a></nav><article><h1>خطة جديدة للحافلات</h1>'
            + "".join(f"<p>{line}</p>" for line in BODY.split("\n")) + "</article><footer>جميع الحقوق محفوظة</footer></body></html>")
    article = marsad.extract(page)
    assert article.title == "خطة جديدة للحافلات"
    assert (article.published, article.published_source) == ("2025-03-11T10:00:00+03:00", "html-meta")
    assert "مئتي حافلة كهربائية" in article.text and "الرئيسية" not in article.text


def test_script_only_page_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        marsad.extract("<html><head><script>var a = 1;</script></head><body><script>b()</script></body></html>", source="s.html")


def test_truncated_html_gives_a_best_effort_record() -> None:
    page = "<html><body><article>" + "".join(f"<p>{line}</p>" for line in BODY.split("\n")) + "<p>وقال المتحدث إن"
    assert "خطة جديدة لتطوير شبكة الحافلات" in marsad.extract(page).text


def test_page_with_ten_thousand_links_finishes_quickly() -> None:
    links = "".join(f'<a href="/l{i}">رابط {i}</a> ' for i in range(10_000))
    page = f"<html><body><div>{links}</div><article>" + "".join(f"<p>{line}</p>" for line in BODY.split("\n")) + "</article></body></html>"
    started = time.perf_counter()
    with contextlib.suppress(InputError):
        marsad.extract(page)
    assert time.perf_counter() - started < 30


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>/p div ابتثجحخ.،:\n\"'=-»«“”#©0123456789"), min_size=1, max_size=400))
def test_arbitrary_text_or_markup_never_crashes(page: str) -> None:
    try:
        article = marsad.extract(page)
    except InputError:
        return
    for entity in article.entities:
        for mention in entity["mentions"]:
            assert article.text[mention["start"] : mention["end"]] == mention["text"]


@pytest.mark.parametrize(("paragraph", "carries_on"), [
    ("في المقابل، اكتفى الكرملين بالإشارة إلى نتائج الزيارة.", True),
    ("وقال المتحدث إن الزيارة ناجحة.", True),
    ("من جهته، أكد الوزير أن الزيارة ناجحة.", True),
    ("وزير الخارجية يصل إلى الرياض في زيارة رسمية.", False),
    ("في خطوة مفاجئة، أعلن النادي تعاقده مع مدرب جديد.", False),
])
def test_paragraph_openers_that_carry_on_the_article(paragraph: str, carries_on: bool) -> None:
    assert continues(paragraph) is carries_on
