"""Build src/marsad/data/word_clusters.tsv: distributional word classes for the NER tagger.

A word seen in news text is described by the words found just before and just after it
(positive PMI over left and right contexts of the most frequent words), reduced by SVD and
grouped by k-means at three granularities. Words that behave alike get the same class: given
names cluster with given names, foreign surnames with foreign surnames, whether or not the
tagger's training corpus ever saw them. Only derived classes are written, never sentences.

Sources: the SaudiNewsNet articles and the training part (first five sixths) of ANERcorp from
../shared/corpora; its held-out final sixth is never read, so NER test scores stay honest.

    python tools/build_clusters.py [--min-count 6] [--max-words 60000]
"""

from __future__ import annotations

import argparse
import json
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

from marsad.ner.features import cluster_key, tokenize
from marsad.ner.train import CORPUS_FILE, read_corpus, split_final_sixth

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
SIZES = (64, 256, 1024)
CONTEXTS = 4000
WINDOW = (-2, -1, 1, 2)


def documents() -> Iterator[list[str]]:
    """Token keys per sentence-ish chunk (news paragraphs; ANERcorp sentences)."""
    for path in sorted((SHARED / "saudinewsnet" / "dataset").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for item in json.loads(archive.read(name)):
                    for paragraph in (item.get("content") or "").split("\n"):
                        yield [cluster_key(token) for _, _, token in tokenize(paragraph)]
    train, _held_out = split_final_sixth(read_corpus(SHARED / "anercorp" / CORPUS_FILE))
    for tokens, _labels in train:
        yield [cluster_key(token) for token in tokens]


def cooccurrences(min_count: int, max_words: int) -> tuple[list[str], sparse.csr_matrix]:
    chunks = [chunk for chunk in documents() if chunk]
    counts = Counter(key for chunk in chunks for key in chunk)
    vocab = [w for w, n in counts.most_common(max_words) if n >= min_count and w]
    word_id = {w: i for i, w in enumerate(vocab)}
    context_id = {w: i for i, w in enumerate(vocab[:CONTEXTS])}
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for chunk in chunks:
        words = np.array([word_id.get(k, -1) for k in chunk])
        contexts = np.array([context_id.get(k, -1) for k in chunk])
        for slot, offset in enumerate(WINDOW):
            if len(chunk) <= abs(offset):
                continue
            left, right = (words[-offset:], contexts[:offset]) if offset < 0 else (words[:-offset], contexts[offset:])
            keep = (left >= 0) & (right >= 0)
            rows.append(left[keep])
            cols.append(right[keep] + slot * CONTEXTS)
    r, c = np.concatenate(rows), np.concatenate(cols)
    matrix = sparse.coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)),
                               shape=(len(vocab), CONTEXTS * len(WINDOW))).tocsr()
    return vocab, matrix


def ppmi(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    total = matrix.sum()
    row = np.asarray(matrix.sum(axis=1)).ravel()
    col = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75      # context smoothing
    col = col / col.sum() * total
    coo = matrix.tocoo()
    values = np.log(coo.data * total / (row[coo.row] * col[coo.col]))
    keep = values > 0
    return sparse.csr_matrix((values[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)


def kmeans(points: np.ndarray, k: int, seed: int = 7, rounds: int = 25) -> np.ndarray:
    """Spherical k-means (points are unit vectors); deterministic for a seed."""
    rng = np.random.default_rng(seed)
    centres = points[rng.choice(len(points), size=k, replace=False)]
    labels = np.zeros(len(points), dtype=np.int64)
    for _ in range(rounds):
        labels = np.argmax(points @ centres.T, axis=1)
        for cluster in range(k):
            members = points[labels == cluster]
            if len(members):
                centre = members.sum(axis=0)
                centres[cluster] = centre / (np.linalg.norm(centre) or 1.0)
    return labels


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--min-count", type=int, default=6)
    parser.add_argument("--max-words", type=int, default=60_000)
    parser.add_argument("--dims", type=int, default=120)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="k of each k-means level")
    parser.add_argument("--out", default=str(ROOT / "src/marsad/data/word_clusters.tsv"))
    args = parser.parse_args()
    vocab, matrix = cooccurrences(args.min_count, args.max_words)
    u, s, _vt = svds(ppmi(matrix), k=args.dims, random_state=7)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    sizes = [int(k) for k in args.sizes.split(",")]
    labels = [kmeans(vectors, k) for k in sizes]
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# distributional word classes (tools/build_clusters.py) over SaudiNewsNet and the\n")
        out.write("# ANERcorp training part: derived classes only, no text\n")
        out.write("word\t" + "\t".join(f"c{k}" for k in sizes) + "\n")
        for i, word in enumerate(vocab):
            out.write(word + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n")
    print(f"{len(vocab)} words, {matrix.nnz} co-occurrence cells -> {args.out}")


if __name__ == "__main__":
    main()
