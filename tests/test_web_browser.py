"""The web UI in a real headless Chromium (Playwright) against a live uvicorn server.

Covers the reader's path (search in Arabic, open a story, follow a summary citation) and that
nothing in article content ever runs as script. Screenshots go to artifacts/screenshots/.
Skips when Playwright or /usr/bin/chromium is missing (never downloads a browser).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

import uvicorn  # noqa: E402

from marsad.api import create_app  # noqa: E402
from tests.test_api import XSS_SCRIPT, Corpus, build_corpus  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@dataclass
class Site:
    base: str
    corpus: Corpus


@dataclass
class Tab:
    page: Any
    dialogs: list[str] = field(default_factory=list)
    csp_errors: list[str] = field(default_factory=list)

    def open(self, site: Site, path: str) -> None:
        response = self.page.goto(site.base + path, wait_until="load")
        assert response is not None and response.status == 200, path

    def shot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    corpus = build_corpus(tmp_path_factory.mktemp("web"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(corpus.db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield Site(f"http://127.0.0.1:{port}", corpus)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        except sync_api.Error as exc:
            pytest.skip(f"Chromium would not start: {exc}")
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    context = browser.new_context(locale="ar", viewport={"width": 1280, "height": 900})
    tab = Tab(context.new_page())

    def on_dialog(dialog: Any) -> None:
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.page.on("dialog", on_dialog)
    tab.page.on("console", lambda m: tab.csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    yield tab
    context.close()


def test_layout_is_right_to_left(site: Site, tab: Tab) -> None:
    tab.open(site, "/")
    page = tab.page
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    brand = page.locator("header.site .brand").bounding_box()
    box = page.locator("header.site form.search").bounding_box()
    assert brand["x"] > box["x"], "the brand sits at the right, the search box at the left"
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Noto Naskh Arabic" in font
    tab.shot("home")
    assert tab.csp_errors == []


def test_search_for_an_arabic_word_highlights_it(site: Site, tab: Tab) -> None:
    tab.open(site, "/")
    tab.page.locator("section.hero input[name=q]").fill("الطلاب")
    tab.page.locator("section.hero input[name=q]").press("Enter")
    tab.page.wait_for_url("**/search?q=*")
    marks = tab.page.locator("ol.results mark")
    assert marks.count() >= 2
    assert marks.first.inner_text() == "الطلاب"
    titles = tab.page.locator("ol.results .result-title").all_inner_texts()
    assert "روسيا والصين تتفقان على تبادل الطلاب" in titles
    tab.shot("search")
    assert tab.csp_errors == []


def test_story_citation_leads_to_the_cited_article(site: Site, tab: Tab) -> None:
    tab.open(site, "/")
    tab.page.get_by_role("link", name="روسيا والصين: تبادل الطلاب").click()
    tab.page.wait_for_url("**/story/s-moscow")
    assert tab.page.locator("section.timeline li").count() == 2
    assert tab.page.locator("section.quotes figure").count() == 2
    tab.shot("story")
    tab.page.locator("section.summary a.cite").nth(1).click()
    tab.page.wait_for_url(f"**/article/{site.corpus.ids['moscow_b']}")
    assert tab.page.locator("h1").inner_text() == "لافروف: الجامعات الروسية مستعدة"
    assert tab.page.locator(".text mark.quote").inner_text() == "برنامج تبادل الطلاب سيبدأ في الخريف"
    assert tab.page.locator(".text a.ent-person").first.inner_text() == "لافروف"
    tab.shot("article")
    assert tab.csp_errors == []


def test_person_page_shows_quotes_by_month(site: Site, tab: Tab) -> None:
    tab.open(site, f"/article/{site.corpus.ids['moscow_a']}")
    tab.page.locator(".text a.ent-person").first.click()
    tab.page.wait_for_url("**/entity/person:sergey-lavrov")
    assert tab.page.locator("section.quotes h3").all_inner_texts()[0].startswith("2025-03")
    assert tab.page.locator("section.quotes blockquote").count() == 2
    tab.shot("entity")
    assert tab.csp_errors == []


def test_removed_blocks_start_collapsed(site: Site, tab: Tab) -> None:
    tab.open(site, f"/article/{site.corpus.ids['cairo']}")
    details = tab.page.locator("details.removed")
    assert details.evaluate("d => d.open") is False
    assert not tab.page.get_by_text("Twitter Facebook WhatsApp").is_visible()
    details.locator("summary").click()
    assert tab.page.get_by_text("Twitter Facebook WhatsApp").is_visible()


def test_article_content_never_runs_as_script(site: Site, tab: Tab) -> None:
    xss_id = site.corpus.ids["xss"]
    paths = ["/", "/story/s-xss", f"/article/{xss_id}", "/entity/person:x", "/search?q=التجربة",
             f"/search?q={XSS_SCRIPT}", f"/api/articles/{xss_id}"]
    for path in paths:
        tab.open(site, path)
        for summary in tab.page.locator("details summary").all():
            summary.click()
        tab.page.mouse.move(300, 300)
        tab.page.wait_for_timeout(100)
        assert tab.page.evaluate("typeof window.__xss") == "undefined", path
        assert tab.page.locator("a[href^='javascript' i]").count() == 0, path
        assert tab.page.evaluate(INJECTED) == [], path    # escaping held, not only the CSP
        if path.startswith("/article/"):
            assert XSS_SCRIPT in tab.page.locator(".text").inner_text()   # shown as text
            tab.shot("xss-article")
    assert tab.dialogs == []
    assert tab.csp_errors == []     # nothing even tried to run


# Elements or attributes that only an escaping failure could have put in the DOM.
INJECTED = """() => Array.from(document.querySelectorAll('*')).flatMap(el => {
  const bad = Array.from(el.attributes).filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name);
  if (['IMG', 'SVG', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName.toUpperCase())) bad.push(el.tagName);
  if (el.tagName === 'SCRIPT' && el.getAttribute('src') !== '/static/app.js') bad.push('SCRIPT');
  return bad;
})"""
