"""marsad (مرصد): Arabic news in, structured knowledge out — offline.

Public API (plain functions over plain values):
    marsad.extract(text_or_html, **opts) -> Article
    marsad.ingest(paths, store) -> IngestReport
    marsad.open_store(db) -> Store
"""

from __future__ import annotations

__version__ = "0.1.0"

from marsad.api_lib import extract, ingest, open_store  # noqa: E402

__all__ = ["__version__", "extract", "ingest", "open_store"]
