"""Executors decide where `process` runs; they hold no text logic."""

from __future__ import annotations

from marsad.executors.local import Executor, LocalExecutor


def make_executor(workers: int = 1, dask_address: str | None = None) -> Executor:
    if dask_address:
        from marsad.executors.dask import DaskExecutor

        return DaskExecutor(dask_address)
    return LocalExecutor(workers)


__all__ = ["Executor", "LocalExecutor", "make_executor"]
