"""What the story clusterer compares: weighted terms, entities, quotes, dateline, day."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field

from marsad.arabic.dates import parse_iso_like
from marsad.arabic.normalize import normalize
from marsad.arabic.tokens import WORD, content_stems, idf
from marsad.article import Article

TOP_TERMS = 40


@dataclass
class ArticleFeatures:
    id: str
    terms: dict[str, float]                 # unit-length tf-idf vector
    entities: frozenset[str]                # person and organisation ids
    places: frozenset[str]
    quotes: list[frozenset[str]]            # normalized word sets of each quote
    dateline: str | None
    day: dt.date | None
    top: list[str] = field(default_factory=list)


def features_of(article: Article) -> ArticleFeatures:
    counts = Counter(content_stems(((article.title or "") + "\n") * 2 + article.text))
    vector = {t: (1 + math.log(c)) * idf(t) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    vector = {t: v / norm for t, v in vector.items()}
    top = [t for t, _ in sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]]
    # the clustering day: the publication day, else the crawl day (a feed is crawled daily)
    found = parse_iso_like(article.published or "") or parse_iso_like(article.crawled or "")
    return ArticleFeatures(
        id=article.id,
        terms=vector,
        entities=frozenset(e["id"] for e in article.entities if e["type"] in ("PERSON", "ORG")),
        places=frozenset(e["id"] for e in article.entities if e["type"] == "PLACE"),
        quotes=[quote_words(q["text"]) for q in article.quotes if len(q["text"]) >= 25],
        dateline=article.dateline_id or (normalize(article.dateline) if article.dateline else None),
        day=found.date if found else None,
        top=top,
    )


def quote_words(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(normalize(text)) if len(w) > 2)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def quote_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Containment of the shorter quote in the longer: a cut or lightly reworded quote scores high."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
