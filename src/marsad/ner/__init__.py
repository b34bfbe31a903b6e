"""Statistical named-entity tagger (CRF) trained on ANERcorp and shipped with the package."""

from __future__ import annotations

from marsad.ner.features import tokenize
from marsad.ner.tagger import TYPES, Tagger, load_tagger, spans_from_labels

__all__ = ["TYPES", "Tagger", "load_tagger", "spans_from_labels", "tokenize"]
