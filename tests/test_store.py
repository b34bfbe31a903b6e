"""The same behaviour on every backend (SQLite always; PostgreSQL when a server is reachable)."""

from __future__ import annotations

from pathlib import Path

import marsad
from marsad.api_lib import ingest, reprocess
from marsad.store import Store

TEXT_A = "بكين - قال وزير الخارجية إن المحادثات كانت مثمرة وبناءة جدا مع نظيره.\n\nوأضاف أن التعاون مستمر بين البلدين في كل المجالات."
TEXT_B = "الرياض - أعلنت الوزارة اليوم عن خطة جديدة لتطوير النقل العام في المدينة خلال العام المقبل."


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_add_is_idempotent_by_id(store: Store) -> None:
    article = marsad.extract(TEXT_A)
    assert store.add(article, TEXT_A.encode()) is True
    assert store.add(article, TEXT_A.encode()) is False
    assert store.count() == 1
    assert store.get(article.id)["text"] == article.text


def test_ingest_twice_changes_nothing(store: Store, tmp_path: Path) -> None:
    paths = [_write(tmp_path, "a.txt", TEXT_A.encode()), _write(tmp_path, "b.txt", TEXT_B.encode("cp1256"))]
    first = ingest(paths, store)
    before = store.stats()
    second = ingest(paths, store)
    assert (first.added, second.added, second.skipped) == (2, 0, 2)
    assert store.stats() == before


def test_bad_inputs_fail_alone_and_keep_what_is_stored(store: Store, tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", TEXT_A.encode("utf-16"))
    ingest([good], store)
    bad = [_write(tmp_path, "empty.txt", b""), _write(tmp_path, "nul.txt", b"\x00\x01" * 50)]
    other = _write(tmp_path, "other.txt", TEXT_B.encode())
    report = ingest([*bad, other], store)
    assert [source for source, _ in report.failed] == bad
    assert report.added == 1
    assert store.count() == 2


def test_cp1256_and_utf16_are_stored_decoded(store: Store, tmp_path: Path) -> None:
    ingest([_write(tmp_path, "w.txt", TEXT_B.encode("cp1256")), _write(tmp_path, "u.txt", TEXT_A.encode("utf-16"))], store)
    texts = [a.text for a in store.articles()]
    assert texts[0].startswith("الرياض - أعلنت الوزارة")
    assert texts[1].startswith("بكين - قال وزير الخارجية")


def test_reprocess_keeps_ids_and_count(store: Store, tmp_path: Path) -> None:
    jsonl = _write(tmp_path, "feed.jsonl", (f'{{"text": "{TEXT_B}", "url": "https://x.example/1"}}\n').encode())
    ingest([_write(tmp_path, "a.txt", TEXT_A.encode()), jsonl], store)
    ids = [a.id for a in store.articles()]
    report = reprocess(store)
    assert report.added == 2 and not report.failed
    assert [a.id for a in store.articles()] == ids
    assert all(a.pipeline_version for a in store.articles())
