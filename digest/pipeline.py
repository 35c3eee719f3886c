"""The analysis recipe: corpus folder in, Digest out. One stage per line."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from .cache import ExtractionCache, Matched, matched_from_data, matched_to_data
from .engine import Mapper, open_engine
from .group import (
    ArticleTerms,
    article_terms,
    attach_clusters,
    cluster_quotes,
    group_storylines,
    infer_missing_dates,
    merge_storyline_clusters,
    woven_quotes,
)
from .models import Article, Digest, Quote, QuoteCluster, Storyline
from .quotes import extract_quotes
from .read import FileTask, corpus_tasks, name_outlets_by_site, read_task
from .settings import Settings
from .speakers import ArticleNames, article_names, resolve_speakers
from .store import Memo, code_hash, content_key

log = logging.getLogger(__name__)

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
    engine: str = "local",
    scheduler: str | None = None,
) -> Digest:
    """Read a corpus folder and find its quotes, speakers, storylines and statements.

    ``jobs`` processes read and extract articles in parallel; ``cache`` reuses the
    extraction of articles seen before; ``engine`` (and ``scheduler``) say where the
    per-file work runs, and on Dask the blocks of speaker resolution and storyline grouping
    and the per-storyline matching too (``digest.engine``). None changes the result.
    """
    settings = settings or Settings()
    with open_engine(engine, jobs, scheduler) as run:
        articles, quotes, problems, names, terms = read_and_extract(corpus, date_orders(settings), progress, run, cache)
        if not articles:
            raise NoArticlesError(f"{corpus}: no readable article (.txt, .md, .html) in this folder")
        articles = apply_overrides(name_outlets_by_site(articles), settings)
        # The local engine runs the corpus-wide stages in one pass; Dask maps their blocks.
        spread = run if engine != "local" else None
        speakers, quotes = resolve_speakers(quotes, articles, names, spread)
        storylines = group_storylines(articles, quotes, settings, terms, spread)
        articles = infer_missing_dates(articles, storylines)
        memo = cache.memo() if cache else None
        clusters, quotes = match_statements(quotes, articles, storylines, settings, spread, memo)
        storylines = attach_clusters(storylines, clusters)
    return Digest(articles, quotes, speakers, clusters, storylines, problems)


def match_statements(
    quotes: Sequence[Quote],
    articles: Sequence[Article],
    storylines: Sequence[Storyline],
    settings: Settings,
    run: Mapper | None = None,
    memo: Memo | None = None,
) -> tuple[tuple[QuoteCluster, ...], tuple[Quote, ...]]:
    """Cluster the quotations into statements: in one call, or one task per storyline on ``run``.

    Clusters never cross storylines, so the storylines' results joined by
    ``merge_storyline_clusters`` are what the one call returns. With a ``memo``, a
    storyline whose quotations, articles and settings are as in an earlier build takes
    that build's result (a rebuild after one new article matches one storyline again).
    """
    if run is None and memo is None:
        return cluster_quotes(quotes, articles, storyline_index(storylines), settings)
    tasks = matching_tasks(quotes, articles, storylines, settings)
    if memo is None:
        return merge_storyline_clusters((run or _in_process)(_match_storyline, tasks))
    code = code_hash("group", "text", "models.py", "settings.py")
    keys = [content_key("match", code, task) for task in tasks]
    known = {key: found for key in keys if (found := matched_from_data(memo.get(key))) is not None}
    todo = [(key, task) for key, task in zip(keys, tasks, strict=True) if key not in known]
    fresh = (run or _in_process)(_match_storyline, [task for _, task in todo])
    for (key, _), found in zip(todo, fresh, strict=True):
        memo.put(key, matched_to_data(found))
        known[key] = found
    return merge_storyline_clusters(known[key] for key in keys)


MatchTask = tuple[tuple[Quote, ...], tuple[Article, ...], str, Settings, tuple[tuple[str, str], ...]]
"""One storyline's matching: its quotations, its articles (without their text), its id, the settings, woven pairs."""


def matching_tasks(
    quotes: Sequence[Quote], articles: Sequence[Article], storylines: Sequence[Storyline], settings: Settings
) -> list[MatchTask]:
    """One matching task per storyline that has quotations, in storyline order."""
    index = storyline_index(storylines)
    by_storyline: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_storyline.setdefault(index[quote.source], []).append(quote)
    # Matching reads an article's id and date, and which of its quotations its sentences
    # weave together (found here): the tasks leave the texts behind.
    woven: dict[str, list[tuple[str, str]]] = {}
    source_of = {q.id: q.source for q in quotes}
    for pair in sorted(woven_quotes(quotes, {a.id: a.text for a in articles})):
        woven.setdefault(index[source_of[pair[0]]], []).append(pair)
    article_of = {a.id: replace(a, text="", body=()) for a in articles}
    return [
        (tuple(found), tuple(article_of[s] for s in story.sources), story.id, settings, tuple(woven.get(story.id, ())))
        for story in storylines
        if (found := by_storyline.get(story.id))
    ]


def _match_storyline(task: MatchTask) -> Matched:
    """Cluster one storyline's quotations (a task for an engine's workers)."""
    quotes, articles, storyline, settings, woven = task
    return cluster_quotes(quotes, articles, dict.fromkeys((a.id for a in articles), storyline), settings, woven)


def _in_process(func: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """The plain engine: every task in this process, in order."""
    return list(map(func, items))


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
    run: Mapper = _in_process,
    cache: ExtractionCache | None = None,
) -> Reading:
    """Read every file and find what each article alone gives (quotations, names, terms), on the engine ``run``."""
    tasks, problems = corpus_tasks(corpus, orders)
    work = [(task, cache) for task in tasks]
    results: list[Article | str] = []
    quotes: dict[str, tuple[Quote, ...]] = {}
    names: dict[str, ArticleNames] = {}
    terms: dict[str, ArticleTerms] = {}
    for done, (result, found) in enumerate(run(_read_and_extract, work), start=1):
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


def apply_overrides(articles: Sequence[Article], settings: Settings) -> tuple[Article, ...]:
    """Apply storyline overrides and outlet display names from the settings."""
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
