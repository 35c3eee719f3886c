"""Printing the wordings of a statement in the terminal, with word differences marked."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, utils
from rich.console import Console
from rich.text import Text

from .models import DiffOp, Digest, QuoteCluster, QuoteKind
from .publish.diff import word_diff

STATEMENT_KINDS = (QuoteKind.STATEMENT, QuoteKind.FRAGMENT)
DELETE_MARKERS = ("[-", "-]")
INSERT_MARKERS = ("{+", "+}")
DELETE_STYLE = "red strike"
INSERT_STYLE = "green underline"


LISTED = 12
"""How many known statements an error for an unknown one lists."""


class UnknownFilterError(ValueError):
    """An ``--outlet`` or ``--statement`` that names nothing in the digest; the message lists what it has."""


def print_diffs(digest: Digest, statement: str | None, outlets: Sequence[str], console: Console | None = None) -> None:
    """Print matching statements' variants against their canonical wording.

    Raises ``UnknownFilterError`` when an outlet or the statement matches nothing.
    """
    console = console or Console(highlight=False)
    check_outlets(digest, outlets)
    clusters = select_clusters(digest, statement)
    if not clusters:
        raise UnknownFilterError(_no_statement(digest, statement))
    for cluster in clusters:
        _print_cluster(digest, cluster, outlets, console)


def check_outlets(digest: Digest, outlets: Sequence[str]) -> None:
    """Fail with the list of known outlets when a wanted outlet matches none of them."""
    known = sorted({a.outlet or a.id for a in digest.articles}, key=str.casefold)
    for wanted in outlets:
        if not any(wanted.casefold() in name.casefold() for name in known):
            raise UnknownFilterError(f"no outlet matches {wanted!r}; the outlets are: {'; '.join(known)}")


def _no_statement(digest: Digest, statement: str | None) -> str:
    """The error for a statement filter that matched nothing, listing some known statements."""
    quotes = {q.id: q for q in digest.quotes}
    texts = [quotes[c.canonical].text for c in digest.clusters if quotes[c.canonical].kind in STATEMENT_KINDS]
    if statement is None:
        return "no statement is carried by two or more outlets; give --statement to see one outlet's wording"
    shown = "; ".join(f"“{_short(text)}”" for text in texts[:LISTED])
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
    """One statement: canonical wording, then each outlet's variant as a diff."""
    quotes = {q.id: q for q in digest.quotes}
    articles = {a.id: a for a in digest.articles}
    speakers = {s.id: s.name for s in digest.speakers}
    canonical = quotes[cluster.canonical]
    speaker = speakers.get(cluster.speaker or "", canonical.speaker_as_written or "unattributed")
    console.print(Text(f"{cluster.id}  {speaker}", style="bold"))
    console.print(
        Text(f"  canonical ({articles[canonical.source].outlet or canonical.source}): ") + Text(canonical.text)
    )
    wanted = {o.casefold() for o in outlets}
    for quote_id in cluster.quotes:
        quote = quotes[quote_id]
        outlet = articles[quote.source].outlet or quote.source
        if quote.id == canonical.id or (wanted and not any(w in outlet.casefold() for w in wanted)):
            continue
        console.print(Text(f"  {outlet}: ", style="cyan") + render_terminal(word_diff(canonical.text, quote.text)))
    console.print()


def render_terminal(ops: Sequence[DiffOp]) -> Text:
    """Return the diff as rich text: ``[-deleted-]`` in red, ``{+inserted+}`` in green."""
    text = Text()
    for op in ops:
        if op.canonical and op.op != "equal":
            _append(text, op.canonical, DELETE_MARKERS, DELETE_STYLE)
        if op.variant and op.op != "equal":
            _append(text, op.variant, INSERT_MARKERS, INSERT_STYLE)
        if op.op == "equal":
            _append(text, op.canonical, ("", ""), "")
    return text


def _append(text: Text, words: Sequence[str], markers: tuple[str, str], style: str) -> None:
    """Append one run of words, separated from what precedes it by a space."""
    if text:
        text.append(" ")
    text.append(f"{markers[0]}{' '.join(words)}{markers[1]}", style=style)
