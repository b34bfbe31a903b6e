"""Stories: dedup, clustering, date inference, grouped quotes, cited summaries, CLI JSON."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import marsad
import marsad.cli_more  # noqa: F401
from marsad.cli import app
from marsad.storylines import stories_of
from marsad.storylines.dedup import DuplicateIndex
from tests.test_sample import EXPECTED, _records

runner = CliRunner()


def _seed_articles(seeds_dir: Path) -> list[marsad.article.Article]:
    return [marsad.extract(p.read_bytes(), source=str(p)) for p in sorted(seeds_dir.glob("*.txt"))]


def test_seeds_form_three_stories_and_the_relative_date_comes_from_the_story(seeds_dir: Path) -> None:
    articles = _seed_articles(seeds_dir)
    stories = stories_of(articles)
    groups = sorted(sorted(Path(a["source"]).name[:3] for a in s["articles"]) for s in stories)
    assert groups == [["000", "002", "004"], ["001"], ["003"]]
    by_name = {Path(a.source).name[:3]: a for a in articles}
    assert (by_name["004"].published, by_name["004"].published_source) == ("2024-04-09", "story")
    assert by_name["001"].published is None and by_name["003"].published is None


def test_seed_story_groups_the_same_statement_across_outlets(seeds_dir: Path) -> None:
    stories = stories_of(_seed_articles(seeds_dir))
    talks = next(s for s in stories if len(s["articles"]) == 3)
    shared = [q for q in talks["quotes"] if len(q["articles"]) >= 2]
    assert any(q["speaker_name"] == "Sergey Lavrov" for q in shared)
    assert any(q["speaker_name"] == "Wang Yi" for q in shared)
    assert 3 <= len(talks["summary"]) <= 5
    ids = {a["id"] for a in talks["articles"]}
    assert all(s["article"] in ids for s in talks["summary"])


def test_sample_stories_match_the_expected_partition() -> None:
    records = _records(None)
    articles = [marsad.article.Article.from_record(r) for r in records.values()]
    stories = stories_of(articles)
    source_of = {a.id: name for name, a in zip(records, articles, strict=True)}
    got = sorted(sorted(source_of[a["id"]] for a in s["articles"]) for s in stories)
    want: dict[str, list[str]] = {}
    for name, expected in EXPECTED.items():
        want.setdefault(expected["story"], []).append(name)
    assert got == sorted(sorted(v) for v in want.values())


def test_summary_sentences_are_not_near_repeats(seeds_dir: Path) -> None:
    for story in stories_of(_seed_articles(seeds_dir)):
        texts = [s["text"] for s in story["summary"]]
        assert len(texts) == len(set(texts))


def test_syndicated_copy_with_another_intro_is_a_duplicate() -> None:
    body = "\n\n".join(f"الفقرة رقم {i} من نص الوكالة عن اجتماع وزراء الخارجية العرب في القاهرة لبحث ملفات المنطقة." for i in range(6))
    index = DuplicateIndex()
    assert index.check_and_add("a", body) is None
    assert index.check_and_add("b", "مقدمة مختلفة كتبها محرر الموقع لهذا الخبر المنقول عن الوكالة.\n\n" + body) == "a"
    assert index.check_and_add("c", "خبر آخر تماما عن مباراة كرة قدم انتهت بالتعادل السلبي في الرياض مساء أمس.") is None


def test_stories_cli_json_follows_the_contract(seeds_dir: Path) -> None:
    result = runner.invoke(app, ["stories", *sorted(str(p) for p in seeds_dir.glob("*.txt")), "--json"])
    assert result.exit_code == 0, result.output
    stories = json.loads(result.stdout)["stories"]
    for story in stories:
        assert {"id", "title", "first", "last", "articles", "entities", "quotes", "summary"} <= set(story)
        for article in story["articles"]:
            assert {"id", "source", "outlet", "published", "published_source"} <= set(article)


def test_a_reworded_statement_by_the_same_speaker_is_grouped_across_outlets() -> None:
    from marsad.storylines.summary import group_quotes

    first = marsad.extract("قال وزير الخارجية الروسي سيرغي لافروف في طرابلس: «لن نسمح بأي تسوية سياسية "
                           "تتجاهل حقوق الشعب الليبي في اختيار قيادته بحرية».", source="a.txt")
    second = marsad.extract("وأكد لافروف أن ليبيا لن تقبل أي تسوية لا تضمن حق الليبيين في انتخاب "
                            "قادتهم بحرية، وفق ما نقلته وكالة تاس.", source="b.txt")
    other = marsad.extract("وقال لافروف إن بلاده ستواصل دعم الاقتصاد المحلي بكل الوسائل المتاحة "
                           "خلال العام المقبل.", source="c.txt")
    groups = group_quotes([first, second, other])
    assert sorted(len(g["articles"]) for g in groups) == [1, 2]
    assert first.quotes[0]["group"] == second.quotes[0]["group"] != other.quotes[0]["group"]


def test_a_role_resolves_once_the_article_takes_its_date_from_its_story() -> None:
    from marsad.pipeline import refresh_after_redating

    body = ("بحث وزير الخارجية الروسي مع نظيره الصيني في بكين العلاقات الثنائية والأزمة الأوكرانية "
            "والأمن في منطقة آسيا والمحيط الهادئ، وأكد الجانبان متانة الشراكة الاستراتيجية بين البلدين.")
    dated = marsad.extract("الثلاثاء 9 أبريل 2024\n\n" + body + " وقال البيان إن اللقاء كان مثمرا.",
                           source="dated.txt")
    undated = marsad.extract("بحث وزير الخارجية الروسي اليوم الثلاثاء مع نظيره الصيني في بكين العلاقات "
                             "الثنائية والأزمة الأوكرانية والأمن في منطقة آسيا، وأكد الجانبان متانة "
                             "الشراكة الاستراتيجية.", source="undated.txt")
    assert "Sergey Lavrov" not in {e["name"] for e in undated.entities}     # no date yet
    stories_of([dated, undated], on_redated=refresh_after_redating)
    assert (undated.published, undated.published_source) == ("2024-04-09", "story")
    assert "Sergey Lavrov" in {e["name"] for e in undated.entities}
