"""Readers by file type: a registry mapping a file suffix to the function that reads it.

A reader takes the file's bytes, the source id, the path relative to the corpus, the
manifest entry and the outlets' date orders, and returns an Article.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..models import Article
from . import rules as bp
from .articles import NO_ORDERS, article_from_text
from .decoding import decode
from .errors import SourceError
from .html import article_from_html
from .manifest import front_matter

Reader = Callable[[bytes, str, str, Mapping[str, Any], Mapping[str, str]], Article]
"""``reader(data, source_id, rel, meta, date_orders)`` → Article."""

READERS: dict[str, Reader] = {}
"""File suffix (lower case, with its dot) → the reader of that file type."""


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register the decorated function as the reader of files with these suffixes."""

    def register(function: Reader) -> Reader:
        READERS.update(dict.fromkeys(suffixes, function))
        return function

    return register


@reader(".txt")
def read_text(
    data: bytes, source_id: str, rel: str, meta: Mapping[str, Any], date_orders: Mapping[str, str]
) -> Article:
    """A plain-text article: the whole file is the article, metadata comes from its header lines."""
    text, encoding = decode(data)
    return article_from_text(source_id, rel, text, meta, encoding, date_orders=date_orders)


@reader(".md", ".markdown")
def read_markdown(
    data: bytes, source_id: str, rel: str, meta: Mapping[str, Any], date_orders: Mapping[str, str]
) -> Article:
    """A Markdown article: optional YAML front matter, then the text; the title drops its ``#`` marks."""
    text, encoding = decode(data)
    found, skip = front_matter(text)
    article = article_from_text(source_id, rel, text, {**found, **meta}, encoding, skip, date_orders)
    return article if "title" in found or "title" in meta else replace(article, title=heading_text(article.title))


@reader(".html", ".htm")
def read_html(
    data: bytes, source_id: str, rel: str, meta: Mapping[str, Any], date_orders: Mapping[str, str]
) -> Article:
    """A saved web page: the article's text and metadata as trafilatura extracts them."""
    return article_from_html(source_id, rel, data, meta)


ARTICLE_SUFFIXES = tuple(READERS)
"""The suffixes of the files a corpus folder reads as articles."""


def read_article(
    path: Path, source_id: str, rel: str, meta: Mapping[str, Any], date_orders: Mapping[str, str] = NO_ORDERS
) -> Article:
    """Read one article file with the reader of its type (plain text when the suffix is unknown)."""
    data = path.read_bytes()
    if not data.strip():
        raise SourceError("empty file")
    return READERS.get(path.suffix.lower(), read_text)(data, source_id, rel, meta, date_orders)


def heading_text(line: str) -> str:
    """A Markdown heading's words, without its ``#`` marks (``## Title ##`` → ``Title``)."""
    return bp.ATX_CLOSE.sub("", bp.ATX_OPEN.sub("", line)).strip() or line
