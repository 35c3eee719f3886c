"""Grouping articles into storylines, and a storyline's timeline.

Two articles belong together when enough evidence agrees: the wording of their
bodies (TF-IDF cosine on content words), the people and places they name, whether
one's title is about what the other says, statements they both quote, and how
close their dates are; two articles in different languages, whose wording cannot
agree, are compared by the names they both write and the speakers they both quote
(as speaker resolution found them, whatever the script) instead. The article-to-article
scores are grouped with average linkage, so a storyline is held together by what
its articles share as a whole rather than by a chain of pairwise resemblances (but
for reports in another language, which share names with the report closest to
them and little with the rest: they are linked by their best scores); and
two groups that each hold together far more strongly than they hold to each other
stay apart, as two events on one subject.

Only candidate pairs (articles sharing distinctive words, or names or speakers across languages,
found through inverted indexes) are scored up front, which keeps the work near-linear
in the number of articles; the grouping scores the remaining pairs inside two groups
only when it considers merging them, so every merge uses the exact average.
"""

from __future__ import annotations

import logging
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from ..models import Article, Published, Quote, QuoteCluster, Storyline, date_order
from ..settings import Settings
from ..text.slugs import slugify
from .candidates import Mapper
from .linkage import ArticleLinkage
from .profiles import Profile, article_profiles
from .scores import PairScorer
from .terms import ArticleTerms

log = logging.getLogger(__name__)


DEFAULT_SETTINGS = Settings()

HEADLINE_WORDS = 3
"""Words of letters a title needs to name a storyline's id (``_unique_ids``)."""

HEADLINE_WORD = re.compile(r"[^\W\d_]{2,}")


def group_storylines(
    articles: Sequence[Article],
    quotes: Sequence[Quote],
    settings: Settings = DEFAULT_SETTINGS,
    terms: Mapping[str, ArticleTerms] | None = None,
    run: Mapper | None = None,
) -> tuple[Storyline, ...]:
    """Group articles about the same event into storylines.

    Overrides (``settings.storylines``, then ``article.storyline``) put the articles
    naming the same storyline id into that storyline, whose id is that string, and
    nothing else joins it: the other articles are grouped by evidence among themselves.
    A storyline's title is that of its most central article with a headline (any, if none
    has one); its id is a unique slug of
    the title of its first report (``_unique_ids``), so adding an article to a storyline
    keeps its id. Storylines come newest first (by their latest article), then by id;
    each lists its sources in publication order (undated last), then by id. ``terms``
    gives articles' terms found beforehand (``article_terms``); the others are read here.

    With ``run`` (an engine's mapper), candidate pairs and their evidence are found in
    blocks of articles on the engine's workers (``PairScorer``); the linkage, which merges
    across the whole corpus in one order, runs here. The storylines are those of one pass.
    """
    ordered = sorted({a.id: a for a in articles}.values(), key=lambda a: a.id)
    if not ordered:
        return ()
    profiles = article_profiles(ordered, quotes, terms)
    scorer = PairScorer(profiles, settings, run)
    forced = [settings.storylines.get(a.id) or a.storyline or None for a in ordered]
    languages = [p.language for p in profiles]
    groups = ArticleLinkage(scorer, forced, settings.storyline_threshold, languages).run()
    headlined = [has_headline(a) for a in ordered]
    storylines = [_storyline(group, profiles, scorer, forced, headlined) for group in groups]
    log.debug("grouped %d articles into %d storylines", len(ordered), len(storylines))
    return _sorted_storylines(_unique_ids(storylines, profiles), profiles)


def attach_clusters(storylines: Sequence[Storyline], clusters: Sequence[QuoteCluster]) -> tuple[Storyline, ...]:
    """Return the storylines with each one's cluster ids, in cluster order."""
    by_storyline: dict[str, list[str]] = defaultdict(list)
    for cluster in clusters:
        by_storyline[cluster.storyline].append(cluster.id)
    return tuple(replace(s, clusters=tuple(by_storyline.get(s.id, ()))) for s in storylines)


def timeline(storyline: Storyline, articles: Sequence[Article]) -> tuple[tuple[Published | None, str], ...]:
    """Return ``(published, article id)`` for the storyline's articles, oldest first, undated last."""
    members = set(storyline.sources)
    chosen = sorted((a for a in articles if a.id in members), key=lambda a: date_order(a.published, a.id))
    return tuple((a.published, a.id) for a in chosen)


def _storyline(
    group: Sequence[int],
    profiles: Sequence[Profile],
    scorer: PairScorer,
    forced: Sequence[str | None],
    headlined: Sequence[bool],
) -> Storyline:
    """Return the storyline of one group; its id is the forced one, or empty until named.

    Its title is that of its most central article with a headline, else of its most
    central article (whose title is then its first sentence).
    """
    ordered = sorted(group, key=lambda i: date_order(profiles[i].published, profiles[i].id))
    labels = sorted({key for i in group if (key := forced[i]) is not None})
    titled = [i for i in ordered if headlined[i]] or ordered
    return Storyline(
        id=labels[0] if labels else "",
        title=profiles[_central(ordered, scorer, titled)].title,
        sources=tuple(profiles[i].id for i in ordered),
    )


def has_headline(article: Article) -> bool:
    """Tell whether an article's title is a headline, not its first sentence (``read.articles.lead_title``)."""
    if not article.body:
        return True
    lead = article.text[article.body[0].start : article.body[0].end].lstrip()
    return not lead.startswith(article.title.rstrip("…").rstrip())


def _central(ordered: Sequence[int], scorer: PairScorer, among: Sequence[int] | None = None) -> int:
    """Return the member (of ``among``, by default all) with the highest mean score to the others.

    Ties go to the earliest, then by id.
    """
    choices = list(among or ordered)
    if len(ordered) == 1 or len(choices) == 1:
        return choices[0]
    scorer.complete(ordered, ordered)
    totals = [sum(scorer.score(i, j) for j in ordered if j != i) for i in choices]
    best = max(totals)
    return next(
        i for i, total in zip(choices, totals, strict=True) if math.isclose(total, best, rel_tol=1e-9, abs_tol=1e-12)
    )


def _unique_ids(storylines: Sequence[Storyline], profiles: Sequence[Profile]) -> list[Storyline]:
    """Give every storyline without a forced id a unique slug of its first report's title.

    The first report is the storyline's first source whose title is a headline (three
    words or more, not a page's ``News ID: 318214``), in the sources' order: dated before
    undated, oldest first, then by id; the first source if no title is a headline. An
    article added later is newer, so it leaves the first report, and the id, as they
    were (only an article dated before it takes its place). Colliding slugs are numbered
    ``-2``, ``-3``... in the order of their first reports (oldest first, then by id),
    which a member added to one of them does not change either; the result does not
    depend on the input order.
    """
    by_id = {p.id: p for p in profiles}
    taken = {s.id for s in storylines if s.id}
    named = [s for s in storylines if s.id]

    def first(storyline: Storyline) -> Profile:
        reports = [by_id[source] for source in storyline.sources]
        return next((p for p in reports if len(HEADLINE_WORD.findall(p.title)) >= HEADLINE_WORDS), reports[0])

    def key(storyline: Storyline) -> tuple[str, tuple[bool, datetime, str]]:
        report = first(storyline)
        return slugify(report.title), date_order(report.published, report.id)

    for storyline in sorted((s for s in storylines if not s.id), key=key):
        base = slugify(first(storyline).title)
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        named.append(replace(storyline, id=candidate))
    return named


def _sorted_storylines(storylines: Sequence[Storyline], profiles: Sequence[Profile]) -> tuple[Storyline, ...]:
    """Return storylines newest first (by their latest article), undated last, then by id."""
    when = {p.id: p.when for p in profiles}

    def key(storyline: Storyline) -> tuple[bool, float, str]:
        dates = [d for d in (when[s] for s in storyline.sources) if d is not None]
        latest = max(dates, default=None)
        return (latest is None, -(latest - datetime.min).total_seconds() if latest else 0.0, storyline.id)

    return tuple(sorted(storylines, key=key))
