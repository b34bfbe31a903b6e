"""HTML pages: main text via trafilatura, metadata from the page's own tags.

trafilatura finds the article block; marsad then applies the same Arabic-aware cleaning as
for plain text. Metadata is read from explicit tags only (og:, article:, JSON-LD, <time>,
canonical link): a date trafilatura would guess from page text is not taken.
"""

from __future__ import annotations

import html as html_lib
import re

import trafilatura
from lxml import html as lxml_html

from marsad.article import Article
from marsad.errors import InputError

_META = re.compile(r"<meta\s[^>]{0,2000}>", re.I)
_ATTR = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_TITLE = re.compile(r"<title[^>]{0,200}>([^<]{0,1000})</title>", re.I)
_CANONICAL = re.compile(r"""<link[^>]{0,300}rel=["']?canonical["']?[^>]{0,300}>""", re.I)
_JSONLD_FIELD = re.compile(r'"(datePublished|dateModified|headline)"\s*:\s*"([^"]{1,500})"')
_TIME_TAG = re.compile(r"""<time[^>]{0,300}datetime=["']([^"']{8,40})["']""", re.I)
_META_KEYS = {
    "og:title": "title", "twitter:title": "title",
    "og:site_name": "site_name", "application-name": "site_name",
    "article:published_time": "published", "og:published_time": "published",
    "pubdate": "published", "publishdate": "published", "date": "published",
    "dc.date.issued": "published", "sailthru.date": "published",
    "article:modified_time": "updated", "og:updated_time": "updated",
    "author": "author", "article:author": "author",
    "og:url": "url",
}


def extract_html(article: Article) -> Article:
    """Fill `body_source`, `html_meta`, and `url`/`title` when the page states them."""
    page = article.raw_text
    article.html_meta = read_meta(page)
    article.url = article.url or article.html_meta.get("url")
    article.title = article.title or article.html_meta.get("title")
    text = _main_text(page, article.url)
    if not text.strip():
        raise InputError(article.source, "no article text found in the HTML")
    article.body_source = text
    return article


def _main_text(page: str, url: str | None) -> str:
    try:
        # fast: no second-opinion extractors; marsad's own cleaning removes what is left
        text = trafilatura.extract(
            page, url=url, include_comments=False, include_tables=False,
            with_metadata=False, deduplicate=False, fast=True,
        )
    except Exception:   # trafilatura raises assorted errors on broken markup; fall back
        text = None
    return text if text and text.strip() else _fallback_text(page)


def _fallback_text(page: str) -> str:
    """Plain visible text of the body when trafilatura finds nothing (truncated pages)."""
    try:
        tree = lxml_html.fromstring(page)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//nav|//header|//footer"):
        bad.drop_tree()
    blocks = [b.text_content().strip() for b in tree.xpath("//p|//h1|//h2|//li|//div[not(.//p)]")]
    return "\n".join(b for b in blocks if b)


def read_meta(page: str) -> dict[str, str]:
    """Explicit metadata tags of a page (first value wins)."""
    head = page[:200_000]
    meta: dict[str, str] = {}
    for tag in _META.findall(head):
        attrs = {k.lower(): _unquote(v) for k, v in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        field = _META_KEYS.get(key) or {"datepublished": "published", "datemodified": "updated"}.get(key)
        if field and attrs.get("content") and field not in meta:
            meta[field] = attrs["content"].strip()
    for name, value in _JSONLD_FIELD.findall(head):
        field = {"datePublished": "published", "dateModified": "updated", "headline": "title"}[name]
        meta.setdefault(field, value)
    _setdefault_match(meta, "published", _TIME_TAG.search(page[:500_000]))
    _setdefault_match(meta, "title", _TITLE.search(head))
    canonical = _CANONICAL.search(head)
    if canonical:
        href = dict((k.lower(), _unquote(v)) for k, v in _ATTR.findall(canonical.group())).get("href")
        if href and href.startswith("http"):
            meta["url"] = href
    return meta


def _setdefault_match(meta: dict[str, str], key: str, match: re.Match[str] | None) -> None:
    if match and match.group(1).strip():
        meta.setdefault(key, html_lib.unescape(match.group(1).strip()))


def _unquote(value: str) -> str:
    return html_lib.unescape(value.strip("\"'"))
