"""Where the analysis's independent pieces run: this process, worker processes, or a Dask cluster.

The analysis has work that splits without changing the result: reading and extracting
each file (one task per file), the blocks of speaker resolution (reading mentions, comparing
names by surname block, finding quoted people's names in bodies) and of storyline grouping
(candidate pairs and their evidence, by blocks of articles consecutive in date), and
matching statements within each storyline (one task per storyline; clusters never cross
storylines). An engine maps a function over such tasks and returns the results in the
order of the tasks, so the recipe in ``pipeline.analyse`` stays the same and its output is
byte-identical whichever engine ran it. What joins the blocks (union-find over name links,
the average linkage of articles, ids) runs in the calling process in the order one pass
uses (``docs/scaling.md`` says what that costs). The local engine runs the corpus-wide
stages in one pass; Dask maps their blocks.

``local``: this process, or ``jobs`` worker processes (``concurrent.futures``).
``dask``: a Dask bag over the tasks on a ``distributed`` cluster: the one at
``scheduler`` (``tcp://host:8786``), or a ``LocalCluster`` of ``jobs`` worker processes.
Dask is an optional extra: ``pip install "storyline-digest[dask]"``.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

log = logging.getLogger(__name__)

ENGINES = ("local", "dask")
MIN_PARALLEL = 16
"""Fewer tasks than this run in this process on the local engine (starting workers costs more)."""
TASKS_PER_WORKER = 4
"""Dask partitions per worker: enough to balance uneven files, few enough to keep overhead low."""

T = TypeVar("T")
R = TypeVar("R")
Mapper = Callable[[Callable[[T], R], Sequence[T]], list[R]]
"""Maps a function over tasks; the results come back in the order of the tasks."""


class EngineError(Exception):
    """The engine cannot start (an unknown name, Dask not installed, no scheduler at the address)."""


@contextmanager
def open_engine(engine: str = "local", jobs: int = 1, scheduler: str | None = None) -> Iterator[Mapper]:
    """A mapper for the analysis's independent tasks, open for the duration of the block."""
    if engine == "local":
        if scheduler:
            raise EngineError("--scheduler needs --engine dask")
        with _local(jobs) as mapper:
            yield mapper
    elif engine == "dask":
        with _dask(jobs, scheduler) as mapper:
            yield mapper
    else:
        raise EngineError(f"unknown engine {engine!r}; known: {', '.join(ENGINES)}")


@contextmanager
def _local(jobs: int) -> Iterator[Mapper]:
    """``map`` in this process, or an order-keeping map over ``jobs`` worker processes.

    The workers live for one map only, so their memory is freed before the corpus-wide stages run.
    """

    def mapper(func: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        if jobs <= 1 or len(items) < MIN_PARALLEL:
            return list(map(func, items))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return list(pool.map(func, items, chunksize=max(1, len(items) // (jobs * 8))))

    yield mapper


@contextmanager
def _dask(jobs: int, scheduler: str | None) -> Iterator[Mapper]:
    """A Dask bag map on the cluster at ``scheduler``, or on a ``LocalCluster`` of ``jobs`` processes."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise EngineError(
            f"--engine dask needs Dask ({exc}): pip install 'storyline-digest[dask]' (dask[distributed])"
        ) from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError, RuntimeError) as exc:
        if cluster is not None:
            cluster.close()
        raise EngineError(f"cannot reach the Dask scheduler {scheduler or '(local cluster)'}: {exc}") from None
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    log.info("digest: analysing on Dask (%d workers, %s)", workers, scheduler or "local cluster")

    def mapper(func: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        if not items:
            return []
        partitions = min(len(items), workers * TASKS_PER_WORKER)
        # Pickled here, the tasks are bytes to Dask: it hashes them instead of walking every
        # dataclass inside to name the graph's keys (seconds per block of speaker indexes).
        pickled = [pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL) for item in items]
        bag = db.from_sequence(pickled, npartitions=partitions).map(_unpickled, func)
        return list(bag.compute(scheduler=client))

    try:
        yield mapper
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _unpickled(task: bytes, func: Callable[[Any], R]) -> R:
    """Run ``func`` on a task the client pickled (on a Dask worker)."""
    return func(pickle.loads(task))
