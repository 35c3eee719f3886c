"""Average linkage of a storyline's speech units into statements, never merging a source twice."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..settings import Settings
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
            clusters.extend(_link_component(component, graph, neighbours))
    return clusters


def _link_component(nodes: list[int], graph: _Graph, neighbours: Mapping[int, set[int]]) -> list[list[int]]:
    """Agglomerate one connected component, most interchangeable wordings first."""
    members = {node: [node] for node in nodes}
    sources = {node: frozenset([graph.sources[node]]) for node in nodes}
    owner = {node: node for node in nodes}
    heap = [
        (-graph.order[(a, b)], -score, a, b)
        for (a, b) in ((a, b) for a in nodes for b in neighbours[a] if a < b)
        if (score := graph.score[(a, b)]) >= graph.threshold
    ]
    heapq.heapify(heap)
    next_id = max(nodes) + 1
    while heap:
        _, _, a, b = heapq.heappop(heap)
        if a not in members or b not in members or _conflict(graph, sources, members, a, b):
            continue
        merged, next_id = next_id, next_id + 1
        members[merged] = sorted(members.pop(a) + members.pop(b))
        sources[merged] = sources.pop(a) | sources.pop(b)
        for node in members[merged]:
            owner[node] = merged
        # Scored pairs may reach into other components (components keep only strong links);
        # those clusters are linked on their own, never with this one.
        around = sorted({owner[n] for node in members[merged] for n in neighbours[node] if n in owner} - {merged})
        for other in around:
            if _conflict(graph, sources, members, merged, other):
                continue
            mean, order = _linkage(graph, members[merged], members[other])
            if mean >= graph.threshold:
                heapq.heappush(heap, (-order, -mean, other, merged))
    return list(members.values())


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
