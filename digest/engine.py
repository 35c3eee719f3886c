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
``dask``: chunks of the tasks submitted to a ``distributed`` cluster, a few at a time: the one at
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
CHUNKS_PER_WORKER = 16
"""Dask chunks per worker and map, at least: enough to balance uneven tasks."""
CHUNK_TASKS = 256
"""Tasks in a chunk, at most (a chunk of files comes back as that many articles)."""
CHUNK_BYTES = 8_000_000
"""Pickled bytes in a chunk, about: a large task (a block of profiles) closes its chunk."""
IN_FLIGHT_PER_WORKER = 2
"""Chunks sent ahead to each worker: one running, one waiting, so no worker idles between them."""

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
    """A chunked map on the Dask cluster at ``scheduler``, or on a ``LocalCluster`` of ``jobs`` processes."""
    try:
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
        return _windowed(client, workers, func, items)

    try:
        yield mapper
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _windowed(client: Any, workers: int, func: Callable[[Any], R], items: Sequence[Any]) -> list[R]:
    """Map ``func`` over ``items`` in chunks, with only a few chunks on the cluster at a time.

    Each chunk is pickled when it is sent and its future released as soon as its results are
    back, so the client holds the tasks and the results gathered so far (what the local
    engine holds) plus a few chunks in flight, and each worker one or two chunks: no copy of
    every task in the client, the scheduler and the workers at once.
    """
    if not items:
        return []
    from distributed import as_completed

    most = min(CHUNK_TASKS, max(1, -(-len(items) // (workers * CHUNKS_PER_WORKER))))
    chunks = enumerate(_chunks(items, most))
    parts: dict[int, list[R]] = {}
    sent: dict[Any, tuple[int, Any]] = {}
    done = as_completed()

    def send() -> None:
        number, chunk = next(chunks, (-1, None))
        if chunk is not None:
            # Scattered, not embedded in the task: Dask warns of (and slows on) large graphs.
            [data] = client.scatter([chunk], hash=False)
            future = client.submit(_unpickled, data, func, pure=False)
            sent[future] = (number, data)
            done.add(future)

    for _ in range(workers * IN_FLIGHT_PER_WORKER):
        send()
    for future in done:
        number, data = sent.pop(future)
        parts[number] = future.result()
        future.release()
        data.release()
        send()
    return [result for number in sorted(parts) for result in parts[number]]


def _chunks(items: Sequence[Any], most: int) -> Iterator[list[bytes]]:
    """The tasks pickled one by one, in consecutive chunks of ``most`` tasks or ``CHUNK_BYTES``.

    Pickled here, a task is bytes to Dask: it need not walk every dataclass inside.
    """
    chunk: list[bytes] = []
    size = 0
    for item in items:
        chunk.append(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
        size += len(chunk[-1])
        if len(chunk) >= most or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _unpickled(chunk: list[bytes], func: Callable[[Any], R]) -> list[R]:
    """Run ``func`` on each task of a chunk the client pickled (on a Dask worker)."""
    return [func(pickle.loads(task)) for task in chunk]
