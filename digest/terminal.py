"""Printing the wordings of a statement in the terminal, with word differences marked."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, utils
from rich.console import Console
from rich.text import Text

from .diff import render_terminal, word_diff
from .models import Digest, QuoteCluster, QuoteKind

STATEMENT_KINDS = (QuoteKind.STATEMENT, QuoteKind.FRAGMENT)


def print_diffs(digest: Digest, statement: str | None, outlets: Sequence[str], console: Console | None = None) -> bool:
    """Print matching statements' variants against their canonical wording; False when none match."""
    console = console or Console(highlight=False)
    clusters = select_clusters(digest, statement)
    if not clusters:
        return False
    for cluster in clusters:
        _print_cluster(digest, cluster, outlets, console)
    return True


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
