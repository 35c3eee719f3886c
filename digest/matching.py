"""Match the same statement across outlets and pick each statement's canonical wording.

How two quotations are compared
    Each quotation becomes a set of *concepts*: its content words, stemmed, with general
    news-English synonyms and translation variants folded (``digest.text``). Concepts
    are weighted by rarity within the storyline (a word every quote shares, such as the
    story's main actor, says little). The similarity of two quotations blends the weighted
    Dice overlap of their concept sets with the *coverage* of the shorter one (how much of
    it the longer one contains), so a fragment cut from a longer quote still matches it.
    Coverage counts in full only once the shorter side has a few concepts, and a match
    whose shared concepts weigh little in total is scaled down, so two common words prove
    nothing. Case, punctuation, ellipses and word order do not matter. Speakers are
    evidence, not a wall: when both are known, agreement adds ``Settings.speaker_weight``
    and disagreement subtracts it.

How the work is bounded
    Scores are computed many-to-many with ``rapidfuzz.process.cdist`` inside blocks. Each
    concept set is spelled as a sorted string with one character per concept, repeated by
    its weight, so ``fuzz.ratio`` on two such strings is exactly their weighted Dice
    coefficient (and the weighted overlap follows from it). A storyline is one block
    (scored in row chunks); a storyline too big for that is blocked by an inverted index
    over each quotation's rarest concepts. A first pass keeps only pairs that could link;
    their connected components bound what can ever merge, and a second pass scores all
    candidate pairs inside each component for the linkage to average.

How quotations are clustered
    Statements and fragments are clustered together by average linkage, the most
    interchangeable wordings first: two clusters merge only while the mean similarity of
    all their cross pairs reaches ``Settings.match_threshold``. A quotation that joins two
    statements therefore attaches to the one it matches best and cannot chain the two
    together. Two fragments that do not overlap are not held against each other when a
    member of the cluster contains both. Two quotations from the same source never share
    a cluster unless their normalised texts are equal (an article quoting one statement
    twice). Terms and titles only group with quotations of the same kind and the same
    normalised text. Every quotation ends in exactly one cluster; a statement only one
    outlet carried is a cluster of one. Clusters never cross storylines.

Canonical wording rule
    The canonical quotation is one outlet's real text: the most complete variant (the most
    content words); ties go to the most agreed-upon variant (the highest mean similarity
    to the other members), then to the earliest published source, then to the smallest
    source id, then to the earliest position in that source.

Identity and order
    A cluster's id is ``stable_id("c", storyline, normalised canonical text)`` (terms and
    titles add their kind; clusters that would collide add their member ids), so it
    depends on content only. The result does not depend on the order of the input.
"""

from __future__ import annotations

import heapq
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass, field, replace
from datetime import UTC, datetime
from itertools import groupby

import numpy as np
from rapidfuzz import fuzz, process

from digest.models import Article, Quote, QuoteCluster, QuoteKind, stable_id
from digest.settings import Settings
from digest.text.concepts import concepts
from digest.text.tokens import normalise_text

log = logging.getLogger(__name__)

SPEECH = "speech"
"""The family of statements and fragments, which are matched with each other."""

MAX_DENSE = 4_000
"""The most units scored all against all; bigger storylines are blocked by rare concepts."""

CHUNK_CELLS = 2_000_000
"""Cells of one all-against-all block, which bounds the memory of its score matrices."""

MAX_POSTING = 1_500
"""Rare-concept blocks holding more units than this are skipped as not rare."""

BATCH_UNITS = 600
"""Small components are scored together in blocks of up to this many units."""

BLOCK_KEYS = 3
"""How many of a unit's rarest concepts index it in a big storyline."""

COVERAGE_SHARE = 0.6
"""How much of the similarity is the shorter side's coverage (the rest is weighted Dice)."""

COVERAGE_FULL_AT = 4
"""Concepts the shorter side needs before its coverage counts in full."""

COVERAGE_POWER = 1.5
"""Coverage is raised to this power, so only near-full containment earns much."""

CONTAINED = 0.8
"""Coverage at which a quotation counts as contained in another (a fragment of it)."""

MIN_EVIDENCE = 4.0
"""Shared concept weight below which a match is scaled down: a few common words prove little."""

MAX_CONCEPT_WEIGHT = 3.0
"""The weight of the rarest concepts; the commonest weigh 1."""

EDGE_FLOOR = 0.25
"""Pair similarities below this are treated as zero when averaging clusters."""

PARALLEL_CELLS = 250_000
"""Blocks with more score cells than this are scored on all cores."""

DEFAULT_SETTINGS = Settings()
"""The settings used when none are given."""

_NEVER = datetime.max

Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Unit:
    """The quotations of one source with one normalised text, matched as one."""

    storyline: str
    family: str
    source: str
    text: str
    quotes: tuple[Quote, ...]
    speaker: str | None
    concepts: frozenset[str]
    words: int
    """How many content words the text has (what makes a variant the most complete)."""

    @property
    def partial(self) -> bool:
        """Tell whether the unit was quoted as a fragment woven into reported speech."""
        return any(q.kind == QuoteKind.FRAGMENT for q in self.quotes)


@dataclass(frozen=True, slots=True)
class _Match:
    """How alike two units are, without and with speaker evidence, and who contains whom."""

    score: float
    linked: float
    """``score`` with speaker evidence: what the linkage averages."""
    order: float
    """Weighted Dice with speaker evidence: what decides which merge comes first."""
    first_inside: bool
    second_inside: bool


@dataclass(slots=True)
class _Scored:
    """Candidate pairs of one storyline as parallel arrays, ``first < second``."""

    first: np.ndarray
    second: np.ndarray
    score: np.ndarray
    dice: np.ndarray
    first_inside: np.ndarray
    second_inside: np.ndarray


@dataclass(slots=True)
class _Storyline:
    """One storyline's units of one family, their matches and their linkable components."""

    units: list[_Unit]
    matches: dict[Pair, _Match]
    components: list[list[int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Vectors:
    """Per-unit arrays the scoring reads: concept strings, their sizes, speaker and source codes."""

    bags: list[str]
    sizes: np.ndarray
    counts: np.ndarray
    speakers: np.ndarray
    sources: np.ndarray


@dataclass(slots=True)
class _Graph:
    """Speaker-adjusted similarities of one storyline's speech units, ready for linkage."""

    score: dict[Pair, float]
    order: dict[Pair, float]
    containers: dict[int, set[int]]
    partial: list[bool]
    sources: list[str]
    threshold: float


# --------------------------------------------------------------------------- public API


def cluster_quotes(
    quotes: Sequence[Quote],
    articles: Sequence[Article],
    storyline_of: Mapping[str, str],
    settings: Settings = DEFAULT_SETTINGS,
) -> tuple[tuple[QuoteCluster, ...], tuple[Quote, ...]]:
    """Group quotations that report the same statement, within each storyline.

    ``storyline_of`` maps an article id to its storyline id; every quote's source must be
    in it. Returns the clusters, sorted by storyline, first report and id, and the quotes
    with ``cluster`` set, sorted by source, offset and id. Every quote is in exactly one
    cluster.
    """
    published = {a.id: a.published for a in articles}
    drafts: list[QuoteCluster] = []
    for (_, family), family_units in groupby(_make_units(quotes, storyline_of), key=lambda u: (u.storyline, u.family)):
        if family == SPEECH:
            story = _score_storyline(list(family_units), settings)
            drafts.extend(_draft(cluster, story, published) for cluster in _average_linkage(story, settings))
        else:
            drafts.extend(_draft([0], _Storyline([u], {}), published) for u in _same_text_groups(list(family_units)))
    clusters = _finish_clusters(drafts)
    log.debug("%d quotes in %d clusters", len(quotes), len(clusters))
    return clusters, _assign(quotes, clusters)


# --------------------------------------------------------------------------- units


def _family(kind: QuoteKind) -> str:
    """Return which family of quotations a kind is matched within."""
    return SPEECH if kind in (QuoteKind.STATEMENT, QuoteKind.FRAGMENT) else str(kind)


def _make_units(quotes: Sequence[Quote], storyline_of: Mapping[str, str]) -> list[_Unit]:
    """Group quotes into units, sorted by storyline, family, source and text."""
    missing = sorted({q.source for q in quotes if q.source not in storyline_of})
    if missing:
        raise ValueError(f"quotes from articles with no storyline: {', '.join(missing)}")
    grouped: dict[tuple[str, str, str, str], list[Quote]] = defaultdict(list)
    for quote in quotes:
        text = normalise_text(quote.text)
        grouped[(storyline_of[quote.source], _family(quote.kind), quote.source, text)].append(quote)
    return [_unit(key, members) for key, members in sorted(grouped.items())]


def _unit(key: tuple[str, str, str, str], members: list[Quote]) -> _Unit:
    """Build one unit from its key and its quotes."""
    storyline, family, source, text = key
    ordered = tuple(sorted(members, key=lambda q: (q.start, q.end, q.id)))
    speaker = next((q.speaker for q in ordered if q.speaker is not None), None)
    found = concepts(ordered[0].text)
    return _Unit(storyline, family, source, text, ordered, speaker, frozenset(found), len(found))


def _same_text_groups(units: list[_Unit]) -> list[_Unit]:
    """Merge units of one storyline and family that share a normalised text across sources."""
    merged = []
    for _, group in groupby(sorted(units, key=lambda u: (u.text, u.source)), key=lambda u: u.text):
        parts = list(group)
        all_quotes = tuple(q for u in parts for q in u.quotes)
        merged.append(replace(parts[0], quotes=all_quotes, source="\x1f".join(u.source for u in parts)))
    return merged


# --------------------------------------------------------------------------- scoring


def _concept_weights(df: Mapping[str, int], n: int) -> dict[str, int]:
    """Return each concept's repeat count (2-6): rarer concepts in the storyline weigh more.

    The weight is the concept's inverse document frequency scaled to the storyline, from 1
    for a concept in every unit to ``MAX_CONCEPT_WEIGHT`` for one only two units share; with
    two units or fewer there is no telling, and every concept weighs the middle.
    """
    span = math.log(n / 2) if n > 2 else 0.0
    weights = {}
    for concept, count in df.items():
        rarity = math.log(n / max(count, 2)) / span if span else 0.5
        weights[concept] = round(2 * (1.0 + (MAX_CONCEPT_WEIGHT - 1.0) * rarity))
    return weights


def _spell_bags(units: Sequence[_Unit], weights: Mapping[str, int]) -> list[str]:
    """Spell each unit's concepts as a sorted string, one character per concept and weight."""
    alphabet = {c: _char(i) for i, c in enumerate(sorted(weights))}
    return ["".join(alphabet[c] * weights[c] for c in sorted(u.concepts)) for u in units]


def _char(index: int) -> str:
    """Return a distinct non-surrogate character for a vocabulary index."""
    code = 0x100 + index
    return chr(code + 0x800 if code >= 0xD800 else code)


def _score_storyline(units: list[_Unit], settings: Settings) -> _Storyline:
    """Find a storyline's linkable components, then score every pair inside them.

    The first pass keeps only pairs strong enough to link (components are what can ever
    merge); the second scores all pairs within each component, which the linkage averages.
    """
    df = Counter(c for u in units for c in u.concepts)
    bags = _spell_bags(units, _concept_weights(df, len(units)))
    vectors = _Vectors(
        bags,
        np.array([len(b) for b in bags], dtype=np.float32),
        np.array([len(u.concepts) for u in units], dtype=np.float32),
        _codes([u.speaker for u in units]),
        _codes([u.source for u in units]),
    )
    floor = settings.match_threshold - abs(settings.speaker_weight)
    blocks = _blocks(units, df, range(len(units)))
    candidates = _scored(units, vectors.sizes, (_score_block(r, c, vectors, floor) for r, c in blocks))
    components = _strong_components(candidates, vectors, settings)
    label = np.empty(len(units), dtype=np.int64)
    for number, component in enumerate(components):
        label[component] = number
    within = (_score_block(r, c, vectors, EDGE_FLOOR, label) for r, c in _component_blocks(units, df, components))
    return _Storyline(units, _matches(_scored(units, vectors.sizes, within), vectors, settings), components)


def _blocks(
    units: Sequence[_Unit], df: Mapping[str, int], indices: Sequence[int]
) -> Iterable[tuple[np.ndarray, np.ndarray]]:
    """Yield (rows, columns) blocks over ``indices``: all pairs, or pairs sharing a rare concept."""
    if len(indices) <= MAX_DENSE:
        yield from _dense_blocks(np.array(indices))
        return
    postings: dict[str, list[int]] = defaultdict(list)
    askers: dict[str, list[int]] = defaultdict(list)
    for i in indices:
        for concept in units[i].concepts:
            postings[concept].append(i)
        shared = sorted((c for c in units[i].concepts if df[c] >= 2), key=lambda c: (df[c], c))
        for concept in shared[:BLOCK_KEYS]:
            askers[concept].append(i)
    for concept in sorted(askers):
        if len(postings[concept]) <= MAX_POSTING:
            yield np.array(askers[concept]), np.array(postings[concept])
    log.debug("%d units blocked on %d rare concepts", len(indices), len(askers))


def _dense_blocks(indices: np.ndarray) -> Iterable[tuple[np.ndarray, np.ndarray]]:
    """Yield row chunks against the rest, covering every pair of ``indices`` at least once."""
    start = 0
    while start < len(indices):
        rows = max(1, CHUNK_CELLS // (len(indices) - start))
        yield indices[start : start + rows], indices[start:]
        start += rows


def _component_blocks(
    units: Sequence[_Unit], df: Mapping[str, int], components: Sequence[list[int]]
) -> Iterable[tuple[np.ndarray, np.ndarray]]:
    """Yield blocks covering the candidate pairs inside each component of two or more units."""
    batch: list[int] = []
    for component in sorted((c for c in components if len(c) > 1), key=len):
        if len(component) > BATCH_UNITS:
            yield from _blocks(units, df, component)
            continue
        if len(batch) + len(component) > BATCH_UNITS:
            yield np.array(batch), np.array(batch)
            batch = []
        batch.extend(component)
    if batch:
        yield np.array(batch), np.array(batch)


def _score_block(
    rows: np.ndarray, cols: np.ndarray, vectors: _Vectors, floor: float, label: np.ndarray | None = None
) -> tuple[np.ndarray, ...]:
    """Score one block with ``cdist``; return its pairs scoring ``floor`` or more (same label only)."""
    workers = -1 if len(rows) * len(cols) > PARALLEL_CELLS else 1
    dice = process.cdist(
        [vectors.bags[i] for i in rows],
        [vectors.bags[j] for j in cols],
        scorer=fuzz.ratio,
        processor=None,
        dtype=np.float32,
        workers=workers,
    )
    dice /= 100.0
    row_size, col_size = vectors.sizes[rows][:, None], vectors.sizes[cols][None, :]
    shared = dice * (row_size + col_size) / 2.0
    score = _blend(dice, shared, row_size, col_size, vectors.counts[rows][:, None], vectors.counts[cols][None, :])
    keep = (score >= floor) & (rows[:, None] != cols[None, :])
    if label is not None:
        keep &= label[rows][:, None] == label[cols][None, :]
    r, c = np.nonzero(keep)
    row_inside = shared[r, c] >= CONTAINED * row_size[r, 0] - 1e-4
    col_inside = shared[r, c] >= CONTAINED * col_size[0, c] - 1e-4
    first, second = rows[r], cols[c]
    flip = first > second
    return (
        np.where(flip, second, first),
        np.where(flip, first, second),
        score[r, c],
        dice[r, c],
        np.where(flip, col_inside, row_inside),
        np.where(flip, row_inside, col_inside),
    )


def _blend(
    dice: np.ndarray,
    shared: np.ndarray,
    row_size: np.ndarray,
    col_size: np.ndarray,
    row_count: np.ndarray,
    col_count: np.ndarray,
) -> np.ndarray:
    """Blend weighted Dice with the shorter side's coverage, trusting coverage by its length.

    ``shared`` is the weighted overlap in repeat units (two per unit of concept weight).
    """
    shorter = np.minimum(row_size, col_size)
    coverage = np.divide(shared, shorter, out=np.zeros_like(dice), where=shorter > 0)
    fewest = np.minimum(row_count, col_count)
    share = COVERAGE_SHARE * np.minimum(1.0, fewest / COVERAGE_FULL_AT)
    blended = (1.0 - share) * dice + share * coverage**COVERAGE_POWER
    evidence = np.minimum(1.0, shared / (2.0 * MIN_EVIDENCE))
    return np.where(fewest > 0, blended * evidence, 0.0).astype(np.float32)


def _same_text_pairs(units: Sequence[_Unit], sizes: np.ndarray) -> tuple[np.ndarray, ...]:
    """Return the pairs of units with equal normalised texts, scored by their evidence alone."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        if unit.concepts:
            by_text[unit.text].append(i)
    pairs = [(a, b) for group in by_text.values() for a in group for b in group if a < b]
    first = np.array([a for a, _ in pairs], dtype=np.int64)
    second = np.array([b for _, b in pairs], dtype=np.int64)
    score = np.minimum(1.0, sizes[first] / (2.0 * MIN_EVIDENCE)).astype(np.float32)
    yes = np.ones(len(pairs), dtype=bool)
    return first, second, score, np.ones(len(pairs), dtype=np.float32), yes, yes


def _scored(units: Sequence[_Unit], sizes: np.ndarray, blocks: Iterable[tuple[np.ndarray, ...]]) -> _Scored:
    """Gather block results and same-text pairs, each pair once (its first occurrence)."""
    parts = [_same_text_pairs(units, sizes), *blocks]
    scored = _Scored(*(np.concatenate(column) for column in zip(*parts, strict=True)))
    _, first_seen = np.unique(scored.first.astype(np.int64) * len(units) + scored.second, return_index=True)
    return _Scored(*(column[first_seen] for column in astuple(scored)))


def _speaker_bonus(scored: _Scored, vectors: _Vectors, weight: float) -> np.ndarray:
    """Return each pair's speaker evidence: +weight if the speakers agree, -weight if not."""
    first, second = vectors.speakers[scored.first], vectors.speakers[scored.second]
    known = (first >= 0) & (second >= 0)
    return np.where(known, np.where(first == second, weight, -weight), 0.0)


def _strong_components(scored: _Scored, vectors: _Vectors, settings: Settings) -> list[list[int]]:
    """Return the components of links that reach the threshold (different sources only)."""
    linked = scored.score + _speaker_bonus(scored, vectors, settings.speaker_weight)
    strong = (linked >= settings.match_threshold) & (vectors.sources[scored.first] != vectors.sources[scored.second])
    pairs = zip(scored.first[strong].tolist(), scored.second[strong].tolist(), strict=True)
    return _components(len(vectors.bags), pairs)


def _matches(scored: _Scored, vectors: _Vectors, settings: Settings) -> dict[Pair, _Match]:
    """Turn scored pairs into matches with speaker evidence; same-source pairs never link."""
    bonus = _speaker_bonus(scored, vectors, settings.speaker_weight)
    allowed = np.nonzero(vectors.sources[scored.first] != vectors.sources[scored.second])[0]
    columns = (
        scored.first,
        scored.second,
        scored.score,
        np.minimum(1.0, scored.score + bonus),
        np.minimum(1.0, scored.dice + bonus),
        scored.first_inside,
        scored.second_inside,
    )
    rows = zip(*(column[allowed].tolist() for column in columns), strict=True)
    return {(a, b): _Match(s, linked, order, fi, si) for a, b, s, linked, order, fi, si in rows}


def _codes(values: Sequence[str | None]) -> np.ndarray:
    """Number distinct values (in sorted order); ``None`` becomes -1."""
    known = sorted({v for v in values if v is not None})
    index = {v: i for i, v in enumerate(known)}
    return np.array([-1 if v is None else index[v] for v in values], dtype=np.int64)


# --------------------------------------------------------------------------- clustering


def _graph(story: _Storyline, settings: Settings) -> _Graph:
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


def _components(n: int, edges: Iterable[Pair]) -> list[list[int]]:
    """Return the connected components of a graph on ``range(n)``, each sorted."""
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


def _average_linkage(story: _Storyline, settings: Settings) -> list[list[int]]:
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


# --------------------------------------------------------------------------- clusters


def _date_key(published: str | None) -> datetime:
    """Return a comparable instant for an ISO date or date-time; unknown dates sort last."""
    if not published:
        return _NEVER
    try:
        moment = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        log.debug("unreadable publication date %r", published)
        return _NEVER
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _agreement(members: Sequence[int], story: _Storyline) -> dict[str, float]:
    """Return each member quote's mean similarity to the other members of its cluster.

    Quotes of one unit share its wording, so the mean is taken over units weighted by
    their number of quotes: linear in the quotes, quadratic only in distinct wordings.
    """
    counts = {pos: len(story.units[pos].quotes) for pos in members}
    total = sum(counts.values())
    agreement = {}
    for own in members:
        others = sum(counts[pos] * _raw_score(story, own, pos) for pos in members if pos != own)
        value = (counts[own] - 1 + others) / (total - 1) if total > 1 else 1.0
        agreement.update(dict.fromkeys((q.id for q in story.units[own].quotes), value))
    return agreement


def _raw_score(story: _Storyline, a: int, b: int) -> float:
    """Return the similarity of two units without speaker evidence (zero if never scored)."""
    match = story.matches.get((a, b) if a < b else (b, a))
    return match.score if match else 0.0


def _canonical(members: Sequence[int], story: _Storyline, published: Mapping[str, str | None]) -> Quote:
    """Pick the canonical quote: most content words, most agreed-upon, earliest, smallest source."""
    agreement = _agreement(members, story)
    candidates = [(q, story.units[pos].words) for pos in members for q in story.units[pos].quotes]
    best, _ = min(
        candidates,
        key=lambda item: (
            -item[1],
            -round(agreement[item[0].id], 9),
            _date_key(published.get(item[0].source)),
            item[0].source,
            item[0].start,
            item[0].id,
        ),
    )
    return best


def _speaker(canonical: Quote, quotes: Sequence[Quote]) -> str | None:
    """Return the canonical quote's speaker, else the members' most common one."""
    if canonical.speaker is not None:
        return canonical.speaker
    counts = Counter(q.speaker for q in quotes if q.speaker is not None)
    return min(counts, key=lambda s: (-counts[s], s)) if counts else None


def _first_reported(quotes: Sequence[Quote], published: Mapping[str, str | None]) -> str | None:
    """Return the earliest known publication date among the members' sources."""
    known = [(_date_key(d), d) for q in quotes if (d := published.get(q.source)) and _date_key(d) != _NEVER]
    return min(known)[1] if known else None


def _finish_clusters(drafts: Sequence[QuoteCluster]) -> tuple[QuoteCluster, ...]:
    """Sort the clusters, giving any whose content ids collide distinct ids from their members."""
    seen = Counter(d.id for d in drafts)
    clusters = [
        replace(d, id=stable_id("c", d.storyline, d.id, *sorted(d.quotes))) if seen[d.id] > 1 else d for d in drafts
    ]
    return tuple(sorted(clusters, key=lambda c: (c.storyline, _date_key(c.first_reported), c.id)))


def _draft(members: Sequence[int], story: _Storyline, published: Mapping[str, str | None]) -> QuoteCluster:
    """Build one cluster from its member units."""
    units = [story.units[i] for i in members]
    quotes = [q for u in units for q in u.quotes]
    canonical = _canonical(members, story, published)
    text = normalise_text(canonical.text)
    family = units[0].family
    parts = (text,) if family == SPEECH else (family, text)
    ordered = sorted(quotes, key=lambda q: (_date_key(published.get(q.source)), q.source, q.start, q.id))
    return QuoteCluster(
        id=stable_id("c", units[0].storyline, *parts),
        storyline=units[0].storyline,
        canonical=canonical.id,
        quotes=tuple(q.id for q in ordered),
        speaker=_speaker(canonical, quotes),
        first_reported=_first_reported(quotes, published),
    )


def _assign(quotes: Sequence[Quote], clusters: Sequence[QuoteCluster]) -> tuple[Quote, ...]:
    """Return the quotes with their cluster ids set, sorted by source, offsets and id."""
    cluster_of = {quote_id: c.id for c in clusters for quote_id in c.quotes}
    assigned = [replace(q, cluster=cluster_of[q.id]) for q in quotes]
    return tuple(sorted(assigned, key=lambda q: (q.source, q.start, q.end, q.id)))
