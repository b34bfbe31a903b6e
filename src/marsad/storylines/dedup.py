"""Near-duplicates and syndicated copies: MinHash/LSH over word shingles, plus paragraph
containment (agency copy republished with another intro or footer).

A small vectorised MinHash (numpy): shingle hashes are crc32 of normalized word 3-grams,
permuted with 64 universal hash functions; LSH with 16 bands of 4 rows finds candidates in
constant time per article, so cost stays flat as the collection grows.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

import numpy as np

from marsad.arabic.normalize import normalize
from marsad.arabic.tokens import WORD

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 3
DUPLICATE_JACCARD = 0.6
DUPLICATE_CONTAINMENT = 0.6     # share of an article's paragraphs found in an earlier one
MIN_PARAGRAPH_CHARS = 60
_PRIME = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20240409)
_A = _rng.integers(1, (1 << 61) - 1, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, (1 << 61) - 1, size=NUM_PERM, dtype=np.uint64)


_WORD_HASHES: dict[str, int] = {}
_K1, _K2 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F)


def _word_hash(word: str) -> int:
    found = _WORD_HASHES.get(word)
    if found is None:
        if len(_WORD_HASHES) > 1_000_000:
            _WORD_HASHES.clear()
        found = _WORD_HASHES[word] = zlib.crc32(word.encode()) + 1
    return found


def shingle_hashes(text: str) -> np.ndarray:
    """Hashes of the word 3-grams: each word is hashed once (cached), the 3-grams are
    combined in numpy (no per-shingle strings)."""
    words = WORD.findall(normalize(text))
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    cache = _WORD_HASHES
    hashes = [cache.get(w) for w in words]
    if None in hashes:
        hashes = [h if h is not None else _word_hash(w) for h, w in zip(hashes, words, strict=True)]
    ids = np.array(hashes, dtype=np.uint64)
    grams = ids[:-2] * _K1 + ids[1:-1] * _K2 + ids[2:]
    return np.unique(grams)


def minhash(text: str) -> np.ndarray:
    hashes = shingle_hashes(text)
    # (a * x + b) mod p, vectorised over all shingles and permutations at once
    permuted = (np.outer(hashes, _A) + _B) % _PRIME
    return permuted.min(axis=0)


def paragraph_keys(text: str) -> set[int]:
    return {zlib.crc32(" ".join(WORD.findall(normalize(p))).encode())
            for p in text.split("\n\n") if len(p) >= MIN_PARAGRAPH_CHARS}


@dataclass
class DuplicateIndex:
    """Earliest-first index: `check` answers "is this a copy of something seen before?"."""

    buckets: dict[tuple[int, bytes], list[int]] = field(default_factory=dict)
    signatures: list[np.ndarray] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    paragraphs: dict[int, int] = field(default_factory=dict)      # paragraph key -> first doc
    paragraph_counts: list[int] = field(default_factory=list)

    def check_and_add(self, article_id: str, text: str) -> str | None:
        signature = minhash(text)
        keys = paragraph_keys(text)
        original = self._by_minhash(signature) or self._by_paragraphs(keys)
        index = len(self.ids)
        self.ids.append(article_id)
        self.signatures.append(signature)
        self.paragraph_counts.append(len(keys))
        for band in range(BANDS):
            key = (band, signature[band * ROWS : (band + 1) * ROWS].tobytes())
            self.buckets.setdefault(key, []).append(index)
        for paragraph in keys:
            self.paragraphs.setdefault(paragraph, index)
        return original

    def _by_minhash(self, signature: np.ndarray) -> str | None:
        candidates: set[int] = set()
        for band in range(BANDS):
            candidates.update(self.buckets.get((band, signature[band * ROWS : (band + 1) * ROWS].tobytes()), ()))
        best, best_score = None, DUPLICATE_JACCARD
        for index in sorted(candidates):
            score = float(np.mean(self.signatures[index] == signature))
            if score >= best_score:
                best, best_score = index, score
        return self.ids[best] if best is not None else None

    def _by_paragraphs(self, keys: set[int]) -> str | None:
        if len(keys) < 2:
            return None
        hits: dict[int, int] = {}
        for key in keys:
            if key in self.paragraphs:
                hits[self.paragraphs[key]] = hits.get(self.paragraphs[key], 0) + 1
        for index, count in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0])):
            if count / len(keys) >= DUPLICATE_CONTAINMENT:
                return self.ids[index]
        return None
