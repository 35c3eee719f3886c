"""Building an Article from decoded text and whatever metadata is already known."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import Article
from .errors import SourceError
from .lines import classify
from .metadata import find_author, find_outlet, find_published, normalise_published

NO_ORDERS: Mapping[str, str] = {}
"""Outlet → date order (``DMY``, ``MDY``, ``YMD``) for numeric dates; day first when not listed."""


def article_from_text(
    source_id: str,
    path: str,
    text: str,
    meta: Mapping[str, Any],
    encoding: str = "utf-8",
    skip: int = 0,
    date_orders: Mapping[str, str] = NO_ORDERS,
) -> Article:
    """Build an Article from decoded text and whatever metadata is already known."""
    lines = classify(text, skip)
    body = tuple(ln.span for ln in lines if ln.role == "body")
    if not body:
        raise SourceError("no article text found (empty, or only page furniture)")
    title = meta.get("title") or next((ln.text for ln in lines if ln.role == "title"), None)
    outlet = _str_or_none(meta.get("outlet")) or find_outlet(lines)
    order = date_orders.get(outlet or "", "DMY")
    published = normalise_published(meta.get("published")) if meta.get("published") else find_published(lines, order)
    return Article(
        id=source_id,
        path=path,
        text=text,
        body=body,
        title=str(title or text[body[0].start : body[0].end][:120]),
        outlet=outlet,
        published=published,
        url=_str_or_none(meta.get("url")),
        language=_str_or_none(meta.get("language")),
        storyline=_str_or_none(meta.get("storyline")),
        author=_str_or_none(meta.get("author")) or find_author(lines),
        encoding=encoding,
    )


def _str_or_none(value: Any) -> str | None:
    """A non-empty string, or ``None``."""
    return str(value).strip() or None if value is not None else None
