"""Turn records into safe HTML fragments: every piece of article text is escaped on its own.

Nothing here trusts the text: highlighting splits the *plain* text at the records' offsets,
escapes each piece, and wraps the pieces in tags built here. Templates receive the result as
`Markup` and never apply `|safe` to anything that came from an article.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

SAFE_SCHEMES = frozenset({"http", "https"})
ENTITY_CLASSES = {"PERSON": "ent-person", "ORG": "ent-org", "PLACE": "ent-place"}


def safe_url(url: object) -> str | None:
    """The URL when it is an absolute http(s) link, else None (`javascript:`, `data:`, relative...).

    >>> safe_url("https://example.com/a"), safe_url("javascript:alert(1)")
    ('https://example.com/a', None)
    """
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    return parts.geturl()


def path_id(value: str) -> str:
    """An id as one URL path segment ("person:wang-yi" stays readable; "/" is encoded)."""
    return quote(value, safe=":@-._~")


def highlight_snippet(snippet: str, highlights: Iterable[Sequence[int]]) -> Markup:
    """The search snippet with each highlight in `<mark>`; out-of-range offsets are ignored."""
    spans = _clip_spans(snippet, [(int(h[0]), int(h[1])) for h in highlights if len(h) >= 2])
    out, position = [], 0
    for start, end in spans:
        out.append(escape(snippet[position:start]))
        out.append(Markup("<mark>%s</mark>") % snippet[start:end])
        position = end
    out.append(escape(snippet[position:]))
    return Markup("").join(out)


def _clip_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, in-bounds, non-overlapping spans (the first of two overlapping ones wins)."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        start, end = max(0, start), min(len(text), end)
        if start >= end or (kept and start < kept[-1][1]):
            continue
        kept.append((start, end))
    return kept


def highlight_article(text: str, entities: list[dict[str, Any]], quotes: list[dict[str, Any]]) -> Markup:
    """The article text with quotes (outer `<q>`-like marks) and entity mentions (inner links).

    Quotes and mentions may overlap: the text is cut at every span boundary and each piece
    knows the quote and the mention covering it, so the tags always nest properly.
    """
    quote_spans = _clip_spans(text, [(q["start"], q["end"]) for q in quotes if _has_span(q)])
    quote_of = {(q["start"], q["end"]): q for q in quotes if _has_span(q)}
    mention_of: dict[tuple[int, int], dict[str, Any]] = {}
    for entity in entities:
        for mention in entity.get("mentions", []):
            if _has_span(mention):
                mention_of.setdefault((mention["start"], mention["end"]), entity)
    mention_spans = _clip_spans(text, list(mention_of))
    out, position = [], 0
    for start, end in quote_spans:
        out.append(_mentions(text, position, start, mention_spans, mention_of))
        inner = _mentions(text, start, end, mention_spans, mention_of)
        out.append(_quote_tag(quote_of[(start, end)], inner))
        position = end
    out.append(_mentions(text, position, len(text), mention_spans, mention_of))
    return Markup("").join(out)


def _has_span(item: dict[str, Any]) -> bool:
    return isinstance(item.get("start"), int) and isinstance(item.get("end"), int)


def _mentions(text: str, begin: int, end: int, spans: list[tuple[int, int]],
              entity_of: dict[tuple[int, int], dict[str, Any]]) -> Markup:
    """text[begin:end] with the mentions inside it linked; a mention crossing the edge is cut."""
    out, position = [], begin
    for span in spans:
        start, stop = max(span[0], begin), min(span[1], end)
        if start >= stop:
            continue
        out.append(escape(text[position:start]))
        out.append(_mention_tag(entity_of[span], text[start:stop]))
        position = stop
    out.append(escape(text[position:end]))
    return Markup("").join(out)


def _mention_tag(entity: dict[str, Any], piece: str) -> Markup:
    css = ENTITY_CLASSES.get(str(entity.get("type")), "ent-other")
    return Markup('<a class="ent %s" href="/entity/%s" title="%s">%s</a>') % (
        css, path_id(str(entity.get("id", ""))), entity.get("name") or "", piece)


def _quote_tag(quote_record: dict[str, Any], inner: Markup) -> Markup:
    speaker = quote_record.get("speaker_name") or quote_record.get("speaker") or "?"
    kind = "direct" if quote_record.get("kind") == "direct" else "indirect"
    return Markup('<mark class="quote quote-%s" title="%s">%s</mark>') % (kind, speaker, inner)


def group_quotes(quotes: list[dict[str, Any]], outlet_of: dict[str, str | None]) -> list[dict[str, Any]]:
    """Story quotes with the outlets that carried them (story records list article ids)."""
    grouped = []
    for item in quotes:
        ids = [a for a in item.get("articles", []) if isinstance(a, str)]
        outlets = sorted({outlet_of.get(a) or "?" for a in ids})
        grouped.append({"speaker_name": item.get("speaker_name"), "text": item.get("text", ""),
                        "articles": ids, "outlets": outlets})
    return grouped


def by_month(items: list[dict[str, Any]], key: str = "published") -> list[tuple[str, list[dict[str, Any]]]]:
    """Items grouped under their `YYYY-MM` (undated last), keeping each group's order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        value = item.get(key)
        month = value[:7] if isinstance(value, str) and len(value) >= 7 else ""
        groups.setdefault(month, []).append(item)
    return sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0]))
