"""Building an Article from decoded text and whatever metadata is already known."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from ..models import Article
from ..text.sentences import SENTENCE_SPLIT
from .dates import read_published
from .errors import SourceError
from .lines import classify
from .metadata import find_author, find_outlet, outlet_from_url

log = logging.getLogger(__name__)

PAGE_DATE = "page published"
"""The key under which the HTML reader passes the date a page's own metadata gives."""

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
    url = _str_or_none(meta.get("url"))
    outlet = _str_or_none(meta.get("outlet")) or find_outlet(lines) or outlet_from_url(url)
    order = date_orders.get(outlet or "", "DMY")
    try:
        published = read_published(
            lines, given=meta.get("published"), page=meta.get(PAGE_DATE), url=url, date_order=order
        )
    except SourceError as exc:
        log.warning("%s: %s; reading the date from the article instead", path, exc)
        published = read_published(lines, page=meta.get(PAGE_DATE), url=url, date_order=order)
    return Article(
        id=source_id,
        path=path,
        text=text,
        body=body,
        title=str(title or lead_title(text[body[0].start : body[0].end])),
        outlet=outlet,
        published=published,
        url=url,
        language=_str_or_none(meta.get("language")),
        storyline=_str_or_none(meta.get("storyline")),
        author=_str_or_none(meta.get("author")) or find_author(lines),
        encoding=encoding,
    )


TITLE_CHARS = 120
"""The longest title made from an article's first sentence when it has no headline."""
TITLE_MIN_WORDS = 5
"""Fewer words before a sentence boundary are an abbreviation's full stop, not a sentence."""


def lead_title(paragraph: str) -> str:
    """A title from the first sentence of an article without a headline, cut between words."""
    pieces = SENTENCE_SPLIT.split(paragraph.strip())
    sentence = pieces[0]
    for piece in pieces[1:]:  # "Dr." or "U.S." ends no sentence of a few words
        if len(sentence.split()) >= TITLE_MIN_WORDS:
            break
        sentence = f"{sentence} {piece}"
    sentence = sentence.strip()
    if len(sentence) <= TITLE_CHARS:
        return sentence
    cut = sentence[: TITLE_CHARS - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:–—-") + "…"


def _str_or_none(value: Any) -> str | None:
    """A non-empty string, or ``None``."""
    return str(value).strip() or None if value is not None else None
