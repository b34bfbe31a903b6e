"""Per-story output: grouped quotes, main entities, timeline and a cited extractive summary."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import numpy as np

from marsad.arabic.split import sentences
from marsad.arabic.tokens import content_stems, idf
from marsad.article import Article
from marsad.storylines.embeddings import embed
from marsad.storylines.features import quote_similarity, quote_words

SUMMARY_SENTENCES = 4
MAX_REPEAT_OVERLAP = 0.5
QUOTE_GROUP_MIN = 0.6
PARAPHRASE_MIN_COSINE = 0.55


def group_quotes(articles: list[Article]) -> list[dict[str, Any]]:
    """The same statement in several articles (verbatim, cut or reworded) becomes one entry;
    each article quote gets, in `group`, the index of its entry in the returned list.
    Reworded: the same speaker and close sentence embeddings (a paraphrase shares few words:
    "دون أي مبالغة" / "بلا مبالغة")."""
    groups: list[dict[str, Any]] = []
    vectors = _speaker_quote_vectors(articles)
    for article in articles:
        for quote in article.quotes:
            words = quote_words(quote["text"])
            vector = vectors.get(id(quote))
            target = next((g for g in groups if _same_statement(g, quote, words, vector, article.id)), None)
            if target is None:
                target = {"speaker": quote.get("speaker"), "speaker_name": quote.get("speaker_name"),
                          "text": quote["text"], "articles": [], "_words": words, "_vector": vector,
                          "_order": len(groups), "_quotes": []}
                groups.append(target)
            if article.id not in target["articles"]:
                target["articles"].append(article.id)
            target["speaker"] = target["speaker"] or quote.get("speaker")
            target["speaker_name"] = target["speaker_name"] or quote.get("speaker_name")
            target["_quotes"].append(quote)
    ranked = sorted(groups, key=lambda g: (-len(g["articles"]), g["_order"]))
    for index, group in enumerate(ranked):
        for quote in group["_quotes"]:
            quote["group"] = index
    return [{k: v for k, v in g.items() if not k.startswith("_")} for g in ranked]


def _speaker_quote_vectors(articles: list[Article]) -> dict[int, np.ndarray]:
    """Embeddings of the quotes a paraphrase check can use (named speaker, story of several
    articles), by quote object id; all in one batch."""
    if len(articles) < 2:
        return {}
    quotes = [q for article in articles for q in article.quotes if q.get("speaker")]
    vectors = embed([q["text"] for q in quotes])
    return {} if vectors is None else {id(q): v for q, v in zip(quotes, vectors, strict=True)}


def _same_statement(group: dict[str, Any], quote: dict[str, Any], words: frozenset[str],
                    vector: np.ndarray | None, article_id: str) -> bool:
    if group["speaker"] and quote.get("speaker") and group["speaker"] != quote["speaker"]:
        return False
    if len(words) < 4:
        return False
    if quote_similarity(group["_words"], words) >= QUOTE_GROUP_MIN:
        return True
    # a paraphrase: only across outlets, only with the same named speaker
    same_speaker = group["speaker"] is not None and group["speaker"] == quote.get("speaker")
    return (same_speaker and vector is not None and group["_vector"] is not None
            and article_id not in group["articles"]
            and float(vector @ group["_vector"]) >= PARAPHRASE_MIN_COSINE)


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
