"""Translated copies of one report: quotations in the same order are the same statements.

An outlet that translates a wire story keeps its quotations in the order of the original.
Once two of them are known to be the same statements (matched by wording or by cognates,
``translations``), the quotations between them line up too, though a translation may share
no word with its original ("Es un buen activo que estamos muy decididos a conservar" / "It is
a fine asset that we are very determined to keep").

Two sources in different languages are *parallel* when at least ``MIN_ANCHORS`` of their
quotations, in different statements (each quoted by at most ``MAX_QUOTING`` sources), are
known to match and do so in the same order in both
(the longest such chain: its *anchors*). Between two consecutive anchors, the quotations that
neither source has matched otherwise are paired in order when both sides have as many. With
``MIN_OUTWARD_ANCHORS`` anchors, those after the last anchor (an excerpt may stop early) and
before the first are paired too, outward from the anchor as far as the shorter side goes.
A pair joins its two statements only when their speakers do not conflict and at least one
side names a speaker, and never puts one source in a statement twice (but for two parts
lined up with two parts). Pairing repeats until nothing changes, so a copy aligned with
one translation helps align another.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from itertools import pairwise

from ..unionfind import UnionFind
from .units import Unit

MIN_ANCHORS = 2
"""Matched quotations in distinct statements, in the same order, that make two sources parallel."""

MIN_OUTWARD_ANCHORS = 3
"""Anchors in distinct statements from which the quotations before the first and after the last are paired too."""

MAX_QUOTING = 100
"""Sources quoting one statement beyond which it anchors no pair of them (a wire quotation everyone carries)."""

MAX_ROUNDS = 4
"""Rounds of pairing at most (each round may align more sources through the last one's joins)."""


def join_parallels(clusters: Sequence[Sequence[int]], units: Sequence[Unit], spoken: Sequence[str]) -> list[list[int]]:
    """Return the clusters with the statements that parallel sources quote in the same places joined.

    ``clusters`` are lists of unit positions; ``spoken`` gives each unit's language (``""``
    if unknown). The result keeps each joined cluster in the place of its first part.
    """
    state = _Statements(clusters, units, spoken)
    for _ in range(MAX_ROUNDS):
        if not state.align_round():
            break
    return state.result()


class _Statements:
    """Clusters being joined (a union-find over cluster positions) and each source's units in text order."""

    def __init__(self, clusters: Sequence[Sequence[int]], units: Sequence[Unit], spoken: Sequence[str]) -> None:
        self.clusters = clusters
        self.units = units
        self.groups = UnionFind(len(clusters))
        self.owner = [0] * len(units)
        for k, members in enumerate(clusters):
            for u in members:
                self.owner[u] = k
        self.order: dict[str, list[int]] = defaultdict(list)
        for u in sorted(range(len(units)), key=lambda u: (units[u].quotes[0].start, units[u].quotes[0].end, u)):
            self.order[units[u].source].append(u)
        self.language = {source: spoken[members[0]] for source, members in self.order.items()}

    def statement(self, u: int) -> int:
        """Return the current statement (union-find root) of unit ``u``."""
        return self.groups.find(self.owner[u])

    def members(self, statement: int) -> list[int]:
        """Return the units of a current statement."""
        return [u for k in self.groups.members[statement] for u in self.clusters[k]]

    def result(self) -> list[list[int]]:
        """Return the joined clusters, each in the place of its first part."""
        return [sorted(self.members(k)) for k in range(len(self.clusters)) if k in self.groups.members]

    def align_round(self) -> bool:
        """Pair the gaps of every parallel pair of sources once; tell whether anything was joined."""
        changed = False
        for left, right in self.source_pairs():
            for a, b in self.gap_pairs(self.order[left], self.order[right]):
                if self.may_join(a, b):
                    self.groups.union(self.statement(a), self.statement(b))
                    changed = True
        return changed

    def source_pairs(self) -> list[tuple[str, str]]:
        """Return the pairs of sources in different known languages sharing ``MIN_ANCHORS`` statements or more."""
        quoting: dict[int, set[str]] = defaultdict(set)
        for source, members in self.order.items():
            for u in members:
                quoting[self.statement(u)].add(source)
        shared: Counter[tuple[str, str]] = Counter()
        for sources in quoting.values():
            if len(sources) > MAX_QUOTING:
                continue
            ordered = sorted(sources)
            for i, left in enumerate(ordered):
                for right in ordered[i + 1 :]:
                    if self.language[left] and self.language[right] and self.language[left] != self.language[right]:
                        shared[(left, right)] += 1
        return sorted(pair for pair, count in shared.items() if count >= MIN_ANCHORS)

    def gap_pairs(self, left: list[int], right: list[int]) -> list[tuple[int, int]]:
        """Return the unit pairs the anchors of two sources line up (none when they are not parallel)."""
        of = [self.statement(u) for u in left], [self.statement(u) for u in right]
        anchors = longest_chain(*of)
        distinct = len({of[0][i] for i, _ in anchors})
        if distinct < MIN_ANCHORS:
            return []
        shared = set(of[0]) & set(of[1])
        pairs: list[tuple[int, int]] = []
        for gap_left, gap_right, outward in gaps(anchors, len(left), len(right)):
            if any(of[0][i] in shared for i in gap_left) or any(of[1][j] in shared for j in gap_right):
                continue
            if (outward == 0 and len(gap_left) != len(gap_right)) or (outward and distinct < MIN_OUTWARD_ANCHORS):
                continue
            if outward < 0:
                gap_left, gap_right = gap_left[::-1], gap_right[::-1]
            pairs.extend((left[i], right[j]) for i, j in zip(gap_left, gap_right, strict=False))
        return pairs

    def may_join(self, a: int, b: int) -> bool:
        """Tell whether the statements of ``a`` and ``b`` may join: a speaker named, none in conflict, no source twice.

        One side's source may be in the other's statement already when the other side's
        source quotes that statement in parts too: two parts lined up with two parts.
        """
        first, second = self.statement(a), self.statement(b)
        if first == second:
            return False
        ours, theirs = self.members(first), self.members(second)
        voices = _voice(ours, self.units), _voice(theirs, self.units)
        if voices == (None, None) or (None not in voices and voices[0] != voices[1]):
            return False
        twice = {self.units[u].source for u in ours} & {self.units[u].source for u in theirs}
        return (
            not twice
            or (twice == {self.units[b].source} and self._in_parts(a, ours))
            or (twice == {self.units[a].source} and self._in_parts(b, theirs))
        )

    def _in_parts(self, u: int, members: Sequence[int]) -> bool:
        """Tell whether ``u``'s source has more than one unit among ``members``."""
        return sum(self.units[m].source == self.units[u].source for m in members) > 1


def _voice(members: Sequence[int], units: Sequence[Unit]) -> str | None:
    """Return the speaker most of a statement's units name (ties: the first in order); ``None`` if none does."""
    counts = Counter(units[u].speaker for u in members if units[u].speaker is not None)
    return min(counts, key=lambda s: (-counts[s], s)) if counts else None


def longest_chain(left: Sequence[int], right: Sequence[int]) -> list[tuple[int, int]]:
    """Return the longest chain of positions ``(i, j)`` with ``left[i] == right[j]``, increasing in both."""
    where: dict[int, list[int]] = defaultdict(list)
    for j, statement in enumerate(right):
        where[statement].append(j)
    candidates = [(i, j) for i, statement in enumerate(left) for j in reversed(where.get(statement, []))]
    tails: list[int] = []
    chain_at: list[int] = []
    back: list[int] = []
    for k, (_, j) in enumerate(candidates):
        place = bisect_left(tails, j)
        if place == len(tails):
            tails.append(j)
            chain_at.append(k)
        else:
            tails[place] = j
            chain_at[place] = k
        back.append(chain_at[place - 1] if place else -1)
    chain, k = [], chain_at[-1] if chain_at else -1
    while k >= 0:
        chain.append(candidates[k])
        k = back[k]
    return chain[::-1]


def gaps(anchors: Sequence[tuple[int, int]], n_left: int, n_right: int) -> Iterator[tuple[list[int], list[int], int]]:
    """Yield the positions around the anchors: before the first (-1), between two (0), after the last (+1)."""
    if not anchors:
        return
    first_i, first_j = anchors[0]
    yield list(range(first_i)), list(range(first_j)), -1
    for (i, j), (next_i, next_j) in pairwise(anchors):
        yield list(range(i + 1, next_i)), list(range(j + 1, next_j)), 0
    last_i, last_j = anchors[-1]
    yield list(range(last_i + 1, n_left)), list(range(last_j + 1, n_right)), 1
