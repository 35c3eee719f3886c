"""Planning and reading a corpus folder: which files, their ids and manifest entries."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import Article
from .articles import NO_ORDERS
from .errors import SourceError
from .manifest import read_manifest
from .readers import ARTICLE_SUFFIXES, read_article

log = logging.getLogger(__name__)


def corpus_files(folder: Path) -> tuple[list[Path], list[str]]:
    """List the article files of a corpus folder, refusing links that lead outside it."""
    root = folder.resolve()
    files, problems = [], []
    for path in sorted(folder.rglob("*")):
        if path.name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if not path.resolve().is_relative_to(root):
            problems.append(f"{path.relative_to(folder).as_posix()}: skipped: links outside the corpus folder")
            continue
        if path.is_file():
            files.append(path)
    return files, problems


def source_ids(rels: Iterable[str]) -> dict[str, str]:
    """Give each file a unique id: its name without extension, suffixed when names collide."""
    rels = sorted(rels)
    stems = Counter(Path(rel).stem for rel in rels)
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for rel in rels:
        stem = Path(rel).stem
        candidate = stem if stems[stem] == 1 else f"{stem}-{Path(rel).suffix.lstrip('.') or 'file'}"
        base, n = candidate, 2
        while candidate.casefold() in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate.casefold())
        ids[rel] = candidate
    return ids


@dataclass(frozen=True, slots=True)
class FileTask:
    """One file of a corpus to read, with its id and manifest entry."""

    path: Path
    source_id: str
    rel: str
    meta: Mapping[str, Any]
    date_orders: Mapping[str, str]


def corpus_tasks(folder: Path, date_orders: Mapping[str, str] = NO_ORDERS) -> tuple[list[FileTask], list[str]]:
    """Plan the reading of a corpus folder: one task per article file, one line per refused file."""
    manifest = read_manifest(folder)
    files, problems = corpus_files(folder)
    rels = {path.relative_to(folder).as_posix(): path for path in files}
    ids = source_ids(rels)
    tasks = [
        FileTask(path, ids[rel], rel, manifest.get(rel) or manifest.get(Path(rel).name) or {}, date_orders)
        for rel, path in rels.items()
    ]
    return tasks, problems


def read_task(task: FileTask) -> Article | str:
    """Read one planned file: the Article, or a one-line problem naming the file."""
    try:
        return read_article(task.path, task.source_id, task.rel, task.meta, task.date_orders)
    except (SourceError, OSError, UnicodeError, ValueError) as exc:
        return f"{task.rel}: skipped: {exc}"


def read_corpus(
    folder: Path, date_orders: Mapping[str, str] = NO_ORDERS
) -> tuple[tuple[Article, ...], tuple[str, ...]]:
    """Read every article of a corpus folder: (articles sorted by id, one line per skipped file)."""
    tasks, problems = corpus_tasks(folder, date_orders)
    results = [read_task(task) for task in tasks]
    articles = [r for r in results if isinstance(r, Article)]
    problems += [r for r in results if isinstance(r, str)]
    for line in problems:
        log.warning(line)
    return tuple(sorted(articles, key=lambda a: a.id)), tuple(problems)
