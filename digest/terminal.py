"""Printing a statement's wordings in the terminal: every outlet's words aligned, differences marked."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, utils
from rich.console import Console
from rich.text import Text

from .models import Digest, Quote, QuoteCluster, QuoteKind
from .publish.collation import ADDED, CHANGED, LEFT_OUT, SAME, Collation, Piece, collate, merge_agreeing
from .publish.diff import word_diff

STATEMENT_KINDS = (QuoteKind.STATEMENT, QuoteKind.FRAGMENT)
MARKERS = {SAME: ("", ""), ADDED: ("{+", "+}"), CHANGED: ("{~", "~}"), LEFT_OUT: ("[…]", "")}
"""What each kind of piece is wrapped in, so that differences read without colour."""
STYLES = {SAME: "", ADDED: "green underline", CHANGED: "magenta underline", LEFT_OUT: "red"}
LEGEND = (
    "Each row is one outlet's wording, word for word, aligned with the canonical wording (first row): "
    "{+…+} words the canonical wording does not have, {~…~} other words in place of the canonical's, "
    "[…] canonical words left out."
)
UNPRINTABLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (escape sequences, bidirectional overrides) that article text must not send to a terminal."""


LABEL_SHARE = 40
"""At most this share (%) of the terminal's width goes to the outlets' names."""
CANONICAL = " (canonical)"

LISTED = 12
"""How many known statements an error for an unknown one lists."""


class UnknownFilterError(ValueError):
    """An ``--outlet`` or ``--statement`` that names nothing in the digest; the message lists what it has."""


def print_diffs(digest: Digest, statement: str | None, outlets: Sequence[str], console: Console | None = None) -> None:
    """Print each matching statement's wordings, aligned with its canonical wording, differences marked.

    Raises ``UnknownFilterError`` when an outlet or the statement matches nothing.
    """
    console = console or Console(highlight=False)
    check_outlets(digest, outlets)
    clusters = select_clusters(digest, statement)
    if not clusters:
        raise UnknownFilterError(_no_statement(digest, statement))
    console.print(Text(LEGEND, style="dim"))
    console.print()
    for cluster in clusters:
        _print_cluster(digest, cluster, outlets, console)


def check_outlets(digest: Digest, outlets: Sequence[str]) -> None:
    """Fail with the list of known outlets when a wanted outlet matches none of them."""
    known = sorted({a.outlet or a.id for a in digest.articles}, key=str.casefold)
    for wanted in outlets:
        if not any(wanted.casefold() in name.casefold() for name in known):
            raise UnknownFilterError(
                f"no outlet matches {wanted!r}; the outlets are: {'; '.join(printable(name) for name in known)}"
            )


def _no_statement(digest: Digest, statement: str | None) -> str:
    """The error for a statement filter that matched nothing, listing some known statements."""
    quotes = {q.id: q for q in digest.quotes}
    texts = [quotes[c.canonical].text for c in digest.clusters if quotes[c.canonical].kind in STATEMENT_KINDS]
    if statement is None:
        return "no statement is carried by two or more outlets; give --statement to see one outlet's wording"
    shown = "; ".join(f"“{_short(printable(text))}”" for text in texts[:LISTED])
    more = f" (and {len(texts) - LISTED} more)" if len(texts) > LISTED else ""
    return f"no statement matches {statement!r}; the statements are: {shown or 'none'}{more}"


def _short(text: str, width: int = 60) -> str:
    """A statement cut to ``width`` characters at a word boundary."""
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"


def select_clusters(digest: Digest, statement: str | None) -> list[QuoteCluster]:
    """The clusters whose canonical wording matches ``statement`` best (or all multi-outlet ones)."""
    quotes = {q.id: q for q in digest.quotes}
    candidates = [c for c in digest.clusters if quotes[c.canonical].kind in STATEMENT_KINDS]
    if statement is None:
        return [c for c in candidates if len({quotes[q].source for q in c.quotes}) > 1]
    scored = [
        (fuzz.partial_ratio(statement, quotes[c.canonical].text, processor=utils.default_process), c)
        for c in candidates
    ]
    best = max((score for score, _ in scored), default=0.0)
    return [c for score, c in scored if score >= max(best, 60.0)]


def _print_cluster(digest: Digest, cluster: QuoteCluster, outlets: Sequence[str], console: Console) -> None:
    """One statement: every wanted outlet's wording in full, aligned with the canonical wording (first row)."""
    quotes = {q.id: q for q in digest.quotes}
    articles = {a.id: a for a in digest.articles}
    speakers = {s.id: s.name for s in digest.speakers}
    canonical = quotes[cluster.canonical]
    speaker = speakers.get(cluster.speaker or "", canonical.speaker_as_written or "unattributed")
    console.print(Text(f"{cluster.id}  {printable(speaker)}", style="bold"))
    wanted = {o.casefold() for o in outlets}

    def outlet(quote: Quote) -> str:
        return articles[quote.source].outlet or quote.source

    others = sorted(
        (quotes[q] for q in cluster.quotes if q != canonical.id),
        key=lambda q: (outlet(q).casefold(), q.source, q.start),
    )
    shown = [q for q in others if not wanted or any(w in outlet(q).casefold() for w in wanted)]
    collation = merge_agreeing(
        collate(canonical.text, [(q.text, word_diff(canonical.text, q.text)) for q in shown]), 24
    )
    names = [printable(outlet(q)) for q in (canonical, *shown)]
    for line in collation_lines(collation, names, console.width):
        console.print(line, no_wrap=True, overflow="ignore", crop=False)
    console.print()


def collation_lines(collation: Collation, outlets: Sequence[str], width: int) -> list[Text]:
    """The collation as rich text: one line per wording, labelled with ``outlets``, in bands that fit ``width``.

    Each row is one outlet's own words as written, in order; ``{+…+}`` marks words the
    canonical wording (first row) does not have, ``{~…~}`` other words in place of the
    canonical's, ``[…]`` canonical words left out. Places are padded to the same width in
    every row, so the rows stay aligned; a place wider than ``width`` gets a band of its own.
    The first row's label says ``(canonical)``; names too long for their share of the width
    are cut, with ``…``.
    """
    cells = [[render_cell(cell) for cell in place] for place in collation.places]
    widths = [max(cell.cell_len for cell in place) for place in cells]
    budget = max(LABEL_SHARE * width // 100, len(CANONICAL) + 8)
    labels = [_cut(outlets[0], budget - len(CANONICAL)) + CANONICAL, *(_cut(o, budget) for o in outlets[1:])]
    label_width = max(len(label) for label in labels)
    room = max(width - label_width - 4, 1)
    lines: list[Text] = []
    for band in _bands(widths, room):
        if lines:
            lines.append(Text())
        for row, label in enumerate(labels):
            line = Text("  ") + Text(label.ljust(label_width), style="bold cyan" if row == 0 else "cyan") + Text("  ")
            for n, place in enumerate(band):
                cell = cells[place][row]
                line.append_text(cell)
                if n < len(band) - 1:
                    line.append(" " * (widths[place] - cell.cell_len + 1))
            line.rstrip()
            lines.append(line)
    return lines


def _cut(name: str, width: int) -> str:
    """A name cut to ``width`` characters, ending in ``…`` when cut."""
    return name if len(name) <= width else name[: width - 1] + "…"


def _bands(widths: Sequence[int], room: int) -> list[list[int]]:
    """Consecutive places packed greedily into bands of at most ``room`` columns (one space between places)."""
    bands: list[list[int]] = []
    used = 0
    for place, width in enumerate(widths):
        if bands and used + 1 + width <= room:
            bands[-1].append(place)
            used += 1 + width
        else:
            bands.append([place])
            used = width
    return bands


def render_cell(pieces: Sequence[Piece]) -> Text:
    """One wording's pieces at one place as rich text, each kind marked in text and style."""
    text = Text()
    for piece in pieces:
        opening, closing = MARKERS[piece.kind]
        if text and (piece.spaced or piece.kind == LEFT_OUT):
            text.append(" ")
        text.append(f"{opening}{printable(piece.text)}{closing}", style=STYLES[piece.kind])
    return text


def printable(text: str) -> str:
    """Text from an article made safe to print: whitespace as single spaces, control characters dropped."""
    return UNPRINTABLE.sub("", " ".join(text.split()))
