"""Stories: near-duplicates, cross-outlet clusters, date inference, timelines, summaries.

`build_stories(store)` assigns every stored article to exactly one story (incrementally:
articles already in a story stay there) and rewrites the story records; `stories_of(articles)`
does the same for articles in memory (`marsad stories PATH...` without a database).
"""

from __future__ import annotations

from typing import Any

from marsad.article import Article
from marsad.store.base import Store
from marsad.storylines.build import stories_of


def build_stories(store: Store) -> list[dict[str, Any]]:
    from marsad.pipeline import refresh_after_redating

    articles = list(store.articles())
    stories = stories_of(articles, on_redated=refresh_after_redating)
    with store.transaction():
        for article in articles:
            store.update(article)
        store.replace_stories(stories)
    return stories


__all__ = ["Article", "build_stories", "stories_of"]
