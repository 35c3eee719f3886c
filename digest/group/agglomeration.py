"""The one average-linkage clusterer of ``digest.group``: groups merge best-linked first.

Both groupings (articles into storylines, quotations into statements) merge groups
bottom-up by the mean similarity of their cross pairs, from a priority queue of candidate
merges. What differs is how a link is measured and what may merge, so a grouping
subclasses ``Agglomeration`` and says three things: when the queue holds nothing more
worth merging (``exhausted``), whether a queued candidate still describes the two groups
(``current``), and what to do with it (``consider``: merge, requeue or skip).
"""

from __future__ import annotations

import heapq

Priority = tuple[float, ...]
"""What orders candidate merges: smallest first (so, negated similarities)."""


class Agglomeration:
    """Groups of items by id, merged one candidate at a time in priority order."""

    def __init__(self, members: dict[int, list[int]]) -> None:
        self.members = members
        """Each live group's items, by group id."""
        self.heap: list[tuple[Priority, int, int]] = []

    def queue(self, priority: Priority, a: int, b: int) -> None:
        """Queue the merge of groups ``a`` and ``b``; ties go to the smaller ids."""
        heapq.heappush(self.heap, (priority, a, b))

    def run(self) -> list[list[int]]:
        """Consider every queued candidate in order until none is worth it; return the groups."""
        while self.heap:
            priority, a, b = heapq.heappop(self.heap)
            if self.exhausted(priority):
                break
            if self.current(priority, a, b):
                self.consider(a, b)
        return list(self.members.values())

    def exhausted(self, priority: Priority) -> bool:
        """Whether no candidate from this one on can merge (the queue is in priority order)."""
        return False

    def current(self, priority: Priority, a: int, b: int) -> bool:
        """Whether a queued candidate still joins two live groups as it was queued."""
        return a in self.members and b in self.members

    def consider(self, a: int, b: int) -> None:
        """Merge two groups, or requeue or drop the candidate."""
        raise NotImplementedError
