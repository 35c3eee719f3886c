"""The analysis recipe: corpus folder in, Digest out. One stage per line."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from .dating import infer_missing_dates
from .matching import cluster_quotes
from .models import Article, Digest, Quote
from .quotes import extract_quotes
from .settings import Settings
from .sources import read_corpus
from .speakers import resolve_speakers
from .storylines import attach_clusters, group_storylines

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` while a build runs."""


class NoArticlesError(Exception):
    """The corpus holds no readable article."""


def analyse(corpus: Path, settings: Settings | None = None, progress: Progress | None = None) -> Digest:
    """Read a corpus folder and find its quotes, speakers, storylines and statements."""
    settings = settings or Settings()
    articles, problems = read_corpus(corpus, date_orders(settings))
    if not articles:
        raise NoArticlesError(f"{corpus}: no readable article (.txt, .md, .html) in this folder")
    articles = apply_overrides(articles, settings)
    quotes = extract_all(articles, progress)
    speakers, quotes = resolve_speakers(quotes, articles)
    storylines = group_storylines(articles, quotes, settings)
    articles = infer_missing_dates(articles, storylines)
    clusters, quotes = cluster_quotes(quotes, articles, storyline_index(storylines), settings)
    storylines = attach_clusters(storylines, clusters)
    return Digest(articles, quotes, speakers, clusters, storylines, problems)


def extract_all(articles: Sequence[Article], progress: Progress | None = None) -> tuple[Quote, ...]:
    """Find the quotations of every article, in article order."""
    quotes: list[Quote] = []
    for done, article in enumerate(articles, start=1):
        quotes.extend(extract_quotes(article))
        if progress:
            progress("extract", done, len(articles))
    return tuple(quotes)


def apply_overrides(articles: Sequence[Article], settings: Settings) -> tuple[Article, ...]:
    """Apply storyline overrides and outlet display names from the settings."""
    from dataclasses import replace

    out = []
    for article in articles:
        storyline = settings.storylines.get(article.id, article.storyline)
        outlet = settings.outlets.get(article.outlet or "", {}).get("name", article.outlet)
        out.append(replace(article, storyline=storyline, outlet=outlet))
    return tuple(out)


def date_orders(settings: Settings) -> dict[str, str]:
    """Outlet name → date order, from the settings' outlet entries that set one."""
    orders = {}
    for outlet, info in settings.outlets.items():
        if "date_order" in info:
            orders[outlet] = info["date_order"]
            orders[info.get("name", outlet)] = info["date_order"]
    return orders


def storyline_index(storylines: Sequence) -> dict[str, str]:
    """Map each article id to its storyline id."""
    return {source: storyline.id for storyline in storylines for source in storyline.sources}
