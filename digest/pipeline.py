"""The analysis recipe: corpus folder in, Digest out. One stage per line."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from .cache import ExtractionCache
from .group import ArticleTerms, article_terms, attach_clusters, cluster_quotes, group_storylines, infer_missing_dates
from .models import Article, Digest, Quote
from .quotes import extract_quotes
from .read import FileTask, corpus_tasks, name_outlets_by_site, read_task
from .settings import Settings
from .speakers import ArticleNames, article_names, resolve_speakers

log = logging.getLogger(__name__)
MIN_PARALLEL = 16
"""Fewer files than this are read in this process whatever ``--jobs`` says (starting workers costs more)."""

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` while a build runs."""


class NoArticlesError(Exception):
    """The corpus holds no readable article."""


def analyse(
    corpus: Path,
    settings: Settings | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    cache: ExtractionCache | None = None,
) -> Digest:
    """Read a corpus folder and find its quotes, speakers, storylines and statements.

    ``jobs`` processes read and extract articles in parallel; ``cache`` reuses the
    extraction of articles seen before. Neither changes the result.
    """
    settings = settings or Settings()
    articles, quotes, problems, names, terms = read_and_extract(corpus, date_orders(settings), progress, jobs, cache)
    if not articles:
        raise NoArticlesError(f"{corpus}: no readable article (.txt, .md, .html) in this folder")
    articles = apply_overrides(name_outlets_by_site(articles), settings)
    speakers, quotes = resolve_speakers(quotes, articles, names)
    storylines = group_storylines(articles, quotes, settings, terms)
    articles = infer_missing_dates(articles, storylines)
    clusters, quotes = cluster_quotes(quotes, articles, storyline_index(storylines), settings)
    storylines = attach_clusters(storylines, clusters)
    return Digest(articles, quotes, speakers, clusters, storylines, problems)


class Reading(NamedTuple):
    """What reading a corpus gives, article by article."""

    articles: tuple[Article, ...]
    quotes: tuple[Quote, ...]
    problems: tuple[str, ...]
    names: dict[str, ArticleNames]
    """Each article's names by id, for speaker resolution."""
    terms: dict[str, ArticleTerms]
    """Each article's terms by id, for storyline grouping."""


def read_and_extract(
    corpus: Path,
    orders: dict[str, str],
    progress: Progress | None = None,
    jobs: int = 1,
    cache: ExtractionCache | None = None,
) -> Reading:
    """Read every file and find what each article alone gives (quotations, names, terms), in ``jobs`` processes."""
    tasks, problems = corpus_tasks(corpus, orders)
    work = [(task, cache) for task in tasks]
    results: list[Article | str] = []
    quotes: dict[str, tuple[Quote, ...]] = {}
    names: dict[str, ArticleNames] = {}
    terms: dict[str, ArticleTerms] = {}
    with _mapper(jobs, len(work)) as mapper:
        for done, (result, found) in enumerate(mapper(_read_and_extract, work), start=1):
            results.append(result)
            if isinstance(result, Article) and found is not None:
                quotes[result.id], names[result.id], terms[result.id] = found
            if progress:
                progress("read", done, len(work))
    for line in (*problems, *(r for r in results if isinstance(r, str))):
        log.warning(line)
    articles = tuple(sorted((r for r in results if isinstance(r, Article)), key=lambda a: a.id))
    found_quotes = tuple(q for article in articles for q in quotes[article.id])
    return Reading(articles, found_quotes, (*problems, *(r for r in results if isinstance(r, str))), names, terms)


Extraction = tuple[tuple[Quote, ...], ArticleNames, ArticleTerms]
"""What is found in one article alone: its quotations, the names it writes and its terms."""


def _read_and_extract(item: tuple[FileTask, ExtractionCache | None]) -> tuple[Article | str, Extraction | None]:
    """Read one file and find what the article alone gives, through the cache when there is one."""
    task, cache = item
    known, file_entry = cache.get_file(task) if cache else (None, None)
    article = known or read_task(task)
    if isinstance(article, str):
        return article, None
    cached = cache.get(article) if cache else None
    found = cached if cached is not None else (extract_quotes(article), article_names(article), article_terms(article))
    if cache and cached is None:
        cache.put(article, *found)
    if cache and known is None and file_entry is not None:
        cache.put_file(file_entry, article)
    return article, found


@contextmanager
def _mapper(jobs: int, size: int) -> Iterator[Callable[..., Iterable[Any]]]:
    """``map`` in this process, or an order-keeping map over ``jobs`` worker processes."""
    if jobs <= 1 or size < MIN_PARALLEL:
        yield map
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield lambda func, items: pool.map(func, items, chunksize=max(1, len(items) // (jobs * 8)))


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
