"""Full-text search over stored articles, Arabic-aware, with snippets and highlight offsets.

The index holds search keys (normalized words without proclitics and the article, see
`arabic.tokens.search_key`), so "والصين" finds "الصين". Queries are parsed here into groups of
keys (a quoted phrase is one group) and handed to the backend as data, never as query syntax.
English entity names ("Lavrov") also find the articles that mention that entity.
"""

from __future__ import annotations

import re
from typing import Any

from marsad.arabic.tokens import WORD, search_key
from marsad.store.base import SearchFilters, Store

SNIPPET_WORDS = 32
_PHRASE = re.compile(r'"([^"]+)"|“([^”]+)”|«([^»]+)»|(\S+)')


def parse_query(query: str) -> list[list[str]]:
    """Groups of search keys: each quoted phrase is one group, each other word its own group."""
    groups = []
    for match in _PHRASE.finditer(query):
        phrase = next(g for g in match.groups() if g is not None)
        keys = [search_key(w) for w in WORD.findall(phrase)]
        if keys:
            groups.append(keys)
    return groups


def search(
    store: Store, query: str, *, limit: int = 20, offset: int = 0, outlet: str | None = None,
    since: str | None = None, until: str | None = None, person: str | None = None,
    story: str | None = None,
) -> dict[str, Any]:
    """The contract's search result: `{"total", "results": [...]}`, best first."""
    limit, offset = max(1, min(limit, 100)), max(0, offset)
    filters = SearchFilters(outlet=outlet, since=since, until=until)
    filters.article_ids = _restrict(store, person, story)
    groups = parse_query(query)
    entity_ids = _entities_named(store, query) if query.strip() else []
    if entity_ids:
        return _search_with_entities(store, groups, entity_ids, filters, limit, offset)
    total, hits = store.match(groups, filters, limit, offset)
    return {"total": total, "results": [_result(store, i, s, groups, []) for i, s in hits]}


def _restrict(store: Store, person: str | None, story: str | None) -> set[str] | None:
    ids: set[str] | None = None
    if person:
        entity = store.entity(person)
        ids = {a["id"] for a in entity["articles"]} if entity else set()
    if story:
        found = store.story(story)
        story_ids = {a["id"] for a in found["articles"]} if found else set()
        ids = story_ids if ids is None else ids & story_ids
    return ids


def _entities_named(store: Store, query: str) -> list[str]:
    """Entity ids whose English name contains every Latin word of the query."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", query)]
    if not words or re.search(r"[\u0600-\u06FF]", query):
        return []
    # each word is letters, ' or - only (the regex above), so it is safe inside a LIKE pattern
    where = " AND ".join(["LOWER(name) LIKE ?"] * len(words))
    rows = store.execute(f"SELECT DISTINCT entity_id FROM mentions WHERE {where}", [f"%{w}%" for w in words])
    return sorted(r[0] for r in rows)


def _search_with_entities(store: Store, groups: list[list[str]], entity_ids: list[str],
                          filters: SearchFilters, limit: int, offset: int) -> dict[str, Any]:
    """Articles mentioning the entity, most mentions first (the English words are not in the text)."""
    placeholders = ",".join(["?"] * len(entity_ids))
    rows = store.execute(
        f"SELECT m.article_id, SUM(m.count) AS n FROM mentions m WHERE m.entity_id IN ({placeholders})"
        " GROUP BY m.article_id ORDER BY n DESC, m.article_id", entity_ids)
    allowed = filters.article_ids
    scoped = SearchFilters(filters.outlet, filters.since, filters.until, {r[0] for r in rows} if allowed is None else {r[0] for r in rows} & allowed)
    _, page_ids = store.match([], scoped, 100000, 0)
    order = {r[0]: float(r[1]) for r in rows}
    ranked = sorted((i for i, _ in page_ids), key=lambda i: (-order[i], i))
    results = [_result(store, i, order[i], groups, entity_ids) for i in ranked[offset: offset + limit]]
    return {"total": len(ranked), "results": results}


def _result(store: Store, article_id: str, score: float, groups: list[list[str]], entity_ids: list[str]) -> dict[str, Any]:
    record = store.get(article_id) or {}
    text = record.get("text", "")
    spans = _key_hits(text, {k for g in groups for k in g})
    for entity in record.get("entities", []):
        if entity["id"] in entity_ids:
            spans += [(m["start"], m["end"]) for m in entity["mentions"]]
    snippet, highlights = make_snippet(text, sorted(set(spans)))
    return {"id": article_id, "title": record.get("title"), "source": record.get("source"),
            "outlet": record.get("outlet"), "published": record.get("published"),
            "snippet": snippet, "highlights": highlights, "score": round(score, 6)}


def _key_hits(text: str, keys: set[str]) -> list[tuple[int, int]]:
    """Word spans whose key is a query key, scanning only as far as a snippet needs: up to a
    window past the first hit (long articles stay cheap)."""
    hits: list[tuple[int, int]] = []
    stop = len(text)
    for match in WORD.finditer(text):
        if match.start() > stop:
            break
        if search_key(match.group()) in keys:
            hits.append((match.start(), match.end()))
            stop = min(stop, hits[0][0] + SNIPPET_WORDS * 12)
    return hits


def make_snippet(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[list[int]]]:
    """A plain-text window of about SNIPPET_WORDS words around the densest run of hits, with
    the hits' offsets re-based onto the snippet."""
    anchor = spans[0][0] if spans else 0
    region_start = max(0, anchor - 400)
    words = [m.span() for m in WORD.finditer(text, region_start, min(len(text), anchor + 1200))]
    if not words:
        return text[:200], []
    starts = [w[0] for w in words]
    hit_words = sorted({_word_index(starts, s) for s, _ in spans})
    first = _best_window(hit_words) if hit_words else 0
    first = max(0, min(first, len(words) - SNIPPET_WORDS))
    last = min(len(words) - 1, first + SNIPPET_WORDS - 1)
    begin, end = words[first][0], words[last][1]
    while end < len(text) and text[end] in ".،؛!؟?\"”»)":
        end += 1
    snippet = text[begin:end].replace("\n", " ")
    highlights = [[s - begin, e - begin] for s, e in spans if s >= begin and e <= end]
    return snippet, highlights


def _word_index(starts: list[int], position: int) -> int:
    from bisect import bisect_right

    return max(0, bisect_right(starts, position) - 1)


def _best_window(hit_words: list[int]) -> int:
    """The first word of the window (a few words before the hits) that holds the most hits."""
    best, best_count = hit_words[0], 0
    for i, start in enumerate(hit_words):
        count = sum(1 for h in hit_words[i:] if h < start + SNIPPET_WORDS - 4)
        if count > best_count:
            best, best_count = start, count
    return max(0, best - 4)
