"""Local execution: in this process, or a pool of worker processes (order is preserved)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Apply `fn` to every item; results come back in input order."""
        ...


class LocalExecutor:
    def __init__(self, workers: int = 1, chunksize: int = 16) -> None:
        self.workers = max(1, workers)
        self.chunksize = chunksize

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        if self.workers == 1:
            for item in items:
                yield fn(item)
            return
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            yield from pool.map(fn, items, chunksize=self.chunksize)
