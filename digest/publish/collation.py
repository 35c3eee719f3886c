"""Collating the wordings of one statement: every outlet's own words, aligned with the canonical wording's.

A collation is an alignment table in the way textual collation tools show witnesses: one
row per wording, the canonical one first, and one *place* per column. Each canonical word
is a place of its own; words an outlet adds between two canonical words make a place
there; an outlet that rewords a run of canonical words fills the whole run with its own
words, and that run is one place for every wording. Each row holds only that wording's
words, as written, in its order, so a row read across the places is the wording itself.
:func:`merge_agreeing` joins runs of places that every wording shares into a few wider ones.

Every run of words is marked against the canonical wording (the kinds CollateX calls
match, addition, replacement and omission): the same words, words the canonical wording
lacks, other words in place of the canonical's, and canonical words left out.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from ..models import DiffOp
from .diff import diff_tokens

SAME = "same"
"""Words as in the canonical wording (compared on their normalised form)."""
ADDED = "added"
"""Words the canonical wording does not have at this place."""
CHANGED = "changed"
"""Words in place of other words of the canonical wording."""
LEFT_OUT = "left out"
"""Where this wording leaves out words of the canonical wording; a piece of this kind has no text."""


class Piece(NamedTuple):
    """A run of one wording's words at one place, all of one kind, joined as the wording joins them.

    (A named tuple, not a dataclass: a site's collations hold hundreds of thousands.)
    """

    kind: str
    text: str
    spaced: bool
    """Whether the wording has a space before this run (words can abut: ``U.S.-`` ``led``)."""


Cell = tuple[Piece, ...]
"""One wording's pieces at one place; empty where it has nothing there and leaves nothing out."""


@dataclass(frozen=True)
class Collation:
    """The wordings of one statement aligned place by place; row 0 is the canonical wording."""

    places: tuple[tuple[Cell, ...], ...]
    """For each place, one cell per wording, in row order."""
    rows: int

    def row(self, index: int) -> tuple[Piece, ...]:
        """Every piece of one wording, in order."""
        return tuple(piece for place in self.places for piece in place[index])

    def text(self, index: int) -> str:
        """One wording's words as written, with a space wherever it has one: the wording itself."""
        return join(self.row(index))

    def varies(self, place: int) -> bool:
        """Whether any wording differs from the canonical one at this place."""
        return any(piece.kind != SAME for cell in self.places[place] for piece in cell)


def merge_agreeing(collation: Collation, width: int) -> Collation:
    """The collation with consecutive places where every wording has the canonical's words joined into
    places of at most ``width`` characters: fewer, wider places, still aligned, for pages and terminals.
    """
    places: list[tuple[Cell, ...]] = []
    run: list[tuple[Cell, ...]] = []
    widths: list[int] = []
    for place in collation.places:
        if not _agrees(place):
            places.extend(_joined(run))
            run = []
            places.append(place)
            continue
        if run:
            grown = [w + cell[0].spaced + len(cell[0].text) for w, cell in zip(widths, place, strict=True)]
            if max(grown) <= width:
                run.append(place)
                widths = grown
                continue
        places.extend(_joined(run))
        run, widths = [place], [len(cell[0].text) for cell in place]
    places.extend(_joined(run))
    return Collation(places=tuple(places), rows=collation.rows)


def _agrees(place: tuple[Cell, ...]) -> bool:
    """Whether every wording has the canonical's words, and only them, at this place (one piece each)."""
    return all(len(cell) == 1 and cell[0].kind == SAME for cell in place)


def _joined(run: Sequence[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """A run of agreeing places as one place (nothing for no run)."""
    if not run:
        return []
    return [
        tuple(
            (Piece(SAME, join([place[row][0] for place in run]), run[0][row][0].spaced),) for row in range(len(run[0]))
        )
    ]


def join(pieces: Sequence[Piece]) -> str:
    """The text of pieces in a row, separated where the wording has a space."""
    out: list[str] = []
    for piece in pieces:
        if piece.text:
            out.append((" " if out and piece.spaced else "") + piece.text)
    return "".join(out)


@lru_cache(maxsize=4_096)
def spaced_tokens(text: str) -> tuple[tuple[str, bool], ...]:
    """The words of :func:`~digest.publish.diff.diff_tokens`, each with whether a space precedes it."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for word, _ in diff_tokens(text):
        start = text.find(word, pos)
        out.append((word, bool(out) and start > pos))
        pos = start + len(word)
    return tuple(out)


def collate(canonical: str, variants: Sequence[tuple[str, Sequence[DiffOp]]]) -> Collation:
    """Align ``canonical`` and each ``(text, word diff from canonical to text)`` in ``variants``.

    Slot ``2 i + 1`` holds what a wording has for canonical word ``i``, slot ``2 i`` what it
    adds before it (slot ``2 n`` after the last). A reworded run of canonical words joins
    its slots into one place; slots where no wording has anything are dropped.
    """
    base = spaced_tokens(canonical)
    slots = 2 * len(base) + 1
    rows: list[list[list[Piece]]] = [[[] for _ in range(slots)] for _ in range(len(variants) + 1)]
    for i, (word, spaced) in enumerate(base):
        rows[0][2 * i + 1].append(Piece(SAME, word, spaced))
    joined: list[tuple[int, int]] = []
    for row, (text, ops) in zip(rows[1:], variants, strict=True):
        joined.extend(_fill(row, iter(spaced_tokens(text)), ops))
    places = []
    for first, last in _places(slots, joined):
        cells = tuple(_cell([w for slot in row[first : last + 1] for w in slot]) for row in rows)
        if any(cells):
            places.append(cells)
    return Collation(places=tuple(places), rows=len(rows))


def _fill(row: list[list[Piece]], words: Iterator[tuple[str, bool]], ops: Sequence[DiffOp]) -> list[tuple[int, int]]:
    """Put one wording's words into its slots; return the runs of slots a rewording joins."""
    joined = []
    i = 0
    for op in ops:
        taken = [next(words) for _ in op.variant]
        width = len(op.canonical)
        if op.op == "equal":
            for offset, (word, spaced) in enumerate(taken):
                row[2 * (i + offset) + 1].append(Piece(SAME, word, spaced))
        elif op.op == "insert":
            row[2 * i].extend(Piece(ADDED, word, spaced) for word, spaced in taken)
        elif op.op == "delete":
            for offset in range(width):
                row[2 * (i + offset) + 1].append(Piece(LEFT_OUT, "", False))
        else:
            row[2 * i + 1].extend(Piece(CHANGED, word, spaced) for word, spaced in taken)
            if width > 1:
                joined.append((2 * i + 1, 2 * (i + width - 1) + 1))
        i += width
    return joined


def _places(slots: int, joined: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs of slots that make places: single slots, except where rewordings join them (overlaps merge)."""
    reach = list(range(slots))
    for first, last in joined:
        reach[first] = max(reach[first], last)
    places = []
    start = 0
    while start < slots:
        end = reach[start]
        slot = start
        while slot < end:
            slot += 1
            end = max(end, reach[slot])
        places.append((start, end))
        start = end + 1
    return places


def _cell(words: Sequence[Piece]) -> Cell:
    """Words of one wording at one place, consecutive words of a kind joined into one piece."""
    pieces = []
    for kind, group in itertools.groupby(words, key=itemgetter(0)):
        run = list(group)
        pieces.append(Piece(LEFT_OUT, "", False) if kind == LEFT_OUT else Piece(kind, join(run), run[0].spaced))
    return tuple(pieces)
