"""A cache of per-article extraction results, keyed by content.

Two kinds of entry. An article entry holds what is found in one article alone (its
quotations and the names it writes, the speaker index), keyed by the article as
read (id, decoded text, body spans, metadata). A file entry holds the article a
file gave, keyed by the file's bytes, place, manifest entry and date orders, so an
unchanged file is not even decoded again. Both keys include a hash of the reading,
extraction and speaker code, so a new version never reads old results. Entries
are small JSON files; a corrupt or unreadable entry is a miss.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .group import ArticleTerms
from .models import Article, DateOrigin, Published, Quote, QuoteCluster, QuoteKind, Span
from .read import FileTask
from .speakers import ArticleNames
from .store import SIZE_LIMIT, Memo, Store

log = logging.getLogger(__name__)
RENDERED_LIMIT = SIZE_LIMIT // 4
"""Bytes of rendered pages the cache keeps (a 1,000-article digest's pages are about 25 MB)."""
CODE_FILES = (
    "quotes/__init__.py",
    "quotes/attribution.py",
    "quotes/context.py",
    "quotes/extract.py",
    "quotes/kinds.py",
    "quotes/limits.py",
    "quotes/marks.py",
    "quotes/mentions.py",
    "quotes/names.py",
    "quotes/people.py",
    "quotes/phrases.py",
    "models.py",
    "read/__init__.py",
    "read/articles.py",
    "read/corpus.py",
    "read/dates.py",
    "read/decoding.py",
    "read/errors.py",
    "read/html.py",
    "read/lines.py",
    "read/manifest.py",
    "read/metadata.py",
    "read/readers.py",
    "read/rules.py",
    "speakers/__init__.py",
    "speakers/agreement.py",
    "speakers/classify.py",
    "speakers/clustering.py",
    "speakers/index.py",
    "speakers/keys.py",
    "speakers/mentions.py",
    "speakers/organisations.py",
    "speakers/persons.py",
    "speakers/resolution.py",
    "group/terms.py",
    "text/__init__.py",
    "text/concepts.py",
    "text/grammar.py",
    "text/labels.py",
    "text/marks.py",
    "text/negation.py",
    "text/organisations.py",
    "text/personal_names.py",
    "text/places.py",
    "text/reporting.py",
    "text/romanisation.py",
    "text/sentences.py",
    "text/slugs.py",
    "text/stemming.py",
    "text/synonyms.py",
    "text/titles.py",
    "text/tokens.py",
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


def file_key(task: FileTask, data: bytes) -> str:
    """The cache key of one file as read: its bytes, where it is, its manifest entry and date orders."""
    plan = json.dumps(
        [str(task.path), task.source_id, task.rel, dict(task.meta), dict(task.date_orders)],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    digest = hashlib.sha256(f"file\0{code_version()}\0{plan}\0".encode())
    digest.update(data)
    return digest.hexdigest()


class ExtractionCache:
    """Quotes and names of each article, stored under a folder (created on first write)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store = Store(folder, ".json")

    def _read(self, key: str) -> Any:
        """The JSON entry under ``key``; raises ``ValueError`` on a miss."""
        data = self.store.read(key)
        if data is None:
            raise ValueError(f"no entry {key}")
        return json.loads(data.decode("utf-8"))

    def get(self, article: Article) -> tuple[tuple[Quote, ...], ArticleNames, ArticleTerms] | None:
        """The cached quotes, names and terms of an article, or ``None`` on a miss."""
        try:
            entry = self._read(article_key(article))
            quotes = tuple(Quote(**{**item, "kind": QuoteKind(item["kind"])}) for item in entry["quotes"])
            return quotes, ArticleNames.from_data(entry["names"]), ArticleTerms.from_data(entry["terms"])
        except (OSError, ValueError, TypeError, KeyError, IndexError):
            return None

    def get_file(self, task: FileTask) -> tuple[Article | None, str | None]:
        """A file's article as read before (``None``: not stored), and the file's key for ``put_file``.

        The key is ``None`` when the file cannot be read; an unchanged file is not decoded again.
        """
        try:
            key = file_key(task, task.path.read_bytes())
        except OSError:
            return None, None
        try:
            fields = self._read(key)["article"]
            body = tuple(Span(**span) for span in fields["body"])
            return Article(**{**fields, "body": body, "published": _published(fields["published"])}), key
        except (OSError, ValueError, TypeError, KeyError):
            return None, key

    def put_file(self, key: str, article: Article) -> None:
        """Remember the article a file gave, under the key ``get_file`` returned for it."""
        fields = {**asdict(article), "published": _published_data(article.published)}
        self._write(key, {"article": fields})

    @staticmethod
    def _entry(quotes: tuple[Quote, ...], names: ArticleNames, terms: ArticleTerms) -> dict[str, object]:
        return {
            "quotes": [{**asdict(q), "kind": str(q.kind)} for q in quotes],
            "names": names.to_data(),
            "terms": terms.to_data(),
        }

    def put(self, article: Article, quotes: tuple[Quote, ...], names: ArticleNames, terms: ArticleTerms) -> None:
        """Store an article's quotes, names and terms (atomically; a failure only costs the entry)."""
        self._write(article_key(article), self._entry(quotes, names, terms))

    def _write(self, key: str, entry: dict[str, object]) -> None:
        self.store.write(key, json.dumps(entry, ensure_ascii=False).encode("utf-8"))

    def prune(self) -> None:
        """Remove the least recently used entries past the store's size limit (entries are shared by projects)."""
        self.store.prune()
        self.memo().prune()
        self.rendered().prune()

    def memo(self) -> Memo:
        """Where results of corpus-wide steps are kept by content, in a folder beside the articles' entries."""
        return Memo(self.folder / "memo")

    def rendered(self) -> Store:
        """Where rendered Markdown pages are kept under their inputs' key (``digest.publish.rendered``)."""
        return Store(self.folder / "rendered", ".md", RENDERED_LIMIT)


Matched = tuple[tuple[QuoteCluster, ...], tuple[Quote, ...]]
"""One storyline's statements, and its quotations with their statement set."""


def matched_to_data(found: Matched) -> dict[str, Any]:
    """A storyline's matching result as JSON-able data (``matched_from_data`` reads it back)."""
    clusters, quotes = found
    return {
        "clusters": [{**asdict(c), "first_reported": _published_data(c.first_reported)} for c in clusters],
        "quotes": [{**asdict(q), "kind": str(q.kind)} for q in quotes],
    }


def matched_from_data(data: Any) -> Matched | None:
    """A stored matching result back as values (``None`` when it cannot be read)."""
    try:
        clusters = tuple(
            QuoteCluster(**{**c, "quotes": tuple(c["quotes"]), "first_reported": _published(c["first_reported"])})
            for c in data["clusters"]
        )
        quotes = tuple(
            Quote(**{**q, "kind": QuoteKind(q["kind"]), "covers": tuple(q["covers"]) if q["covers"] else None})
            for q in data["quotes"]
        )
    except (TypeError, ValueError, KeyError):
        return None
    return clusters, quotes


def _published_data(published: Published | None) -> dict[str, str] | None:
    """A date as stored: its ISO text and origin."""
    return None if published is None else {"when": published.when.isoformat(), "origin": str(published.origin)}


def _published(data: dict[str, str] | None) -> Published | None:
    """A stored publication date back as a value."""
    return Published.parse(data["when"], DateOrigin(data["origin"])) if data is not None else None
