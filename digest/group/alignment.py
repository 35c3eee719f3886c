"""Token alignment of two wordings: which part of one the other covers, in order.

A similarity score says how alike two quotations are; an alignment says *where* they agree.
Two concept sequences (content words in order, stemmed, synonyms folded: ``Unit.sequence``)
are aligned by their longest common subsequence (``rapidfuzz.distance.LCSseq``), and the
aligned stretch of each side is the span from its first to its last aligned concept. From
that follow the two relations between quotations of one statement that a bag of words
cannot tell apart from a loose resemblance:

- **containment**: nearly all of the shorter side is aligned, within a stretch of the
  longer side barely longer than itself (a part cut from the whole, a truncated copy);
- **overlap**: the end of one side is aligned with the start of the other (two cuts of one
  statement that share a sentence), or both begin (or both end) with the same aligned
  stretch and run on differently (one cut goes on into the next sentence, the other into
  a later one or into the article's own words).

The same alignment on plain words gives the part of the canonical wording a variant covers
(``coverage``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

CONTAINED_SHARE = 0.8
"""Share of the shorter side that must be aligned for it to count as contained in the longer."""

COMPACT_SLACK = 1.5
"""The aligned stretch of the longer side may be at most this many times the shorter side (plus two)."""

MIN_PART = 3
"""Concepts a part needs before containment counts with a loose alignment; a shorter part (two
concepts at least) must align in full."""

MIN_OVERLAP = 5
"""Aligned concepts an overlap needs: about one shared clause."""

OVERLAP_DENSITY = 0.8
"""Share of both overlapping stretches that must be aligned concepts."""

COVERAGE_SHARE = 0.3
"""Share of a variant's words that must align with the canonical wording for its coverage to be given."""

EDGE = 1
"""How many concepts an overlapping stretch may stop short of its side's start or end."""


@dataclass(frozen=True, slots=True)
class Alignment:
    """Where two sequences agree: how many items align, and the stretch they span on each side."""

    matched: int
    first: tuple[int, int]
    """Half-open span of the aligned items in the first sequence (``(0, 0)`` when none align)."""
    second: tuple[int, int]
    first_size: int
    second_size: int

    def contains(self, inner: int) -> bool:
        """Tell whether side ``inner`` (0: first, 1: second) is contained in the other side."""
        size, outer = (self.first_size, self.second) if inner == 0 else (self.second_size, self.first)
        other = self.second_size if inner == 0 else self.first_size
        if size > other + 1:
            return False
        if size < 2 or self.matched < _needed(size):
            return False
        return outer[1] - outer[0] <= COMPACT_SLACK * size + 2

    def overlaps(self) -> bool:
        """Tell whether one shared stretch ends one side and starts the other, or starts (or ends) both.

        Each side must run on past the shared stretch (otherwise it is contained).
        """
        if self.matched < MIN_OVERLAP:
            return False
        lengths = (self.first[1] - self.first[0], self.second[1] - self.second[0])
        if self.matched < OVERLAP_DENSITY * max(lengths):
            return False
        first_start, first_end = self.first[0] <= EDGE, self.first[1] >= self.first_size - EDGE
        second_start, second_end = self.second[0] <= EDGE, self.second[1] >= self.second_size - EDGE
        a_then_b = first_end and second_start and not first_start and not second_end
        b_then_a = second_end and first_start and not second_start and not first_end
        same_start = first_start and second_start and not first_end and not second_end
        same_end = first_end and second_end and not first_start and not second_start
        return a_then_b or b_then_a or same_start or same_end

    @property
    def shorter_share(self) -> float:
        """Return the share of the shorter side that is aligned."""
        shorter = min(self.first_size, self.second_size)
        return self.matched / shorter if shorter else 0.0


def align(first: Sequence[str], second: Sequence[str]) -> Alignment:
    """Align two sequences by their longest common subsequence, compactly when the shorter is a part.

    A longest common subsequence may take a repeated word from far along the longer side
    ("... elected by the Conservative Party. I have ... resigning as leader of the
    Conservative Party"), which spreads a part over a stretch too long to count as
    contained. When the shorter side aligns nearly in full but too loosely, the alignment
    is taken within the compact stretch of the longer side that aligns the most of it.
    """
    alignment = _lcs(first, second)
    inner = 0 if alignment.first_size <= alignment.second_size else 1
    size = min(alignment.first_size, alignment.second_size)
    if size < 2 or alignment.matched < _needed(size) or alignment.contains(inner):
        return alignment
    shorter, longer = (first, second) if inner == 0 else (second, first)
    width = int(COMPACT_SLACK * size + 2)
    items = set(shorter)
    best: tuple[int, Alignment] | None = None
    for start in range(max(1, len(longer) - width + 1)):
        if longer[start] not in items:
            continue
        found = _lcs(shorter, longer[start : start + width])
        if found.matched >= _needed(size) and (best is None or found.matched > best[1].matched):
            best = start, found
    if best is None:
        return alignment
    start, found = best
    inside, outside = found.first, (found.second[0] + start, found.second[1] + start)
    if inner == 0:
        return Alignment(found.matched, inside, outside, len(first), len(second))
    return Alignment(found.matched, outside, inside, len(first), len(second))


def _needed(size: int) -> float:
    """Return how many items of a part of ``size`` items must align for it to count as contained."""
    return CONTAINED_SHARE * size if size >= MIN_PART else size


def _lcs(first: Sequence[str], second: Sequence[str]) -> Alignment:
    """Align two sequences by their longest common subsequence (rapidfuzz's placement)."""
    blocks = [op for op in LCSseq.opcodes(first, second) if op.tag == "equal"]
    if not blocks:
        return Alignment(0, (0, 0), (0, 0), len(first), len(second))
    matched = sum(op.src_end - op.src_start for op in blocks)
    return Alignment(
        matched,
        (blocks[0].src_start, blocks[-1].src_end),
        (blocks[0].dest_start, blocks[-1].dest_end),
        len(first),
        len(second),
    )


def link_strength(alignment: Alignment) -> float:
    """Return how strongly (0-1) an alignment alone says two wordings are one statement.

    A contained part scores by how much of it is aligned; an overlap by the aligned share
    of the shorter side, lifted so that one shared clause of two cuts can link them. Any
    other alignment says nothing here (the similarity score speaks for it).
    """
    if alignment.contains(0) or alignment.contains(1):
        return alignment.shorter_share
    if alignment.overlaps():
        return min(1.0, 0.5 + alignment.shorter_share)
    return 0.0


def coverage(part: Sequence[str], whole: Sequence[str]) -> tuple[int, int] | None:
    """Return the half-open span of ``whole`` that ``part`` covers, or ``None`` if they hardly align."""
    alignment = align(part, whole)
    if not part or alignment.matched < max(min(2, len(part)), COVERAGE_SHARE * len(part)):
        return None
    return alignment.second
