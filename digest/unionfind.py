"""Union-find: the groups that pairwise links make, shared by speaker resolution and grouping."""

from __future__ import annotations

from collections.abc import Iterable


class UnionFind:
    """Disjoint groups of ``range(size)``; merging keeps the smaller root, so results are stable."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.members: dict[int, list[int]] = {i: [i] for i in range(size)}

    def find(self, i: int) -> int:
        """Return the root of ``i``'s group."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        """Merge the groups of ``a`` and ``b``."""
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra].extend(self.members.pop(rb))

    def groups(self) -> list[list[int]]:
        """Return every group's members, sorted, groups in order of their smallest member."""
        return sorted(sorted(m) for m in self.members.values())


def connected_components(n: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Return the connected components of a graph on ``range(n)``, each sorted, by smallest member."""
    groups = UnionFind(n)
    for a, b in edges:
        groups.union(a, b)
    return groups.groups()
