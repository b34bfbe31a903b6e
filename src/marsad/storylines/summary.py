"""Per-story output: grouped quotes, main entities, timeline and a cited extractive summary."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from marsad.arabic.split import sentences
from marsad.arabic.tokens import content_stems, idf
from marsad.article import Article
from marsad.storylines.features import quote_similarity, quote_words

SUMMARY_SENTENCES = 4
MAX_REPEAT_OVERLAP = 0.5
QUOTE_GROUP_MIN = 0.6


def group_quotes(articles: list[Article]) -> list[dict[str, Any]]:
    """The same statement in several articles (verbatim or cut/reworded) becomes one entry;
    each article quote gets the group's index in `group`."""
    groups: list[dict[str, Any]] = []
    for article in articles:
        for quote in article.quotes:
            words = quote_words(quote["text"])
            target = next((g for g in groups if _same_statement(g, quote, words)), None)
            if target is None:
                target = {"speaker": quote.get("speaker"), "speaker_name": quote.get("speaker_name"),
                          "text": quote["text"], "articles": [], "_words": words}
                groups.append(target)
            if article.id not in target["articles"]:
                target["articles"].append(article.id)
            target["speaker"] = target["speaker"] or quote.get("speaker")
            target["speaker_name"] = target["speaker_name"] or quote.get("speaker_name")
            quote["group"] = groups.index(target)
    ranked = sorted(groups, key=lambda g: (-len(g["articles"]), groups.index(g)))
    return [{k: v for k, v in g.items() if not k.startswith("_")} for g in ranked]


def _same_statement(group: dict[str, Any], quote: dict[str, Any], words: frozenset[str]) -> bool:
    if group["speaker"] and quote.get("speaker") and group["speaker"] != quote["speaker"]:
        return False
    return len(words) >= 4 and quote_similarity(group["_words"], words) >= QUOTE_GROUP_MIN


def main_entities(articles: list[Article], limit: int = 12) -> list[dict[str, str]]:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for article in articles:
        for entity in article.entities:
            counts[entity["id"]] += 1
            names[entity["id"]] = entity["name"]
    ranked = sorted(counts, key=lambda e: (-counts[e], not e.startswith("person:"), e))
    return [{"id": e, "name": names[e]} for e in ranked[:limit]]


def summarize(articles: list[Article], size: int = SUMMARY_SENTENCES) -> list[dict[str, str]]:
    """Sentences central to the story (shared vocabulary, lead position), no near-repeats,
    each citing its article; at most two from any one article when several carry the story."""
    candidates = []
    document_freq: Counter[str] = Counter()
    for article in articles:
        document_freq.update(set(content_stems(article.text)))
    for rank, article in enumerate(articles):
        for position, (start, end) in enumerate(sentences(article.text)[:8]):
            sentence = article.text[start:end]
            stems = content_stems(sentence)
            if len(stems) < 6 or len(sentence) > 400:
                continue
            shared = sum(idf(s) * math.log1p(document_freq[s]) for s in set(stems)) / math.sqrt(len(stems))
            candidates.append((shared / (1 + 0.25 * position) / (1 + 0.05 * rank), sentence, article.id, set(stems)))
    chosen: list[tuple[float, str, str, set[str]]] = []
    for candidate in sorted(candidates, key=lambda c: -c[0]):
        if any(_jaccard(candidate[3], c[3]) > MAX_REPEAT_OVERLAP for c in chosen):
            continue
        if len(articles) > 1 and sum(1 for c in chosen if c[2] == candidate[2]) >= 2:
            continue
        chosen.append(candidate)
        if len(chosen) == size:
            break
    order = {a.id: i for i, a in enumerate(articles)}
    chosen.sort(key=lambda c: (order[c[2]], articles[order[c[2]]].text.find(c[1])))
    return [{"text": c[1], "article": c[2]} for c in chosen]


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0
