"""Online, incremental story clustering.

Each article, in the contract's order (published, source; undated last), joins the most
similar open story or starts a new one. Similarity combines tf-idf cosine with the story's
centroid, shared quotes (the strongest sign of the same event), shared people/organisations,
dateline agreement and time distance. Candidates come from an inverted index over each
story's top terms, so an article is compared with a handful of stories, never all of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from marsad.storylines.features import ArticleFeatures, cosine, quote_similarity

JOIN_THRESHOLD = 0.30
UNDATED_JOIN_THRESHOLD = 0.45   # no day on one side: the time window cannot help, ask for more
MAX_DAYS_APART = 3
FEW_SHARED_QUOTE_WORDS = 6        # quotes sharing fewer words must be nearly contained ...
SHORT_QUOTE_MIN_CONTAINMENT = 0.65  # ... one in the other to count as the same statement
CANDIDATE_MIN_SHARED_TERMS = 3
MAX_CANDIDATES = 12
W_TERMS, W_QUOTES, W_ENTITIES, W_DATELINE = 0.70, 0.35, 0.15, 0.10


@dataclass
class Story:
    id: str
    members: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    entities: set[str] = field(default_factory=set)
    quotes: list[frozenset[str]] = field(default_factory=list)
    datelines: set[str] = field(default_factory=set)
    first: dt.date | None = None
    last: dt.date | None = None

    def add(self, item: ArticleFeatures) -> None:
        n = len(self.members)
        self.members.append(item.id)
        for term in set(self.centroid) | set(item.terms):
            self.centroid[term] = (self.centroid.get(term, 0.0) * n + item.terms.get(term, 0.0)) / (n + 1)
        if len(self.centroid) > 400:     # keep centroids small: the strongest terms carry the topic
            kept = sorted(self.centroid.items(), key=lambda kv: -kv[1])[:300]
            self.centroid = dict(kept)
        self.entities |= item.entities
        self.quotes.extend(item.quotes)
        if item.dateline:
            self.datelines.add(item.dateline)
        if item.day:
            self.first = min(self.first or item.day, item.day)
            self.last = max(self.last or item.day, item.day)


@dataclass
class StoryClusterer:
    stories: dict[str, Story] = field(default_factory=dict)
    index: dict[str, set[str]] = field(default_factory=dict)     # term -> story ids
    assignment: dict[str, str] = field(default_factory=dict)     # article id -> story id

    def add(self, item: ArticleFeatures) -> str:
        best, best_score = None, 0.0
        for story in self._candidates(item):
            score = similarity(item, story)
            needed = JOIN_THRESHOLD if item.day and story.first else UNDATED_JOIN_THRESHOLD
            if score > needed and score > best_score:
                best, best_score = story, score
        if best is None:
            best = Story(id="s" + item.id)
            self.stories[best.id] = best
        best.add(item)
        for term in item.top[:15]:
            self.index.setdefault(term, set()).add(best.id)
        self.assignment[item.id] = best.id
        return best.id

    def _candidates(self, item: ArticleFeatures) -> list[Story]:
        shared: dict[str, int] = {}
        for term in item.top:
            for story_id in self.index.get(term, ()):
                shared[story_id] = shared.get(story_id, 0) + 1
        ranked = sorted((s for s, n in shared.items() if n >= CANDIDATE_MIN_SHARED_TERMS),
                        key=lambda s: (-shared[s], s))
        close = [self.stories[s] for s in ranked if _close_in_time(item.day, self.stories[s])]
        return close[:MAX_CANDIDATES]     # bounded work per article, however large the archive


def _close_in_time(day: dt.date | None, story: Story) -> bool:
    if day is None or story.first is None or story.last is None:
        return True
    return (story.first - dt.timedelta(days=MAX_DAYS_APART)) <= day <= (story.last + dt.timedelta(days=MAX_DAYS_APART))


def similarity(item: ArticleFeatures, story: Story) -> float:
    terms = cosine(item.terms, story.centroid) / max(1e-9, _norm(story.centroid))
    quotes = max((_quote_evidence(a, b) for a in item.quotes for b in story.quotes), default=0.0)
    quotes = quotes if quotes >= 0.5 else 0.0
    union = item.entities | story.entities
    entities = len(item.entities & story.entities) / len(union) if union else 0.0
    dateline = 0.0
    if item.dateline and story.datelines:
        dateline = 1.0 if item.dateline in story.datelines else -1.0
    return W_TERMS * terms + W_QUOTES * quotes + W_ENTITIES * entities + W_DATELINE * dateline


def _quote_evidence(a: frozenset[str], b: frozenset[str]) -> float:
    """Containment of one quote in the other; a short overlap counts only when (nearly) whole:
    short generic lines ("اتفقت مع روسيا على تعزيز التعاون الاستراتيجي") recur across
    unrelated meetings, while a short quote carried whole by two outlets is one statement."""
    score = quote_similarity(a, b)
    if len(a & b) < FEW_SHARED_QUOTE_WORDS and score < SHORT_QUOTE_MIN_CONTAINMENT:
        return 0.0
    return score


def _norm(vector: dict[str, float]) -> float:
    return sum(v * v for v in vector.values()) ** 0.5
