"""A cache of per-article extraction results, keyed by content.

An entry holds what is found in one article alone: its quotations and the names
it writes (the speaker index). The key hashes the article (id, decoded text,
body spans, metadata) together with the source of the extraction and speaker
code, so any change to either is a miss. Entries are small JSON files; a corrupt
or unreadable entry is a miss too.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict
from functools import cache
from importlib import resources
from pathlib import Path

from .models import Article, Quote, QuoteKind
from .speakers import ArticleNames

log = logging.getLogger(__name__)
CODE_FILES = (
    "quotes.py",
    "patterns.py",
    "models.py",
    "sources.py",
    "boilerplate.py",
    "speakers.py",
    "names.py",
)
"""The modules whose code decides what extraction and the per-article speaker index return."""


@cache
def code_version() -> str:
    """A hash of the extraction code, so a new version never reads old results."""
    digest = hashlib.sha256()
    for name in CODE_FILES:
        digest.update((resources.files("digest") / name).read_bytes())
    return digest.hexdigest()[:16]


def article_key(article: Article) -> str:
    """The cache key of one article's extraction."""
    payload = json.dumps(asdict(article), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256((code_version() + payload).encode("utf-8")).hexdigest()


class ExtractionCache:
    """Quotes and names of each article, stored under a folder (created on first write)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> tuple[tuple[Quote, ...], ArticleNames] | None:
        """The cached quotes and names of an article, or ``None`` on a miss."""
        try:
            entry = json.loads(self._path(article_key(article)).read_text(encoding="utf-8"))
            quotes = tuple(Quote(**{**item, "kind": QuoteKind(item["kind"])}) for item in entry["quotes"])
            return quotes, ArticleNames.from_data(entry["names"])
        except (OSError, ValueError, TypeError, KeyError, IndexError):
            return None

    def put(self, article: Article, quotes: tuple[Quote, ...], names: ArticleNames) -> None:
        """Store an article's quotes and names (atomically; a failure only costs the cache entry)."""
        path = self._path(article_key(article))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            entry = {"quotes": [{**asdict(q), "kind": str(q.kind)} for q in quotes], "names": names.to_data()}
            data = json.dumps(entry, ensure_ascii=False)
            with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, encoding="utf-8") as handle:
                handle.write(data)
            os.replace(handle.name, path)
        except OSError as exc:
            log.debug("cache: cannot write %s: %s", path, exc)
