"""Scoring quotation units against each other within a storyline, in bounded blocks (rapidfuzz ``cdist``)."""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from ..settings import Settings
from .alignment import align, link_strength
from .components import Pair, connected_components
from .units import Unit

log = logging.getLogger(__name__)


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

ALIGN_FLOOR = 0.25
"""Pairs scoring this or more are also aligned token by token (containment and overlap).

Two cuts of one speech that share a sentence and each run on for twice as long score about
this on their concepts alone (a third of each side shared), so the floor is low enough for the
alignment to find their overlap."""

ALIGN_EVIDENCE = 4
"""Aligned concepts from which an alignment counts in full; fewer count proportionally less."""


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
class ScoredStoryline:
    """One storyline's units of one family, their matches and their linkable components."""

    units: list[Unit]
    matches: dict[Pair, _Match]
    components: list[list[int]] = field(default_factory=list)
    overlaps: set[Pair] = field(default_factory=set)
    """Pairs whose wordings overlap: the end of one aligned with the start of the other."""


@dataclass(frozen=True, slots=True)
class _Vectors:
    """Per-unit arrays the scoring reads: concept strings, their sizes, speaker and source codes."""

    bags: list[str]
    sizes: np.ndarray
    counts: np.ndarray
    speakers: np.ndarray
    sources: np.ndarray


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


def _spell_bags(units: Sequence[Unit], weights: Mapping[str, int]) -> list[str]:
    """Spell each unit's concepts as a sorted string, one character per concept and weight."""
    alphabet = {c: _char(i) for i, c in enumerate(sorted(weights))}
    return ["".join(alphabet[c] * weights[c] for c in sorted(u.concepts)) for u in units]


def _char(index: int) -> str:
    """Return a distinct non-surrogate character for a vocabulary index."""
    code = 0x100 + index
    return chr(code + 0x800 if code >= 0xD800 else code)


def score_storyline(units: list[Unit], settings: Settings) -> ScoredStoryline:
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
    floor = min(ALIGN_FLOOR, settings.match_threshold - abs(settings.speaker_weight))
    blocks = _blocks(units, df, range(len(units)))
    aligner = _Aligner(units)
    candidates = aligner(_scored(units, vectors.sizes, (_score_block(r, c, vectors, floor) for r, c in blocks)))
    components = _strong_components(candidates, vectors, settings)
    label = np.empty(len(units), dtype=np.int64)
    for number, component in enumerate(components):
        label[component] = number
    within = (_score_block(r, c, vectors, EDGE_FLOOR, label) for r, c in _component_blocks(units, df, components))
    scored = aligner(_scored(units, vectors.sizes, within))
    return ScoredStoryline(units, _matches(scored, vectors, settings), components, aligner.overlaps)


def _blocks(
    units: Sequence[Unit], df: Mapping[str, int], indices: Sequence[int]
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
    units: Sequence[Unit], df: Mapping[str, int], components: Sequence[list[int]]
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


def _same_text_pairs(units: Sequence[Unit], sizes: np.ndarray) -> tuple[np.ndarray, ...]:
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


def _scored(units: Sequence[Unit], sizes: np.ndarray, blocks: Iterable[tuple[np.ndarray, ...]]) -> _Scored:
    """Gather block results and same-text pairs, each pair once (its first occurrence)."""
    parts = [_same_text_pairs(units, sizes), *blocks]
    scored = _Scored(*(np.concatenate(column) for column in zip(*parts, strict=True)))
    _, first_seen = np.unique(scored.first.astype(np.int64) * len(units) + scored.second, return_index=True)
    return _Scored(*(column[first_seen] for column in astuple(scored)))


class _Aligner:
    """Token alignment of scored pairs, each pair aligned once: containment and overlap lift the score."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = units
        self.known: dict[Pair, tuple[float, bool, bool]] = {}
        self.overlaps: set[Pair] = set()

    def __call__(self, scored: _Scored) -> _Scored:
        """Return the pairs with scores lifted by their alignment and containment taken from it."""
        score = scored.score.copy()
        first_inside, second_inside = np.zeros_like(scored.first_inside), np.zeros_like(scored.second_inside)
        rows = np.flatnonzero(scored.score >= ALIGN_FLOOR)
        for row, a, b in zip(rows.tolist(), scored.first[rows].tolist(), scored.second[rows].tolist(), strict=True):
            found = self.known.get((a, b))
            if found is None:
                found = self.known[(a, b)] = self._align(a, b)
            strength, first_inside[row], second_inside[row] = found
            score[row] = max(score[row], strength)
        return _Scored(scored.first, scored.second, score, scored.dice, first_inside, second_inside)

    def _align(self, a: int, b: int) -> tuple[float, bool, bool]:
        """Return the link strength of two units' alignment and whether each is contained in the other."""
        alignment = align(self.units[a].sequence, self.units[b].sequence)
        evidence = min(1.0, alignment.matched / ALIGN_EVIDENCE)
        if alignment.overlaps():
            self.overlaps.add((a, b))
        return link_strength(alignment) * evidence, alignment.contains(0), alignment.contains(1)


def _speaker_bonus(scored: _Scored, vectors: _Vectors, settings: Settings) -> np.ndarray:
    """Return each pair's speaker evidence: ``speaker_weight`` when both name the same speaker.

    Two different speakers are held against a link by the linkage, cluster against cluster
    (``statement_linkage``), where a quotation that names nobody takes its cluster's speaker.
    """
    first, second = vectors.speakers[scored.first], vectors.speakers[scored.second]
    return np.where((first >= 0) & (first == second), settings.speaker_weight, 0.0)


def _strong_components(scored: _Scored, vectors: _Vectors, settings: Settings) -> list[list[int]]:
    """Return the components of links that reach the threshold (another source, or a part of the same one)."""
    linked = scored.score + _speaker_bonus(scored, vectors, settings)
    strong = (linked >= settings.match_threshold) & _linkable(scored, vectors)
    pairs = zip(scored.first[strong].tolist(), scored.second[strong].tolist(), strict=True)
    return connected_components(len(vectors.bags), pairs)


def _matches(scored: _Scored, vectors: _Vectors, settings: Settings) -> dict[Pair, _Match]:
    """Turn scored pairs into matches with speaker evidence; same-source pairs only when one contains the other."""
    bonus = _speaker_bonus(scored, vectors, settings)
    allowed = np.nonzero(_linkable(scored, vectors))[0]
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


def _linkable(scored: _Scored, vectors: _Vectors) -> np.ndarray:
    """Tell per pair whether it may link: two sources, or one source quoting a part of its own quotation."""
    other_source = vectors.sources[scored.first] != vectors.sources[scored.second]
    return other_source | scored.first_inside | scored.second_inside


def _codes(values: Sequence[str | None]) -> np.ndarray:
    """Number distinct values (in sorted order); ``None`` becomes -1."""
    known = sorted({v for v in values if v is not None})
    index = {v: i for i, v in enumerate(known)}
    return np.array([-1 if v is None else index[v] for v in values], dtype=np.int64)
