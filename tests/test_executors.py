"""The executor seam: local processes and Dask give the same records, in input order."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.api_lib import process_paths
from marsad.executors import LocalExecutor

TEXTS = [f"القاهرة - أعلنت الوزارة اليوم عن خطة رقم {i} لتطوير النقل العام في المدينة خلال العام المقبل." for i in range(6)]


def _paths(tmp_path: Path) -> list[str]:
    paths = []
    for i, text in enumerate(TEXTS):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _records(paths: list[str], executor: object) -> list[tuple[str, str]]:
    return [(o.source, o.article.id) for o in process_paths(paths, executor=executor) if o.article]  # type: ignore[arg-type]


def test_worker_processes_keep_input_order(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    assert _records(paths, LocalExecutor(workers=2, chunksize=1)) == _records(paths, LocalExecutor())


def test_dask_executor_gives_the_same_records(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    from marsad.executors.dask import DaskExecutor

    paths = _paths(tmp_path)
    executor = DaskExecutor("local", batch_size=4)
    try:
        assert _records(paths, executor) == _records(paths, LocalExecutor())
    finally:
        executor.close()
