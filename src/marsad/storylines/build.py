"""From articles to story records (contract: `marsad stories --json`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from marsad.arabic.dates import find_relative
from marsad.article import Article
from marsad.storylines.cluster import StoryClusterer
from marsad.storylines.dedup import DuplicateIndex
from marsad.storylines.features import features_of
from marsad.storylines.summary import group_quotes, main_entities, summarize


def contract_order(articles: list[Article]) -> list[Article]:
    """(published, source) with undated articles last; stable for equal keys."""
    return sorted(articles, key=lambda a: (a.published is None, (a.published or "")[:19], a.source))


def stories_of(articles: list[Article],
               on_redated: Callable[[Article], object] | None = None) -> list[dict[str, Any]]:
    """Story records for `articles`; `on_redated(article)` runs for each article that takes
    its date from its story (the pipeline re-resolves its role titles then)."""
    ordered = contract_order(articles)
    duplicates = DuplicateIndex()
    clusterer = StoryClusterer()
    by_id = {a.id: a for a in ordered}
    for article in ordered:
        article.duplicate_of = duplicates.check_and_add(article.id, article.text)
        if article.duplicate_of and article.duplicate_of in clusterer.assignment:
            story_id = clusterer.assignment[article.duplicate_of]
            clusterer.stories[story_id].add(features_of(article))
            clusterer.assignment[article.id] = story_id
        else:
            clusterer.add(features_of(article))
        article.story_id = clusterer.assignment[article.id]
    records = []
    for story in clusterer.stories.values():
        members = [by_id[i] for i in story.members]
        for article in _infer_dates(members):
            if on_redated is not None:
                on_redated(article)
        records.append(story_record(story.id, contract_order(members)))
    return sorted(records, key=lambda r: (r["first"] is None, r["first"] or "", r["id"]))


def _infer_dates(members: list[Article]) -> list[Article]:
    """An undated or relative-only article takes its story's day when that is unambiguous:
    every dated article of the story is on one day, and the article's own weekday (if it
    names one, "اليوم الثلاثاء") agrees with it. Returns the articles that took it."""
    days = {a.published[:10] for a in members if a.published and a.published_source not in ("relative", "story")}
    if len(days) != 1:
        return []
    day = dt.date.fromisoformat(days.pop())
    redated = []
    for article in members:
        if article.published and article.published_source != "relative":
            continue
        relatives = find_relative(article.text[:600])
        if not relatives:
            continue
        agrees = (day - dt.timedelta(days=relatives[0].days_back)).weekday() == relatives[0].weekday
        if agrees and (article.published, article.published_source) != (day.isoformat(), "story"):
            article.published, article.published_source = day.isoformat(), "story"
            redated.append(article)
    return redated


def story_record(story_id: str, members: list[Article]) -> dict[str, Any]:
    dates = [a.published for a in members if a.published]
    titled = [a for a in members if a.title]
    return {
        "id": story_id,
        "title": titled[0].title if titled else (members[0].text[:80] if members else None),
        "first": min(dates) if dates else None,
        "last": max(dates) if dates else None,
        "articles": [{"id": a.id, "source": a.source, "outlet": a.outlet, "published": a.published,
                      "published_source": a.published_source, "title": a.title,
                      "duplicate_of": a.duplicate_of} for a in members],
        "outlets": sorted({a.outlet for a in members if a.outlet}),
        "entities": main_entities(members),
        "quotes": group_quotes(members),
        "summary": summarize(members),
    }
