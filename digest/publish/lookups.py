"""Lookups over a Digest that the pages need (paths, speakers, outlets), and highlighted article text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from markupsafe import Markup

from ..models import Article, Digest, Quote, QuoteCluster, QuoteKind, Speaker, Storyline
from ..settings import Settings
from .escape import md, slug, url_attr
from .formatting import built_rel

RESERVED_PAGES = frozenset({"index", "search", "404", "sitemap", "assets"})
UNKNOWN_OUTLET_PAGE = "outlets/unknown/index.md"
"""The one page that lists the sources whose outlet is not known (their outlets' slugs never take it)."""
STATEMENT_KINDS = (QuoteKind.STATEMENT, QuoteKind.FRAGMENT)


@dataclass(frozen=True)
class Site:
    """Lookups over a Digest that the pages need (paths, speakers, outlets)."""

    digest: Digest
    settings: Settings
    directory_urls: bool = True
    """Whether the site engine builds ``a/b.md`` as ``a/b/`` (``use_directory_urls``), for links in HTML."""

    @cached_property
    def articles(self) -> dict[str, Article]:
        return {a.id: a for a in self.digest.articles}

    @cached_property
    def quotes(self) -> dict[str, Quote]:
        return {q.id: q for q in self.digest.quotes}

    @cached_property
    def speakers(self) -> dict[str, Speaker]:
        return {s.id: s for s in self.digest.speakers}

    @cached_property
    def clusters(self) -> dict[str, QuoteCluster]:
        return {c.id: c for c in self.digest.clusters}

    @cached_property
    def storyline_of(self) -> dict[str, Storyline]:
        return {src: s for s in self.digest.storylines for src in s.sources}

    @cached_property
    def source_slugs(self) -> dict[str, str]:
        return _unique_slugs([a.id for a in self.digest.articles])

    @cached_property
    def outlet_slugs(self) -> dict[str, str]:
        """The slug of every known outlet's page."""
        known = sorted({a.outlet for a in self.digest.articles if a.outlet})
        return _unique_slugs(known, RESERVED_PAGES | {"unknown"})

    @cached_property
    def quotes_by_source(self) -> dict[str, list[Quote]]:
        out: dict[str, list[Quote]] = defaultdict(list)
        for quote in self.digest.quotes:
            out[quote.source].append(quote)
        return out

    def outlet(self, article: Article) -> str:
        """The outlet's display name; an article whose outlet is unknown is an outlet of its own, named by its file.

        Two such articles are never shown as one source: nothing says one outlet published both.
        """
        return article.outlet or f"Unknown outlet ({article.path})"

    def outlet_page(self, article: Article) -> str:
        """The outlet page an article links to: its outlet's, or the one page of sources whose outlet is unknown."""
        return self.outlet_path(article.outlet) if article.outlet else UNKNOWN_OUTLET_PAGE

    # Every page is the index of a folder of its own (``sources/<slug>/index.md``): its URL
    # (``sources/<slug>/``) is then the folder its Markdown is in, so a relative link in raw
    # HTML means the same to MkDocs (which leaves it as written) and to Zensical (which
    # resolves it from the Markdown file's folder).

    def source_path(self, source_id: str) -> str:
        return f"sources/{self.source_slugs[source_id]}/index.md"

    def storyline_path(self, storyline_id: str) -> str:
        return f"storylines/{_page_slug(storyline_id)}/index.md"

    def speaker_path(self, speaker_id: str) -> str:
        return f"speakers/{_page_slug(speaker_id)}/index.md"

    def outlet_path(self, outlet: str) -> str:
        return f"outlets/{self.outlet_slugs[outlet]}/index.md"

    def speaker_name(self, quote: Quote) -> str | None:
        """The resolved speaker's name, else the name as written."""
        speaker = self.speakers.get(quote.speaker or "")
        return speaker.name if speaker else quote.speaker_as_written


@lru_cache(maxsize=65_536)
def _page_slug(name: str) -> str:
    """The slug of a storyline's or speaker's page, remembered: every page that links to it asks."""
    return slug(name, RESERVED_PAGES)


def _unique_slugs(names: Sequence[str], reserved: frozenset[str] = RESERVED_PAGES) -> dict[str, str]:
    """Give each name a unique, safe slug, deterministically by sorted name."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(names):
        base = slug(name, reserved)
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        out[name] = candidate
    return out


def highlighted_paragraphs(site: Site, article: Article, page: str) -> list[Markup]:
    """The article's body paragraphs, each quotation marked and linked to its statement."""
    quotes = [q for q in site.quotes_by_source.get(article.id, []) if q.kind in STATEMENT_KINDS]
    out = []
    for span in article.body:
        inside = [q for q in quotes if span.start <= q.start < span.end]
        out.append(_mark(site, article, span.start, span.end, inside, page))
    return out


def _mark(site: Site, article: Article, start: int, end: int, quotes: list[Quote], page: str) -> Markup:
    """One paragraph with its quotes wrapped in links (nested quotes are left to the outer one)."""
    parts: list[str] = []
    pos = start
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.start < pos:
            continue
        stop = min(quote.end, end)
        parts.append(md(article.text[pos : quote.start]))
        target = _statement_link(site, quote, page)
        text = md(article.text[quote.start : stop])
        parts.append(f'<a class="dg-quote" id="{quote.id}" href="{target}">{text}</a>')
        pos = stop
    parts.append(md(article.text[pos:end]))
    return Markup("".join(parts))


def quote_anchor(quote: Quote, quotes: Sequence[Quote]) -> str:
    """The id of the highlighted quote that shows ``quote`` (itself, or the quote it is nested in)."""
    outer = [q for q in quotes if q.start <= quote.start and quote.end <= q.end and q.start < quote.start]
    return min(outer, key=lambda q: q.start).id if outer else quote.id


def _statement_link(site: Site, quote: Quote, page: str) -> Markup:
    """The URL (relative to the built page) of a quote's statement card."""
    storyline = site.storyline_of.get(quote.source)
    if storyline is None or not quote.cluster:
        return Markup("#" + quote.id)
    built = built_rel(page, site.storyline_path(storyline.id), site.directory_urls)
    return Markup(f"{url_attr(built)}#{quote.cluster}")
