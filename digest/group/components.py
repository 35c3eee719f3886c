"""Connected components of a graph on ``range(n)``, by union-find."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

Pair = tuple[int, int]
"""Two item numbers, the smaller first."""


def connected_components(n: int, edges: Iterable[Pair]) -> list[list[int]]:
    """Return the connected components of a graph on ``range(n)``, each sorted, by smallest member."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return list(groups.values())
