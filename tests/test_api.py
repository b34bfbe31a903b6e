"""The REST API and the HTML pages, through FastAPI's TestClient over a small temporary store.

The corpus is written here: a few short Arabic articles (JSON lines and one text file) run
through the real pipeline, then given hand-made entities, quotes and stories so the pages have
fixed offsets to highlight whatever the extraction stages do today. One article carries script
payloads in every field the UI shows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from marsad.api import create_app, router
from marsad.api_lib import ingest
from marsad.article import Article
from marsad.store import Store, open_store

try:
    import schemathesis
except ImportError:         # the property-based tests skip; everything else runs
    schemathesis = None  # type: ignore[assignment]

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_ATTR = "\"'><svg onload=window.__xss=1>"
XSS_URL = "javascript:window.__xss=1"
CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'"

MOSCOW_A = ("موسكو - اتفق وزير الخارجية الروسي سيرغي لافروف ونظيره الصيني وانغ يي اليوم على إطلاق "
            "برنامج لتبادل الطلاب بين البلدين.\n\nوقال لافروف في مؤتمر صحفي: «الطلاب هم الدبلوماسيون "
            "الحقيقيون للغد».")
MOSCOW_B = ("موسكو - أكد لافروف أن برنامج تبادل الطلاب سيبدأ في الخريف، وقال إن الجامعات الروسية "
            "مستعدة لاستقبال الطلاب الصينيين.")
RIYADH = ("الرياض - افتتح منتدى الاقتصاد الرقمي أعماله اليوم بمشاركة وزراء من دول الخليج، وناقش "
          "المشاركون التجارة الإلكترونية وحماية البيانات.")
CAIRO_FILE = ("بوابة النيل اليوم\n11 مارس 2025\n\nالقاهرة - وقعت مصر والسعودية مذكرة تفاهم لتحلية "
              "المياه وترشيد الري في اجتماع عقد اليوم بحضور وزراء البلدين.\n\nشارك\nTwitter Facebook WhatsApp")
XSS_TEXT = (f"{XSS_SCRIPT} نص عربي عن التجربة {XSS_IMG} في الرياض اليوم مع الوزراء {XSS_ATTR} "
            "وقال المتحدث إن التجربة ناجحة.")


@dataclass
class Corpus:
    db: str
    ids: dict[str, str] = field(default_factory=dict)        # name -> article id
    stories: dict[str, str] = field(default_factory=dict)    # name -> story id


def _jsonl(path: Path, rows: list[dict[str, str]]) -> str:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return str(path)


def _span(text: str, piece: str, after: int = 0) -> dict[str, Any]:
    start = text.index(piece, after)
    return {"start": start, "end": start + len(piece), "text": piece}


def _entity(entity_id: str, name: str, name_ar: str, kind: str, text: str, *pieces: str) -> dict[str, Any]:
    return {"id": entity_id, "name": name, "name_ar": name_ar, "type": kind,
            "mentions": [_span(text, p) for p in pieces]}


def _quote(text: str, piece: str, speaker: str | None, speaker_name: str | None, kind: str, cue: str) -> dict[str, Any]:
    span = _span(text, piece)
    return {"text": piece, "kind": kind, "speaker": speaker, "speaker_name": speaker_name, "cue": cue,
            "start": span["start"], "end": span["end"]}


def _annotate(store: Store, article_id: str, **fields: Any) -> Article:
    article = Article.from_record(store.get(article_id) or {})
    for name, value in fields.items():
        setattr(article, name, value)
    store.update(article)
    return article


def _story(store: Store, story_id: str, title: str, ids: list[str], quotes: list[dict[str, Any]],
           summary: list[dict[str, str]]) -> dict[str, Any]:
    records = [store.get(i) or {} for i in ids]
    dates = [r["published"] for r in records if r.get("published")]
    entities = {e["id"]: {"id": e["id"], "name": e["name"]} for r in records for e in r["entities"]}
    for article_id in ids:
        _annotate(store, article_id, story_id=story_id)
    return {"id": story_id, "title": title, "first": min(dates, default=None), "last": max(dates, default=None),
            "articles": [{k: r.get(k) for k in ("id", "source", "outlet", "published", "published_source")}
                         for r in records],
            "entities": list(entities.values()), "quotes": quotes, "summary": summary}


def build_corpus(directory: Path) -> Corpus:
    """Ingest the articles, annotate them and store four stories."""
    corpus = Corpus(str(directory / "marsad.db"))
    feed = _jsonl(directory / "feed.jsonl", [
        {"text": MOSCOW_A, "url": "https://ofuq.example/moscow", "title": "روسيا والصين تتفقان على تبادل الطلاب",
         "published": "2025-03-25", "outlet": "Al-Ofuq"},
        {"text": MOSCOW_B, "url": "https://nile.example/moscow", "title": "لافروف: الجامعات الروسية مستعدة",
         "published": "2025-03-26T10:00", "outlet": "Nile Today"},
        {"text": RIYADH, "url": "https://ofuq.example/riyadh", "title": "منتدى الاقتصاد الرقمي في الرياض",
         "published": "2025-05-04", "outlet": "Al-Ofuq"},
        {"text": XSS_TEXT, "url": XSS_URL, "title": f"{XSS_SCRIPT} عنوان {XSS_ATTR}", "published": "2025-06-01",
         "outlet": XSS_IMG},
    ])
    cairo = directory / "cairo.txt"
    cairo.write_text(CAIRO_FILE, encoding="utf-8")
    store = open_store(corpus.db)
    try:
        report = ingest([feed, str(cairo)], store)
        assert report.added == 5 and not report.failed, report
        ids = [a.id for a in store.articles()]
        corpus.ids = dict(zip(["moscow_a", "moscow_b", "riyadh", "xss", "cairo"], ids, strict=True))
        _fill(store, corpus)
    finally:
        store.close()
    return corpus


def _fill(store: Store, corpus: Corpus) -> None:
    ids = corpus.ids
    lavrov = _entity("person:sergey-lavrov", "Sergey Lavrov", "سيرغي لافروف", "PERSON", MOSCOW_A, "سيرغي لافروف")
    lavrov["mentions"].append(_span(MOSCOW_A, "لافروف", MOSCOW_A.index("وقال")))
    wang = _entity("person:wang-yi", "Wang Yi", "وانغ يي", "PERSON", MOSCOW_A, "وانغ يي")
    moscow = _entity("place:moscow", "Moscow", "موسكو", "PLACE", MOSCOW_A, "موسكو")
    students = _quote(MOSCOW_A, "الطلاب هم الدبلوماسيون الحقيقيون للغد", lavrov["id"], "Sergey Lavrov", "direct", "وقال")
    _annotate(store, ids["moscow_a"], entities=[lavrov, wang, moscow], quotes=[students])
    lavrov_b = _entity("person:sergey-lavrov", "Sergey Lavrov", "سيرغي لافروف", "PERSON", MOSCOW_B, "لافروف")
    autumn = _quote(MOSCOW_B, "برنامج تبادل الطلاب سيبدأ في الخريف", lavrov["id"], "Sergey Lavrov", "indirect", "أكد")
    _annotate(store, ids["moscow_b"], entities=[lavrov_b], quotes=[autumn])
    evil = _entity("person:x", XSS_SCRIPT, XSS_ATTR, "PERSON", XSS_TEXT, "نص عربي")
    evil_quote = _quote(XSS_TEXT, "التجربة ناجحة", "person:x", XSS_IMG, "indirect", XSS_SCRIPT)
    _annotate(store, ids["xss"], entities=[evil], quotes=[evil_quote], removed=[XSS_SCRIPT, XSS_IMG], author=XSS_ATTR)
    stories = [
        _story(store, "s-moscow", "روسيا والصين: تبادل الطلاب", [ids["moscow_a"], ids["moscow_b"]],
               [{"speaker_name": "Sergey Lavrov", "text": students["text"], "articles": [ids["moscow_a"]]},
                {"speaker_name": "Sergey Lavrov", "text": autumn["text"], "articles": [ids["moscow_b"], ids["moscow_a"]]}],
               [{"text": "اتفق لافروف ووانغ يي على برنامج لتبادل الطلاب.", "article": ids["moscow_a"]},
                {"text": "وسيبدأ البرنامج في الخريف.", "article": ids["moscow_b"]}]),
        _story(store, "s-riyadh", "منتدى الاقتصاد الرقمي", [ids["riyadh"]], [],
               [{"text": "افتتح منتدى الاقتصاد الرقمي أعماله.", "article": ids["riyadh"]}]),
        _story(store, "s-cairo", "مصر والسعودية والمياه", [ids["cairo"]], [], []),
        _story(store, "s-xss", f"{XSS_SCRIPT}{XSS_ATTR}", [ids["xss"]],
               [{"speaker_name": XSS_IMG, "text": XSS_SCRIPT, "articles": [ids["xss"]]}],
               [{"text": f"{XSS_IMG} ملخص", "article": ids["xss"]}]),
    ]
    store.replace_stories(stories)
    corpus.stories = {"moscow": "s-moscow", "riyadh": "s-riyadh", "cairo": "s-cairo", "xss": "s-xss"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def client(corpus: Corpus) -> Iterator[TestClient]:
    with TestClient(create_app(corpus.db)) as test_client:
        yield test_client


# --- articles -----------------------------------------------------------------------------------

def test_articles_list_contract_records_latest_first(client: TestClient, corpus: Corpus) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == 5 and len(body["articles"]) == 5
    dates = [a["published"][:10] for a in body["articles"] if a["published"]]
    assert dates == sorted(dates, reverse=True)
    assert {"id", "source", "url", "title", "published", "text", "entities", "quotes"} <= set(body["articles"][0])


def test_articles_page_with_limit_and_offset(client: TestClient) -> None:
    everything = [a["id"] for a in client.get("/api/articles?limit=100").json()["articles"]]
    page = client.get("/api/articles?limit=2&offset=1").json()
    assert [a["id"] for a in page["articles"]] == everything[1:3]
    assert (page["limit"], page["offset"], page["total"]) == (2, 1, 5)


def test_articles_filter_by_outlet_and_since(client: TestClient, corpus: Corpus) -> None:
    ofuq = client.get("/api/articles", params={"outlet": "Al-Ofuq"}).json()
    assert {a["id"] for a in ofuq["articles"]} == {corpus.ids["moscow_a"], corpus.ids["riyadh"]}
    recent = client.get("/api/articles", params={"since": "2025-05-01"}).json()
    assert {a["id"] for a in recent["articles"]} == {corpus.ids["riyadh"], corpus.ids["xss"]}


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "offset=-1", "since=yesterday", "limit=abc"])
def test_invalid_query_params_are_422(client: TestClient, query: str) -> None:
    response = client.get(f"/api/articles?{query}")
    assert response.status_code == 422
    assert "detail" in response.json()


def test_article_by_id_is_the_stored_record(client: TestClient, corpus: Corpus) -> None:
    record = client.get(f"/api/articles/{corpus.ids['moscow_a']}").json()
    store = open_store(corpus.db)
    try:
        assert record == store.get(corpus.ids["moscow_a"])
    finally:
        store.close()
    assert record["entities"][0]["id"] == "person:sergey-lavrov"


@pytest.mark.parametrize("path", ["/api/articles/0000000000000000", "/api/stories/nope",
                                  "/api/entities/person:nobody", "/api/nothing-here"])
def test_unknown_ids_are_404_json(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert "detail" in response.json()


# --- stories, entities, quotes, stats -------------------------------------------------------------

def test_stories_list_and_one_story(client: TestClient, corpus: Corpus) -> None:
    listing = client.get("/api/stories").json()
    assert listing["total"] == 4
    assert {s["id"] for s in listing["stories"]} == set(corpus.stories.values())
    story = client.get("/api/stories/s-moscow").json()
    assert [a["id"] for a in story["articles"]] == [corpus.ids["moscow_a"], corpus.ids["moscow_b"]]
    assert {"id", "title", "first", "last", "articles", "entities", "quotes", "summary"} <= set(story)


def test_stories_listing_is_most_recent_first(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["stories"]
    lasts = [s["last"][:10] for s in stories if s["last"]]
    assert lasts == sorted(lasts, reverse=True)


def test_entities_by_type_and_top(client: TestClient) -> None:
    people = client.get("/api/entities", params={"type": "person"}).json()["entities"]
    assert people[0]["id"] == "person:sergey-lavrov"
    assert all(e["type"] == "PERSON" for e in people)
    assert len(client.get("/api/entities?top=1").json()["entities"]) == 1
    assert client.get("/api/entities?type=animal").status_code == 422


@pytest.mark.parametrize("key", ["person:sergey-lavrov", "Sergey Lavrov", "سيرغي لافروف"])
def test_entity_by_id_english_or_arabic_name(client: TestClient, corpus: Corpus, key: str) -> None:
    entity = client.get(f"/api/entities/{key}").json()
    assert entity["id"] == "person:sergey-lavrov"
    assert {a["id"] for a in entity["articles"]} == {corpus.ids["moscow_a"], corpus.ids["moscow_b"]}
    assert len(entity["quotes"]) == 2


def test_quotes_by_speaker_and_since(client: TestClient) -> None:
    lavrov = client.get("/api/quotes", params={"speaker": "Sergey Lavrov"}).json()["quotes"]
    assert [q["published"][:10] for q in lavrov] == ["2025-03-25", "2025-03-26"]
    later = client.get("/api/quotes", params={"speaker": "person:sergey-lavrov", "since": "2025-03-26"}).json()
    assert [q["kind"] for q in later["quotes"]] == ["indirect"]


def test_stats_are_the_store_counts(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 5 and stats["stories"] == 4
    assert stats["quotes"] == 3


# --- search -------------------------------------------------------------------------------------

def test_search_returns_the_contract_json(client: TestClient, corpus: Corpus) -> None:
    body = client.get("/api/search", params={"q": "الطلاب"}).json()
    assert body["total"] >= 2
    hit = body["results"][0]
    assert set(hit) >= {"id", "title", "source", "outlet", "published", "snippet", "highlights", "score"}
    assert {r["id"] for r in body["results"]} >= {corpus.ids["moscow_a"], corpus.ids["moscow_b"]}
    for result in body["results"]:
        assert "<" not in result["snippet"] or XSS_SCRIPT in result["snippet"]   # plain text, never HTML
        for start, end in result["highlights"]:
            assert 0 <= start < end <= len(result["snippet"])


def test_search_is_best_first_and_pages(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "الطلاب", "limit": 100}).json()
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True)
    second = client.get("/api/search", params={"q": "الطلاب", "limit": 1, "offset": 1}).json()
    assert second["total"] == body["total"]
    assert [r["id"] for r in second["results"]] == [body["results"][1]["id"]]


def test_search_filters_by_story_and_outlet(client: TestClient, corpus: Corpus) -> None:
    in_story = client.get("/api/search", params={"q": "الطلاب", "story": "s-moscow", "outlet": "Nile Today"}).json()
    assert [r["id"] for r in in_story["results"]] == [corpus.ids["moscow_b"]]


@pytest.mark.parametrize("query", ["", "q=", "q=x&limit=500"])
def test_search_needs_a_query_and_a_sane_limit(client: TestClient, query: str) -> None:
    assert client.get(f"/api/search?{query}").status_code == 422


# --- ingest -------------------------------------------------------------------------------------

def test_ingest_is_forbidden_on_a_read_only_server(client: TestClient) -> None:
    response = client.post("/api/ingest", content=RIYADH.encode(), headers={"content-type": "text/plain"})
    assert response.status_code == 403


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(tmp_path / "new.db"), allow_ingest=True, max_ingest_bytes=4000)) as test_client:
        yield test_client


def test_ingest_text_then_again_skips(writable: TestClient) -> None:
    first = writable.post("/api/ingest?source=riyadh.txt", content=RIYADH.encode(),
                          headers={"content-type": "text/plain; charset=utf-8"}).json()
    assert (first["added"], first["skipped"], first["failed"]) == (1, 0, 0)
    again = writable.post("/api/ingest?source=riyadh.txt", content=RIYADH.encode(),
                          headers={"content-type": "text/plain"}).json()
    assert (again["added"], again["skipped"]) == (0, 1)
    record = writable.get(f"/api/articles/{first['ids']['added'][0]}").json()
    assert record["source"] == "riyadh.txt" and record["text"].startswith("الرياض")


def test_ingest_jsonl_reports_each_bad_line(writable: TestClient) -> None:
    lines = [json.dumps({"text": MOSCOW_A, "url": "https://x.example/1"}, ensure_ascii=False), "{broken",
             json.dumps({"text": MOSCOW_B, "url": "https://x.example/2"}, ensure_ascii=False)]
    report = writable.post("/api/ingest", content="\n".join(lines).encode(),
                           headers={"content-type": "application/x-ndjson"}).json()
    assert (report["added"], report["failed"]) == (2, 1)
    assert report["errors"][0]["source"] == "api:2" and "JSON" in report["errors"][0]["reason"]


def test_ingest_html_page(writable: TestClient) -> None:
    page = f"<html><head><title>منتدى</title></head><body><article><p>{RIYADH}</p></article></body></html>"
    report = writable.post("/api/ingest", content=page.encode(), headers={"content-type": "text/html"}).json()
    assert report["added"] == 1, report


def test_ingest_over_the_size_limit_is_413(writable: TestClient) -> None:
    big = ("كلمة " * 2000).encode()
    assert writable.post("/api/ingest", content=big, headers={"content-type": "text/plain"}).status_code == 413

    def chunks() -> Iterator[bytes]:      # no Content-Length: the limit holds while streaming
        for _ in range(10):
            yield b"x" * 1000

    assert writable.post("/api/ingest", content=chunks(), headers={"content-type": "text/plain"}).status_code == 413


def test_ingest_unknown_media_type_is_415(writable: TestClient) -> None:
    response = writable.post("/api/ingest", content=b"%PDF-1.4", headers={"content-type": "application/pdf"})
    assert response.status_code == 415


def test_ingest_empty_body_fails_with_a_reason(writable: TestClient) -> None:
    report = writable.post("/api/ingest", content=b"", headers={"content-type": "text/plain"}).json()
    assert report["failed"] == 1 and report["errors"][0]["reason"]


def test_read_only_app_refuses_a_missing_store(tmp_path: Path) -> None:
    from marsad.errors import MarsadError

    with pytest.raises(MarsadError, match="no store"):
        create_app(str(tmp_path / "missing.db"))


class _Audit(HTMLParser):
    """Collects what could run script: script elements, on* handlers, javascript: links."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src") != "/static/app.js":
            self.found.append(f"<script {values}>")
        if tag in {"svg", "img", "iframe", "object", "embed"}:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if name in {"href", "src", "action"} and (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.found.append(f"{tag} {name}={value}")


def unsafe_markup(page: str) -> list[str]:
    audit = _Audit()
    audit.feed(page)
    return audit.found


# --- pages --------------------------------------------------------------------------------------

def _html(client: TestClient, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"].startswith(CSP)
    return response.text


def test_home_is_right_to_left_arabic_with_stories(client: TestClient) -> None:
    page = _html(client, "/")
    assert '<html lang="ar" dir="rtl">' in page
    assert 'href="/story/s-moscow"' in page and 'action="/search"' in page


def test_search_page_marks_the_highlights(client: TestClient) -> None:
    page = _html(client, "/search?q=الطلاب")
    assert "<mark>الطلاب</mark>" in page


def test_story_page_has_timeline_quotes_and_cited_summary(client: TestClient, corpus: Corpus) -> None:
    page = _html(client, "/story/s-moscow")
    a, b = corpus.ids["moscow_a"], corpus.ids["moscow_b"]
    assert page.index(f'href="/article/{a}"') < page.index(f'href="/article/{b}"')
    assert re.search(rf'<a class="cite" href="/article/{b}"[^>]*>\[2\]</a>', page)
    assert "Al-Ofuq، Nile Today" in page          # the outlets that carried the second quote
    assert 'href="/entity/person:sergey-lavrov"' in page


def test_search_within_a_story_keeps_the_filter(client: TestClient, corpus: Corpus) -> None:
    assert '<input type="hidden" name="story" value="s-moscow">' in _html(client, "/story/s-moscow")
    page = _html(client, "/search?q=الطلاب&story=s-moscow&outlet=Nile+Today")
    assert f'href="/article/{corpus.ids["moscow_b"]}"' in page
    assert f'href="/article/{corpus.ids["moscow_a"]}"' not in page


def test_entity_page_lists_quotes_over_time(client: TestClient) -> None:
    page = _html(client, "/entity/person:sergey-lavrov")
    assert page.index("2025-03") < page.index("الطلاب هم الدبلوماسيون")
    assert "Sergey Lavrov" in page


def test_article_page_highlights_mentions_and_quotes(client: TestClient, corpus: Corpus) -> None:
    page = _html(client, f"/article/{corpus.ids['moscow_a']}")
    assert '<a class="ent ent-person" href="/entity/person:sergey-lavrov" title="Sergey Lavrov">سيرغي لافروف</a>' in page
    assert '<mark class="quote quote-direct" title="Sergey Lavrov">الطلاب هم الدبلوماسيون الحقيقيون للغد</mark>' in page
    assert 'href="https://ofuq.example/moscow" rel="noopener noreferrer"' in page
    assert 'href="/story/s-moscow"' in page


def test_article_page_keeps_removed_blocks_collapsed(client: TestClient, corpus: Corpus) -> None:
    page = _html(client, f"/article/{corpus.ids['cairo']}")
    details = page[page.index("<details"):page.index("</details>")]
    assert "Twitter Facebook WhatsApp" in details and "<details open" not in page


def test_bad_page_parameters_get_an_html_400(client: TestClient) -> None:
    assert "خطأ 400" in _html(client, "/search?q=x&page=0", 400)


@pytest.mark.parametrize("path", ["/story/nope", "/article/nope", "/entity/nobody"])
def test_unknown_pages_are_404_html(client: TestClient, path: str) -> None:
    assert "خطأ 404" in _html(client, path, 404)


def test_pages_escape_every_payload(client: TestClient, corpus: Corpus) -> None:
    paths = ["/", "/story/s-xss", f"/article/{corpus.ids['xss']}", "/entity/person:x",
             "/search?q=التجربة", f"/search?q={XSS_SCRIPT}"]
    for path in paths:
        assert unsafe_markup(_html(client, path)) == [], path
    article = _html(client, f"/article/{corpus.ids['xss']}")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in article
    assert f'href="{XSS_URL}"' not in article


def test_static_files_and_docs_are_served(client: TestClient) -> None:
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/app.js").headers["content-type"].startswith(("text/javascript", "application/javascript"))
    assert client.get("/docs").status_code == 200
    assert "/api/search" in client.get("/openapi.json").json()["paths"]


# --- the bundled sample, as `marsad demo` stores it ---------------------------------------------

@pytest.fixture(scope="module")
def demo_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from marsad import demo

    if not demo.SAMPLE_DIR.is_dir() or not demo.sample_paths():
        pytest.skip("the bundled sample corpus is missing")
    try:
        from marsad.storylines import build_stories  # noqa: F401
        with_stories = True
    except ImportError:
        with_stories = False
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    demo.run_demo(db, build_stories=with_stories)
    with TestClient(create_app(db)) as test_client:
        yield test_client


def test_demo_every_article_story_and_entity_page_renders(demo_client: TestClient) -> None:
    articles = demo_client.get("/api/articles?limit=100").json()["articles"]
    assert len(articles) == 20
    for article in articles:
        assert unsafe_markup(_html(demo_client, f"/article/{article['id']}")) == []
    for story in demo_client.get("/api/stories?limit=100").json()["stories"]:
        page = _html(demo_client, f"/story/{story['id']}")
        for sentence in story["summary"]:
            assert f'href="/article/{sentence["article"]}"' in page
            demo_client.get(f"/article/{sentence['article']}").raise_for_status()
    for entity in demo_client.get("/api/entities?top=30").json()["entities"]:
        _html(demo_client, f"/entity/{entity['id']}")


def test_demo_search_finds_the_lavrov_articles(demo_client: TestClient) -> None:
    body = demo_client.get("/api/search", params={"q": "لافروف", "limit": 100}).json()
    assert body["total"] >= 5
    assert all("lavrov" in r["source"] or r["source"].endswith("feed.jsonl:2") for r in body["results"])


# --- property-based: the OpenAPI document against the running app ------------------------------

GET_PATHS = sorted(getattr(r, "path", "") for r in router.routes if "GET" in getattr(r, "methods", ()))


@pytest.fixture(scope="module")
def api_schema(corpus: Corpus) -> Any:
    if schemathesis is None:
        pytest.skip("schemathesis is not installed")
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(corpus.db))


@pytest.mark.parametrize("path", GET_PATHS)
def test_get_endpoint_never_fails_and_matches_its_schema(api_schema: Any, path: str) -> None:
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy())
    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case: Any) -> None:
        case.call_and_validate()

    check()


@pytest.mark.parametrize("path", [p for p in GET_PATHS if "{" not in p and p != "/api/stats"])
def test_invalid_parameters_are_rejected_not_crashing(api_schema: Any, path: str) -> None:
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy(generation_mode=schemathesis.GenerationMode.NEGATIVE))
    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case: Any) -> None:
        response = case.call()
        assert response.status_code < 500, (case.query, response.text[:300])

    check()
