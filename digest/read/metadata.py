"""Metadata found in an article's lines and address: outlet and author (dates are read in ``dates``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from ..models import Article
from . import rules as bp
from .lines import Line


def find_outlet(lines: Iterable[Line]) -> str | None:
    """Find the outlet where the text names itself (dateline, credit line, alt text or copyright)."""
    lines = list(lines)
    first_body = [i for i, ln in enumerate(lines) if ln.role == "body"][: bp.DATELINE_LINES]
    opening = lines[: first_body[-1] + 1] if first_body else lines
    for patterns, where in ((bp.DATELINE_OUTLET_PATTERNS, opening), (bp.CREDIT_OUTLET_PATTERNS, lines)):
        for line in where:
            for pattern in patterns:
                match = pattern.search(line.text)
                if match and match.group("outlet").strip():
                    return match.group("outlet").strip()
    for line in lines:
        for pattern in bp.OUTLET_PATTERNS:
            match = pattern.search(line.text)
            if match and not _photo_agency(match.group("outlet")):
                return match.group("outlet").strip()
    return None


def find_author(lines: Iterable[Line]) -> str | None:
    """Find a byline (``By ...``, ``Reporting by ...``)."""
    for line in lines:
        match = bp.BYLINE.match(line.text)
        if match:
            return match.group("name").strip()
    return None


def _photo_agency(name: str) -> bool:
    """A photo agency or credit word ("AFP", "Getty Images", "AFP 2023 photo ...") rather than an outlet."""
    words = name.strip().casefold().split()
    return not words or " ".join(words) in bp.NOT_OUTLETS or words[0] in bp.NOT_OUTLETS


def outlet_from_url(url: str | None) -> str | None:
    """The site an article's address belongs to: ``npasyria.com`` for ``https://www.npasyria.com/en/68956``.

    The registrable domain, by the public suffix list that ships with tldextract (never
    fetched), so ``web1.rustavi2.ge`` is ``rustavi2.ge`` and ``www.bbc.co.uk`` is ``bbc.co.uk``.
    """
    if not url:
        return None
    found = _extractor()(url)
    if hasattr(found, "top_domain_under_public_suffix"):
        domain = found.top_domain_under_public_suffix
    else:  # tldextract before 5.3
        domain = found.registered_domain
    return str(domain) or None


@cache
def _extractor() -> Any:
    """tldextract with its bundled suffix list only (no network, no cache folder)."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def name_outlets_by_site(articles: Sequence[Article]) -> tuple[Article, ...]:
    """Give an article named only by its site the name other articles of that site carry.

    ``npasyria.com`` becomes "North Press Agency" when another article from that site has
    that outlet from the manifest or its own text (the most common name; ties alphabetical).
    """
    names: dict[str, Counter[str]] = {}
    for article in articles:
        site = outlet_from_url(article.url)
        if site and article.outlet and article.outlet != site:
            names.setdefault(site, Counter())[article.outlet] += 1
    out = []
    for article in articles:
        site = outlet_from_url(article.url)
        if site and article.outlet == site and site in names:
            counts = names[site]
            article = replace(article, outlet=min(counts, key=lambda n: (-counts[n], n)))
        out.append(article)
    return tuple(out)
