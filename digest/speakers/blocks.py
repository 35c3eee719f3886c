"""How speaker resolution splits into tasks for an engine's workers (``digest.engine``).

Reading each quote's speaker and finding the quoted people's names in article bodies
depend on one article at a time (given the quoted people); comparing person names
depends on one block of surname keys at a time. These run in blocks of articles or of
surname keys, on an engine's mapper when one is given; what joins them (union-find over
the links, in the order one pass uses) runs in the calling process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Mapper = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]
"""An engine's map: a function over tasks, the results in the order of the tasks."""

BLOCK_ARTICLES = 500
"""Articles per task when mentions are read, or names found in bodies, on an engine's workers."""

BLOCK_COMPARISONS = 250_000
"""Name comparisons (a surname block's size squared, summed) per task on an engine's workers."""

T = TypeVar("T")


def article_blocks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    """Cut ``items`` into consecutive runs of ``BLOCK_ARTICLES``."""
    for start in range(0, len(items), BLOCK_ARTICLES):
        yield items[start : start + BLOCK_ARTICLES]


def comparison_blocks(blocks: Sequence[tuple[Sequence[int], T]]) -> Iterator[list[tuple[Sequence[int], T]]]:
    """Group consecutive surname blocks (their forms' numbers, and what else the task needs) into tasks.

    A task holds consecutive blocks up to about ``BLOCK_COMPARISONS`` comparisons (a block of
    n forms makes n² of them), in order.
    """
    task: list[tuple[Sequence[int], T]] = []
    cost = 0
    for block in blocks:
        task.append(block)
        cost += len(block[0]) ** 2
        if cost >= BLOCK_COMPARISONS:
            yield task
            task, cost = [], 0
    if task:
        yield task
