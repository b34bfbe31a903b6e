"""Shared fixtures: the shared seeds (skipped when absent) and a store per backend."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPORA = SHARED / "corpora"
PG_URL = os.environ.get("MARSAD_TEST_PG", "postgresql://marsad:marsad@127.0.0.1:5432/marsad_test")


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"shared seeds not found at {SEEDS}")
    return SEEDS


def seed_file(name_prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"shared seeds not found at {SEEDS}")
    matches = sorted(SEEDS.glob(f"{name_prefix}*.txt"))
    if not matches:
        pytest.skip(f"seed {name_prefix} not found")
    return matches[0]


def _postgres_available() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=2):
            return None
    except Exception as exc:  # any failure means: no server to test against
        return f"PostgreSQL not reachable at {PG_URL} ({type(exc).__name__})"


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        backend = open_store(str(tmp_path / "test.db"))
    else:
        reason = _postgres_available()
        if reason:
            pytest.skip(reason)
        from marsad.store.postgres import PostgresStore

        backend = PostgresStore(PG_URL, schema=f"t_{uuid.uuid4().hex[:12]}")
    yield backend
    if request.param == "postgres":
        backend.drop_schema()  # type: ignore[attr-defined]
    backend.close()
