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
    nothing. Case, punctuation, ellipses and word order do not matter. Pairs that score
    ``similarity.ALIGN_FLOOR`` or more are also aligned token by token (``alignment``): a
    part contained in a longer quotation, or two cuts that overlap, link on that alone.
    Agreeing speakers add ``Settings.speaker_weight``; two different speakers are held
    against a merge cluster against cluster (``statement_linkage``).

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
    A statement is what one speaker said on one occasion; a quotation may carry a part of
    it. Statements and fragments are clustered together by average linkage, the most
    interchangeable wordings first, over what the clusters say: a member that another
    member contains is represented by it, and two clusters merge only while the mean
    similarity of their representatives' cross pairs reaches ``Settings.match_threshold``
    (``statement_linkage``). So a part joins the whole it was cut from and a near-copy
    joins a cluster of many wordings through the one it copies, while a quotation that
    runs two statements together attaches to the one that holds most of its sentences (on a
    tie, the one it opens with) and does not chain them (unless a second outlet quotes them
    together too, or two more articles each quote both apart). Two quotations of one source
    share a cluster only as parts of one statement: a fragment of the article's own fuller
    quotation, or parts other outlets quote as one passage, in one quotation or in two cuts
    that overlap (or equal normalised texts: an article quoting one statement twice). A
    phrase a speaker used in two statements goes with the one the article's own fuller
    quotation of it belongs to, when another outlet's wording of that one holds it too.
    Fragments that two articles or more weave into one sentence of their own ('spoke to
    "colleagues abroad" who were "very grateful"'), and two quotations that two articles or
    more interrupt with a bare attribution ('"...," he told reporters. "..."'), are parts
    of one statement too, though they share no words. A speaker fewer sources name is
    outvoted in proportion: one outlet giving three outlets' statement to someone else does
    not split it. A statement quoted only in other languages than most of the storyline's
    sources joins the statement it translates when one stands out by speaker, names, numbers,
    cognates and negation, and a translated copy's quotations line up with its original's in
    order (``translations``, ``parallels``); such quotes are marked ``Quote.translated``.
    Terms and titles only group with quotations of the same kind and the same
    normalised text. Every quotation ends in exactly one cluster; a statement only one
    outlet carried is a cluster of one. Clusters never cross
    storylines.

Canonical wording rule
    The canonical quotation is one outlet's real text, the longest faithful version: the
    variant whose wording contains the most other members (token alignment), then the most
    complete one (the most content words); ties go to the most agreed-upon variant (the
    highest mean similarity to the other members), then to the earliest published source,
    then to the smallest source id, then to the earliest position in that source.

What each variant covers
    Every quote records the part of the canonical wording it carries (``Quote.covers``):
    the half-open range of the canonical's words that its own words align with (longest
    common subsequence of normalised words), or ``None`` when fewer than two words align
    (a reworded or translated variant). A quotation that covers two statements (it runs
    from the end of one into the start of the next) belongs to one cluster only: the one
    whose other quotations hold most of its sentences, the one it opens with on a tie;
    its words beyond that statement show as additions in the word diff.

Identity and order
    A cluster's id is ``stable_id("c", storyline, normalised canonical text)`` (terms and
    titles add their kind; clusters that would collide add their member ids), so it
    depends on content only. The result does not depend on the order of the input.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import groupby

from ..models import Article, Published, Quote, QuoteCluster, date_order, stable_id
from ..settings import Settings
from ..text.tokens import normalise_text
from .alignment import coverage
from .dates import known
from .similarity import ScoredStoryline, score_storyline
from .statement_linkage import link_statements
from .translations import join_translations, source_languages
from .units import SPEECH, make_units, same_text_groups, woven_pairs, woven_quotes

log = logging.getLogger(__name__)

DEFAULT_SETTINGS = Settings()
"""The settings used when none are given."""


# --------------------------------------------------------------------------- public API


def cluster_quotes(
    quotes: Sequence[Quote],
    articles: Sequence[Article],
    storyline_of: Mapping[str, str],
    settings: Settings = DEFAULT_SETTINGS,
    woven: Collection[tuple[str, str]] | None = None,
) -> tuple[tuple[QuoteCluster, ...], tuple[Quote, ...]]:
    """Group quotations that report the same statement, within each storyline.

    ``storyline_of`` maps an article id to its storyline id; every quote's source must be
    in it. ``woven`` gives the quote pairs the articles quote as one passage of their own
    (``units.woven_quotes``); by default they are found in the articles' texts. Returns
    the clusters, sorted by storyline, first report and id, and the quotes with
    ``cluster`` set, sorted by source, offset and id. Every quote is in exactly one
    cluster.
    """
    published = {a.id: known(a.published) for a in articles}
    if woven is None:
        woven = woven_quotes(quotes, {a.id: a.text for a in articles})
    languages = source_languages(articles, quotes)
    drafts: list[QuoteCluster] = []
    units = make_units(quotes, storyline_of)
    words = {q.id: u.text.split() for u in units for q in u.quotes}
    for (_, family), family_units in groupby(units, key=lambda u: (u.storyline, u.family)):
        if family == SPEECH:
            story = score_storyline(list(family_units), settings)
            found = link_statements(story, settings, woven_pairs(story.units, woven))
            found = join_translations(found, story.units, languages)
            drafts.extend(_draft(cluster, story, published) for cluster in found)
        else:
            drafts.extend(
                _draft([0], ScoredStoryline([u], {}), published) for u in same_text_groups(list(family_units))
            )
    clusters = _finish_clusters(drafts)
    log.debug("%d quotes in %d clusters", len(quotes), len(clusters))
    return clusters, _assign(quotes, clusters, words, languages)


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


def _contained(members: Sequence[int], story: ScoredStoryline) -> dict[int, int]:
    """Return, per member unit, how many quotes of the other members its wording contains."""
    held = dict.fromkeys(members, 0)
    for a in members:
        for b in members:
            match = story.matches.get((a, b)) if a < b else None
            if match is None:
                continue
            if match.second_inside:
                held[a] += len(story.units[b].quotes)
            if match.first_inside:
                held[b] += len(story.units[a].quotes)
    return held


def _canonical(members: Sequence[int], story: ScoredStoryline, published: Mapping[str, Published | None]) -> Quote:
    """Pick the canonical quote: the longest faithful version.

    That is the wording that contains the most of the other members (so the whole a
    part was cut from, not a long quotation that runs on into other words), then the most
    content words, the most agreed-upon, the earliest, the smallest source.
    """
    agreement = _agreement(members, story)
    held = _contained(members, story)
    candidates = [(q, story.units[pos].words, held[pos]) for pos in members for q in story.units[pos].quotes]
    best, _, _ = min(
        candidates,
        key=lambda item: (
            -item[2],
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


def _assign(
    quotes: Sequence[Quote],
    clusters: Sequence[QuoteCluster],
    words: Mapping[str, list[str]],
    languages: Mapping[str, str],
) -> tuple[Quote, ...]:
    """Return the quotes with their cluster ids, coverage and translation mark set, sorted by source, offsets and id.

    ``words`` gives each quote's normalised words, ``languages`` each source's language.
    """
    cluster_of = {quote_id: c for c in clusters for quote_id in c.quotes}
    source_of = {q.id: q.source for q in quotes}
    assigned = []
    for quote in quotes:
        cluster = cluster_of[quote.id]
        whole = words[cluster.canonical]
        if not whole:
            covers = None
        elif quote.id == cluster.canonical:
            covers = (0, len(whole))
        else:
            covers = coverage(words[quote.id], whole)
        own, theirs = languages.get(quote.source, ""), languages.get(source_of[cluster.canonical], "")
        translated = bool(own and theirs and own != theirs)
        assigned.append(replace(quote, cluster=cluster.id, covers=covers, translated=translated))
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
