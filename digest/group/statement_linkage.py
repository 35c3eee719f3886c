"""Average linkage of a storyline's speech units into statements, never merging a source twice.

A statement is what one speaker said on one occasion; a quotation may carry all of it or a
part. So the linkage compares what two clusters *say*, not every pair of their cuts: inside
a cluster, a member whose wording another member contains (token alignment) is represented
by that member, and two clusters are linked by the mean similarity of their representatives'
cross pairs. When every representative of one cluster is contained in the other, the link is
how well they are contained. This lets a part join the whole it was cut from, a near-copy
(two wordings that contain each other) join a cluster of many wordings through the one it
copies, and two disjoint parts share a cluster through a member that contains both, while
two statements that merely overlap one long quotation still need their own wordings to agree.

A phrase a speaker used in two statements goes with the one the article's own fuller quotation
of it belongs to (``_settle_reprises``).

A quotation that runs two statements together (one outlet quotes the last sentence of one
and the first of the next as one passage) is settled after the linkage, sentence by
sentence (``_settle_spanning``): it stays in one cluster, the statement that holds most of
its sentences, ties going to the one it opens with.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..settings import Settings
from ..text.concepts import concepts
from ..text.sentences import SENTENCE_SPLIT
from .agglomeration import Agglomeration
from .alignment import align
from .components import Pair
from .similarity import ScoredStoryline


class Voice(NamedTuple):
    """Who a cluster's members say is speaking: the speaker, how sure, and how many sources name them."""

    speaker: str | None
    sure: float
    sources: int = 1


@dataclass(slots=True)
class _Graph:
    """Speaker-adjusted similarities of one storyline's speech units, ready for linkage."""

    score: dict[Pair, float]
    order: dict[Pair, float]
    containers: dict[int, set[int]]
    """Per unit, the units that contain it and link to it (speaker evidence included)."""
    overlaps: dict[int, set[int]]
    """Per unit, the units whose wording overlaps it and that link to it."""
    sizes: list[int]
    """Per unit, how many concepts its wording has (the larger of two near-copies represents both)."""
    sources: list[str]
    fragments: list[bool]
    """Per unit, whether it was quoted as a fragment woven into the article's own sentence."""
    speakers: list[Voice]
    """Per unit, its speaker entity (``None`` if unknown) and how sure that attribution is."""
    threshold: float
    conflict: float
    """How much a different speaker lowers a link (times the less sure attribution)."""

    def pair(self, x: int, y: int) -> tuple[float, float]:
        """Return the linked score and the ordering Dice of two units (zero if never scored)."""
        key = (x, y) if x < y else (y, x)
        return self.score.get(key, 0.0), self.order.get(key, 0.0)

    def covers(self, z: int, x: int) -> bool:
        """Tell whether unit ``z`` stands for unit ``x``: it contains ``x`` and is not merely its copy."""
        if z not in self.containers.get(x, ()):
            return False
        if x not in self.containers.get(z, ()):
            return True
        return (self.sizes[z], -z) > (self.sizes[x], -x)


# --------------------------------------------------------------------------- clustering


def _graph(story: ScoredStoryline, settings: Settings) -> _Graph:
    """Collect the speaker-adjusted similarities and containments the linkage reads."""
    units = story.units
    sizes = [len(u.sequence) for u in units]
    graph = _Graph(
        {},
        {},
        defaultdict(set),
        defaultdict(set),
        sizes,
        [u.source for u in units],
        [u.partial for u in units],
        [Voice(u.speaker, u.confidence) for u in units],
        settings.match_threshold,
        settings.speaker_conflict,
    )
    for pair, match in story.matches.items():
        a, b = pair
        graph.score[pair] = match.linked
        graph.order[pair] = match.order
        if match.linked < settings.match_threshold or _speaker_conflict(graph, graph.speakers[a], graph.speakers[b]):
            continue
        if match.first_inside:
            graph.containers[a].add(b)
        if match.second_inside:
            graph.containers[b].add(a)
        if pair in story.overlaps:
            graph.overlaps[a].add(b)
            graph.overlaps[b].add(a)
    return graph


def link_statements(story: ScoredStoryline, settings: Settings, woven: Sequence[Pair] = ()) -> list[list[int]]:
    """Cluster a storyline's speech units by average linkage, never merging a source twice.

    ``woven`` lists the pairs of units an article quotes as parts of one passage (fragments
    of one sentence, or a quotation an attribution interrupts: ``units.woven_pairs``);
    clusters that several sources weave together are joined.
    """
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
    return _join_woven(_settle_reprises(_settle_spanning(clusters, story, graph), graph), woven, graph)


def _join_woven(clusters: list[list[int]], woven: Sequence[Pair], graph: _Graph) -> list[list[int]]:
    """Join the clusters that ``APART_SOURCES`` sources or more weave into one sentence, unless their speakers differ.

    An article that writes 'she had spoken to "colleagues abroad" who were "very grateful"'
    quotes two parts of one statement, which share no words; one article doing so could
    join two statements in its own sentence, but two articles weaving the same two
    together report one statement cut the same way. The same holds for a quotation an
    attribution interrupts ('"...," he told reporters. "..."').
    """
    owner = {node: number for number, members in enumerate(clusters) for node in members}
    weavers: dict[Pair, set[str]] = defaultdict(set)
    for x, y in woven:
        a, b = sorted((owner[x], owner[y]))
        if a != b:
            weavers[(a, b)].add(graph.sources[x])
    parent = list(range(len(clusters)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for (a, b), sources in sorted(weavers.items()):
        voices = _cluster_speaker(graph, clusters[a]), _cluster_speaker(graph, clusters[b])
        if len(sources) >= APART_SOURCES and not _speaker_conflict(graph, *voices):
            first, second = sorted((root(a), root(b)))
            parent[second] = first
    joined: dict[int, list[int]] = defaultdict(list)
    for number, members in enumerate(clusters):
        joined[root(number)].extend(members)
    return [sorted(members) for members in joined.values()]


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
        self.speaker = {node: _cluster_speaker(graph, [node]) for node in nodes}
        self.next_id = max(nodes) + 1
        for a in nodes:
            for b in neighbours[a]:
                if a < b and b in self.owner:
                    conflict = _speaker_conflict(graph, self.speaker[a], self.speaker[b])
                    if graph.score[(a, b)] - conflict >= graph.threshold:
                        self.queue((-graph.order[(a, b)] + conflict, -graph.score[(a, b)] + conflict), a, b)

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
        del self.speaker[a], self.speaker[b]
        self.speaker[merged] = _cluster_speaker(graph, members[merged])
        # Scored pairs may reach into other components (components keep only strong links);
        # those clusters are linked on their own, never with this one.
        owner = self.owner
        around = sorted({owner[n] for node in members[merged] for n in self.neighbours[node] if n in owner} - {merged})
        for other in around:
            if _conflict(graph, self.sources, members, merged, other):
                continue
            mean, order = _linkage(graph, members[merged], members[other])
            conflict = _speaker_conflict(graph, self.speaker[merged], self.speaker[other])
            if mean - conflict >= graph.threshold:
                self.queue((conflict - order, conflict - mean), other, merged)


def _conflict(
    graph: _Graph, sources: Mapping[int, frozenset[str]], members: Mapping[int, list[int]], a: int, b: int
) -> bool:
    """Tell whether merging two clusters would put two quotations of one source together.

    An article may quote one statement in parts: two of its quotations may share a cluster
    when one is a fragment the other contains, or when other sources quote them as one
    passage (``_bridged``).
    """
    if not sources[a] & sources[b]:
        return False
    together = set(members[a]) | set(members[b])
    for x in members[a]:
        for y in members[b]:
            if graph.sources[x] != graph.sources[y]:
                continue
            if (graph.fragments[x] and y in graph.containers.get(x, ())) or (
                graph.fragments[y] and x in graph.containers.get(y, ())
            ):
                continue
            if not _bridged(graph, x, y, together):
                return True
    return False


def _bridged(graph: _Graph, x: int, y: int, members: set[int]) -> bool:
    """Tell whether another source quotes ``x`` and ``y`` as one passage: in one quotation, or in two cuts that overlap.

    A member of another source that contains or overlaps both bridges them; so do two members
    of other sources, one around each, whose wordings overlap (two cuts of one speech that share
    a sentence: one outlet quotes the first two sentences, another the last two, a third all
    three apart).
    """
    around_x = graph.containers.get(x, set()) | graph.overlaps.get(x, set())
    around_y = graph.containers.get(y, set()) | graph.overlaps.get(y, set())
    if any(graph.sources[z] != graph.sources[x] for z in around_x & around_y & members):
        return True
    outer_x = {z for z in around_x & members if graph.sources[z] != graph.sources[x]}
    outer_y = {z for z in around_y & members if graph.sources[z] != graph.sources[x]}
    return any(graph.overlaps.get(z, set()) & outer_y for z in outer_x)


def _two_sources(graph: _Graph, units: set[int]) -> bool:
    """Tell whether the units come from at least two sources."""
    return len({graph.sources[z] for z in units}) >= 2


def _cluster_speaker(graph: _Graph, members: Sequence[int]) -> Voice:
    """Return the speaker most members name (ties: the surest, then the first by id), its surest confidence
    and how many sources name it."""
    counts: dict[str, list[float]] = defaultdict(list)
    sources: dict[str, set[str]] = defaultdict(set)
    for x in members:
        speaker, sure, _ = graph.speakers[x]
        if speaker is not None:
            counts[speaker].append(sure)
            sources[speaker].add(graph.sources[x])
    if not counts:
        return Voice(None, 0.0, 0)
    best = min(counts, key=lambda s: (-len(counts[s]), -max(counts[s]), s))
    return Voice(best, max(counts[best]), len(sources[best]))


def _speaker_conflict(graph: _Graph, first: Voice, second: Voice) -> float:
    """Return how much two clusters' speakers (``_cluster_speaker``) lower their link: nothing unless both differ.

    Quotations without a speaker take their cluster's, so a quotation that names nobody
    cannot carry one speaker's words into another speaker's statement. Two speakers each
    named by as many sources hold the link down in full; a speaker fewer sources name is
    outvoted in proportion (one outlet giving a statement to someone else, against three
    that agree, more likely got the attribution wrong than heard the same words twice).
    """
    if first.speaker is None or second.speaker is None or first.speaker == second.speaker:
        return 0.0
    balance = min(first.sources, second.sources) / max(first.sources, second.sources)
    return graph.conflict * first.sure * second.sure * balance


def _representatives(graph: _Graph, members: Sequence[int]) -> list[int]:
    """Return the members no other member stands for (the wholes, one of each set of near-copies)."""
    present = set(members)
    return [x for x in members if not any(graph.covers(z, x) for z in graph.containers.get(x, set()) & present)]


def _linkage(graph: _Graph, first: Sequence[int], second: Sequence[int]) -> tuple[float, float]:
    """Return the link of two clusters, and the mean Dice that orders merges.

    The link is the mean similarity of the cross pairs of the merged cluster's
    representatives; when all of them come from one side, it is how well the other
    side's own representatives are contained in that side.
    """
    wholes = set(_representatives(graph, [*first, *second]))
    own = [x for x in first if x in wholes], [y for y in second if y in wholes]
    if own[0] and own[1]:
        return _mean(graph, own[0], own[1], {*first, *second})
    parts, outer = (second, first) if own[0] else (first, second)
    heads = _representatives(graph, parts)
    if not _joins_as_part(graph, heads, parts, outer):
        return 0.0, 0.0
    total = order = 0.0
    for x in heads:
        score, dice = max((graph.pair(x, z) for z in outer if z in graph.containers.get(x, ())), default=(0.0, 0.0))
        total += score
        order += dice
    return total / len(heads), order / len(heads)


def _joins_as_part(graph: _Graph, heads: Sequence[int], parts: Sequence[int], outer: Sequence[int]) -> bool:
    """Tell whether a cluster whose wordings are all contained in another's may join it as a part.

    It may when the other cluster is only the whole and fragments cut from it. When the
    other cluster also holds full quotations of something else (a second statement that
    one long quotation runs on into), the joining needs evidence beyond that one passage
    that the two are quoted together: members of two sources that quote both as one
    passage, or one such passage and two more articles that each quote a part of it from
    either side (an article quoting two statements of one speaker apart is common, so it
    takes two of them to confirm a passage); otherwise the long quotation covers two
    statements and joins one of them.
    """
    holders = {z for x in heads for z in outer if z in graph.containers.get(x, ())}
    rest = [
        z
        for z in outer
        if z not in holders
        and not any(graph.pair(z, x)[0] >= graph.threshold for x in heads)
        and not (graph.fragments[z] and graph.containers.get(z, set()) & holders)
    ]
    if not rest or _two_sources(graph, holders):
        return True
    return len(_quoted_apart(graph, parts, rest, holders)) >= APART_SOURCES


APART_SOURCES = 2
"""Articles quoting two parts of one passage apart that count as a second source quoting the passage."""


def _quoted_apart(graph: _Graph, parts: Sequence[int], rest: Sequence[int], holders: set[int]) -> set[str]:
    """Return the sources, other than the holders', quoting a part from each side that a holder contains."""
    held = {graph.sources[z] for z in holders}

    def inside(x: int) -> bool:
        return bool(graph.containers.get(x, set()) & holders)

    first = {graph.sources[x] for x in parts if inside(x)} - held
    return {graph.sources[y] for y in rest if inside(y)} & first


def _mean(graph: _Graph, first: Sequence[int], second: Sequence[int], together: set[int]) -> tuple[float, float]:
    """Return the mean similarity and mean Dice of the cross pairs of two groups of units.

    Two parts of a statement that do not overlap say nothing against each other when a
    member of the merged cluster contains both; such a pair counts as the weaker of its two
    containments.
    """
    total = order = 0.0
    for x in first:
        for y in second:
            score, dice = graph.pair(x, y)
            if score < graph.threshold:
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
        best = max(best, min(graph.pair(x, z)[0], graph.pair(y, z)[0]))
    return best


# --------------------------------------------------------------------------- quotations spanning two statements


def _settle_spanning(clusters: list[list[int]], story: ScoredStoryline, graph: _Graph) -> list[list[int]]:
    """Move each quotation that runs two statements together to the statement holding most of its sentences.

    A sentence of a quotation is held by a cluster when a member of another source naming
    the same speaker contains it (token alignment); sentences of fewer than ``MIN_PIECE``
    concepts say nothing. A quotation of several sentences whose own cluster holds fewer of
    them than another cluster does (or as many, when the other holds its first sentence)
    moves there, unless that puts two quotations of its source together that no member
    quoting the moved sentence bridges. A quotation the linkage left alone stays alone, and
    every move is decided on the linkage's clusters (a quotation that moves holds nothing
    for another to follow), so the long quotation joins one statement and never links the two.
    """
    owner = {node: number for number, members in enumerate(clusters) for node in members}
    pieces = {
        x: found
        for x, unit in enumerate(story.units)
        if unit.speaker is not None and len(clusters[owner[x]]) > 1 and len(found := _pieces(unit.quotes[0].text)) > 1
    }
    if not pieces:
        return clusters
    postings: dict[str, set[int]] = defaultdict(set)
    for z, unit in enumerate(story.units):
        for item in unit.concepts:
            postings[item].add(z)
    moves: dict[int, tuple[int, set[int]]] = {}
    for x in sorted(pieces):
        held = [_holders(piece, x, story, graph, postings) for piece in pieces[x]]
        target = _best_holder([{owner[z] for z in units} for units in held], owner[x])
        if target is not None and _may_join(x, clusters[target], held, graph):
            moves[x] = target, {z for units in held for z in units if owner[z] == target}
    settled = [list(members) for members in clusters]
    for x, (target, holders) in moves.items():
        if holders - moves.keys():
            settled[owner[x]].remove(x)
            settled[target].append(x)
    return [sorted(members) for members in settled if members]


MIN_PIECE = 4
"""Concepts a sentence needs before its place in another statement counts (shorter ones recur anywhere)."""


def _pieces(text: str) -> list[tuple[str, ...]]:
    """Return the concept sequences of a quotation's sentences that are long enough to be told apart."""
    found = [tuple(concepts(sentence)) for sentence in SENTENCE_SPLIT.split(text)]
    return [piece for piece in found if len(piece) >= MIN_PIECE]


def _holders(
    piece: tuple[str, ...], x: int, story: ScoredStoryline, graph: _Graph, postings: Mapping[str, set[int]]
) -> set[int]:
    """Return the units of other sources, naming ``x``'s speaker, that contain one sentence of ``x``."""
    counts: dict[int, int] = defaultdict(int)
    for item in set(piece):
        for z in postings.get(item, ()):
            counts[z] += 1
    return {
        z
        for z, shared in counts.items()
        if shared >= MIN_PIECE
        and graph.sources[z] != graph.sources[x]
        and graph.speakers[z].speaker == graph.speakers[x].speaker
        and align(piece, story.units[z].sequence).contains(0)
    }


def _best_holder(held: Sequence[set[int]], own: int) -> int | None:
    """Return the cluster holding more of a quotation's sentences than its own, or as many and the first; else ``None``.

    ``held`` gives, per sentence, the clusters that hold it.
    """
    tally: dict[int, int] = defaultdict(int)
    first: dict[int, int] = {}
    for place, numbers in enumerate(held):
        for number in numbers:
            tally[number] += 1
            first.setdefault(number, place)
    if not tally:
        return None
    best = min(tally, key=lambda n: (-tally[n], first[n], n))
    if best == own or tally[best] < tally.get(own, 0):
        return None
    if tally[best] == tally.get(own, 0) and first[best] > first[own]:
        return None
    return best


def _may_join(x: int, members: Sequence[int], held: Sequence[set[int]], graph: _Graph) -> bool:
    """Tell whether ``x`` may join a cluster: a member holding a sentence of ``x`` contains each of its source."""
    inside = set(members)
    bridges = {z for units in held for z in units} & inside
    return all(graph.containers.get(y, set()) & bridges for y in members if graph.sources[y] == graph.sources[x])


# --------------------------------------------------------------------------- an article quoting its own words again


def _settle_reprises(clusters: list[list[int]], graph: _Graph) -> list[list[int]]:
    """Move each phrase two statements share into the one its article's own fuller quotation belongs to.

    A short phrase ("a 'revolving door of chaos'") that a speaker used in two statements
    matches both equally well; when the article's own fuller quotation of the same speaker
    contains it, and so does another outlet's wording of that quotation's statement, the
    article is quoting those words again. The part stays unless that holds for exactly one
    other cluster; it never moves when it contains other members of its cluster (copies
    aside) or when a quotation of its source in the target cluster does not contain it. A
    fuller quotation that only its own article holds the phrase in proves nothing (it may
    run two statements together), so the phrase then stays where the other outlets put it.
    """
    owner = {node: number for number, members in enumerate(clusters) for node in members}
    moves = {}
    for x in sorted(owner):
        wholes = {
            y
            for y in graph.containers.get(x, set())
            if graph.sources[y] == graph.sources[x]
            and graph.covers(y, x)
            and graph.speakers[x].speaker in (None, graph.speakers[y].speaker)
        }
        targets = {owner[y] for y in wholes}
        if len(targets) != 1 or owner[x] in targets:
            continue
        (target,) = targets
        around = graph.containers.get(x, set())
        if any(x in graph.containers.get(z, set()) and z not in around for z in clusters[owner[x]]):
            continue
        shared = any(graph.sources[z] != graph.sources[x] for z in around.intersection(clusters[target]))
        same = [y for y in clusters[target] if graph.sources[y] == graph.sources[x]]
        if shared and all(y in around for y in same):
            moves[x] = target
    settled = [list(members) for members in clusters]
    for x, target in moves.items():
        settled[owner[x]].remove(x)
        settled[target].append(x)
    return [sorted(members) for members in settled if members]
