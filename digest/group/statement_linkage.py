"""Average linkage of a storyline's speech units into statements, never merging a source twice."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..settings import Settings
from .agglomeration import Agglomeration
from .components import Pair
from .similarity import ScoredStoryline


@dataclass(slots=True)
class _Graph:
    """Speaker-adjusted similarities of one storyline's speech units, ready for linkage."""

    score: dict[Pair, float]
    order: dict[Pair, float]
    containers: dict[int, set[int]]
    partial: list[bool]
    sources: list[str]
    threshold: float


# --------------------------------------------------------------------------- clustering


def _graph(story: ScoredStoryline, settings: Settings) -> _Graph:
    """Collect the speaker-adjusted similarities and containments the linkage reads."""
    units = story.units
    partial = [u.partial for u in units]
    graph = _Graph({}, {}, defaultdict(set), partial, [u.source for u in units], settings.match_threshold)
    for pair, match in story.matches.items():
        a, b = pair
        graph.score[pair] = match.linked
        graph.order[pair] = match.order
        if match.first_inside:
            graph.containers[a].add(b)
        if match.second_inside:
            graph.containers[b].add(a)
    return graph


def link_statements(story: ScoredStoryline, settings: Settings) -> list[list[int]]:
    """Cluster a storyline's speech units by average linkage, never merging a source twice."""
    graph = _graph(story, settings)
    neighbours: dict[int, set[int]] = defaultdict(set)
    for a, b in graph.score:
        neighbours[a].add(b)
        neighbours[b].add(a)
    clusters: list[list[int]] = []
    for component in story.components:
        if len(component) == 1:
            clusters.append(component)
        else:
            clusters.extend(StatementLinkage(component, graph, neighbours).run())
    return clusters


class StatementLinkage(Agglomeration):
    """Agglomerate one connected component, most interchangeable wordings first.

    Candidates are queued by the mean Dice of their cross pairs, then by their mean
    similarity; a merge that would put two quotations of one source together is skipped,
    and a merged cluster takes a new id and is queued again with each cluster around it.
    """

    def __init__(self, nodes: list[int], graph: _Graph, neighbours: Mapping[int, set[int]]) -> None:
        super().__init__({node: [node] for node in nodes})
        self.graph = graph
        self.neighbours = neighbours
        self.sources = {node: frozenset([graph.sources[node]]) for node in nodes}
        self.owner = {node: node for node in nodes}
        self.next_id = max(nodes) + 1
        for a in nodes:
            for b in neighbours[a]:
                if a < b and graph.score[(a, b)] >= graph.threshold:
                    self.queue((-graph.order[(a, b)], -graph.score[(a, b)]), a, b)

    def consider(self, a: int, b: int) -> None:
        """Merge two clusters unless that puts one source twice; queue the result with its neighbours."""
        graph, members = self.graph, self.members
        if _conflict(graph, self.sources, members, a, b):
            return
        merged, self.next_id = self.next_id, self.next_id + 1
        members[merged] = sorted(members.pop(a) + members.pop(b))
        self.sources[merged] = self.sources.pop(a) | self.sources.pop(b)
        for node in members[merged]:
            self.owner[node] = merged
        # Scored pairs may reach into other components (components keep only strong links);
        # those clusters are linked on their own, never with this one.
        owner = self.owner
        around = sorted({owner[n] for node in members[merged] for n in self.neighbours[node] if n in owner} - {merged})
        for other in around:
            if _conflict(graph, self.sources, members, merged, other):
                continue
            mean, order = _linkage(graph, members[merged], members[other])
            if mean >= graph.threshold:
                self.queue((-order, -mean), other, merged)


def _conflict(
    graph: _Graph, sources: Mapping[int, frozenset[str]], members: Mapping[int, list[int]], a: int, b: int
) -> bool:
    """Tell whether merging two clusters would put two quotations of one source together.

    The one exception: fragments woven into one article's reported speech may share a
    cluster when a member from another source contains each of them.
    """
    if not sources[a] & sources[b]:
        return False
    together = set(members[a]) | set(members[b])
    for x in members[a]:
        for y in members[b]:
            if graph.sources[x] != graph.sources[y]:
                continue
            if not (graph.partial[x] and graph.partial[y]) or _vouched(graph, x, y, together) < graph.threshold:
                return True
    return False


def _linkage(graph: _Graph, first: Sequence[int], second: Sequence[int]) -> tuple[float, float]:
    """Return the mean similarity of two clusters' cross pairs, and the mean of their Dice.

    Two fragments that do not overlap say nothing against each other when a member of the
    merged cluster contains both; such a pair counts as the weaker of its two containments.
    """
    together = set(first) | set(second)
    total = order = 0.0
    for x in first:
        for y in second:
            pair = (x, y) if x < y else (y, x)
            score, dice = graph.score.get(pair, 0.0), graph.order.get(pair, 0.0)
            if score < graph.threshold and graph.partial[x] and graph.partial[y]:
                vouched = _vouched(graph, x, y, together)
                score, dice = max(score, vouched), max(dice, vouched)
            total += score
            order += dice
    count = len(first) * len(second)
    return total / count, order / count


def _vouched(graph: _Graph, x: int, y: int, members: set[int]) -> float:
    """Return how strongly a member that contains both ``x`` and ``y`` ties them together."""
    best = 0.0
    for z in graph.containers.get(x, set()) & graph.containers.get(y, set()) & members:
        xz = graph.score[(x, z) if x < z else (z, x)]
        yz = graph.score[(y, z) if y < z else (z, y)]
        best = max(best, min(xz, yz))
    return best
