"""Dask execution for a cluster: `--dask tcp://scheduler:8786` (or "local" for a local cluster).

Batches keep the task graph small; results are gathered batch by batch in input order, so
memory stays bounded however long the input is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class DaskExecutor:
    def __init__(self, address: str = "local", batch_size: int = 256) -> None:
        from dask.distributed import Client, LocalCluster

        self._cluster: Any = None
        if address == "local":
            self._cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True)
            self.client = Client(self._cluster)
        else:
            self.client = Client(address)
        self.batch_size = batch_size

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        iterator = iter(items)
        while batch := list(islice(iterator, self.batch_size)):
            futures = self.client.map(fn, batch, pure=False)
            yield from self.client.gather(futures)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
