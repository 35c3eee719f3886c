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

import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import groupby

from ..models import Article, Published, Quote, QuoteCluster, date_order, stable_id
from ..settings import Settings
from ..text.tokens import normalise_text
from .dates import known
from .similarity import ScoredStoryline, score_storyline
from .statement_linkage import link_statements
from .units import SPEECH, make_units, same_text_groups

log = logging.getLogger(__name__)

DEFAULT_SETTINGS = Settings()
"""The settings used when none are given."""


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
    published = {a.id: known(a.published) for a in articles}
    drafts: list[QuoteCluster] = []
    for (_, family), family_units in groupby(make_units(quotes, storyline_of), key=lambda u: (u.storyline, u.family)):
        if family == SPEECH:
            story = score_storyline(list(family_units), settings)
            drafts.extend(_draft(cluster, story, published) for cluster in link_statements(story, settings))
        else:
            drafts.extend(
                _draft([0], ScoredStoryline([u], {}), published) for u in same_text_groups(list(family_units))
            )
    clusters = _finish_clusters(drafts)
    log.debug("%d quotes in %d clusters", len(quotes), len(clusters))
    return clusters, _assign(quotes, clusters)


# --------------------------------------------------------------------------- clusters


def _agreement(members: Sequence[int], story: ScoredStoryline) -> dict[str, float]:
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


def _raw_score(story: ScoredStoryline, a: int, b: int) -> float:
    """Return the similarity of two units without speaker evidence (zero if never scored)."""
    match = story.matches.get((a, b) if a < b else (b, a))
    return match.score if match else 0.0


def _canonical(members: Sequence[int], story: ScoredStoryline, published: Mapping[str, Published | None]) -> Quote:
    """Pick the canonical quote: most content words, most agreed-upon, earliest, smallest source."""
    agreement = _agreement(members, story)
    candidates = [(q, story.units[pos].words) for pos in members for q in story.units[pos].quotes]
    best, _ = min(
        candidates,
        key=lambda item: (
            -item[1],
            -round(agreement[item[0].id], 9),
            date_order(published.get(item[0].source), item[0].source),
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


def _first_reported(quotes: Sequence[Quote], published: Mapping[str, Published | None]) -> Published | None:
    """Return the earliest publication date read (never estimated) among the members' sources."""
    dates = [d for q in quotes if (d := published.get(q.source)) is not None]
    return min(dates, key=lambda d: date_order(d, d.iso())) if dates else None


def _finish_clusters(drafts: Sequence[QuoteCluster]) -> tuple[QuoteCluster, ...]:
    """Sort the clusters, giving any whose content ids collide distinct ids from their members."""
    seen = Counter(d.id for d in drafts)
    clusters = [
        replace(d, id=stable_id("c", d.storyline, d.id, *sorted(d.quotes))) if seen[d.id] > 1 else d for d in drafts
    ]
    return tuple(sorted(clusters, key=lambda c: (c.storyline, date_order(c.first_reported, c.id))))


def _draft(members: Sequence[int], story: ScoredStoryline, published: Mapping[str, Published | None]) -> QuoteCluster:
    """Build one cluster from its member units."""
    units = [story.units[i] for i in members]
    quotes = [q for u in units for q in u.quotes]
    canonical = _canonical(members, story, published)
    text = normalise_text(canonical.text)
    family = units[0].family
    parts = (text,) if family == SPEECH else (family, text)
    ordered = sorted(quotes, key=lambda q: (date_order(published.get(q.source), q.source), q.start, q.id))
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


def merge_storyline_clusters(
    parts: Iterable[tuple[tuple[QuoteCluster, ...], tuple[Quote, ...]]],
) -> tuple[tuple[QuoteCluster, ...], tuple[Quote, ...]]:
    """Join ``cluster_quotes`` results of disjoint storylines into what one call over all of them returns.

    Clusters never cross storylines and their ids include the storyline, so joining is
    sorting: clusters by storyline, first report and id; quotes by source, offsets and id.
    """
    parts = list(parts)
    clusters = _finish_clusters([c for found, _ in parts for c in found])
    quotes = sorted((q for _, assigned in parts for q in assigned), key=lambda q: (q.source, q.start, q.end, q.id))
    return clusters, tuple(quotes)
