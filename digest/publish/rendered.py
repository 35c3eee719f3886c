"""Rendered Markdown pages kept between builds, each under a hash of everything it shows.

A storyline's, a source's or a speaker's page is a pure function of a few parts of the
digest, of the settings and of the rendering code and templates. ``PageInputs`` hashes
those parts (each article, with its paths and quotations, once) into one key per page;
a page whose key is stored is read back instead of rendered. What goes into a key:

- always: the rendering code (``digest/publish`` and the packages it reads), the packaged
  templates, the versions of Jinja2 and MarkupSafe, the settings, how the engine builds
  URLs, whether article text is searchable, and the page's path;
- a source page: its article (text, metadata, body spans), the article's page and outlet
  page paths, every quotation found in it, what its quotations' speakers are called (id,
  name, roles) and its storyline;
- a storyline page: the storyline, its statements, every article it holds or quotes (as
  above, without their storylines) and its statements' speakers;
- a speaker page: the speaker whole, every article that quotes it or whose statements it
  appears in, those statements, and the outlet of every source of its spellings.

A site's own templates can read any part of the digest (``site`` is in their context), so
with a template folder of its own no page is kept and every page is rendered.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path
from typing import Any

from ..models import Quote, QuoteCluster, Speaker, Storyline
from ..store import Store, code_hash, content_key
from .formatting import template_dirs
from .lookups import STATEMENT_KINDS, Site
from .pagecache import folder_hash

RENDER_CODE = ("publish", "group", "text", "models.py", "settings.py", "store.py")
"""The parts of ``digest`` whose code can change a rendered page."""
TEMPLATE_PACKAGES = ("jinja2", "markupsafe")


@cache
def render_version() -> str:
    """A hash of the rendering code, the packaged templates and the template engine's version."""
    versions = []
    for name in TEMPLATE_PACKAGES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}==")
    return content_key("render", code_hash(*RENDER_CODE), folder_hash(template_dirs()[-1]), versions)


def rendered_store(folder: Path) -> Store:
    """The store of rendered pages under a cache folder."""
    return Store(folder, ".md")


class PageInputs:
    """Keys of the pages that can be kept, from fingerprints of the digest's parts computed once each."""

    def __init__(self, site: Site, search_text: bool, version: str | None = None) -> None:
        self.site = site
        self.base = content_key("pages", version or render_version(), site.settings, site.directory_urls, search_text)
        """What every page's key holds: code, templates, settings and the site's shape."""
        self._articles: dict[str, str] = {}

    def source(self, page: str, article_id: str) -> str:
        """The key of an article's source page."""
        storyline = self.site.storyline_of.get(article_id)
        return self._key(page, self._article(article_id), repr(storyline))

    def storyline(self, page: str, storyline: Storyline) -> str:
        """The key of a storyline's page."""
        clusters = [self.site.clusters.get(c) for c in storyline.clusters]
        sources = set(storyline.sources) | self._cluster_sources(clusters)
        return self._key(
            page,
            repr(storyline),
            *(self._article(a) for a in sorted(sources)),
            *(self._cluster(c) for c in clusters),
        )

    def speaker(self, page: str, speaker: Speaker) -> str:
        """The key of a speaker's page."""
        site = self.site
        quotes = self._by_speaker.get(speaker.id, [])
        clusters = [site.clusters.get(c) for c in sorted({q.cluster for q in quotes if q.cluster})]
        sources = {q.source for q in quotes} | self._cluster_sources(clusters)
        spelled = sorted({source for source, _ in speaker.spellings})
        outlets = [(s, site.outlet(site.articles[s]) if s in site.articles else None) for s in spelled]
        return self._key(
            page,
            repr(speaker),
            repr(outlets),
            *(self._article(a) for a in sorted(sources)),
            *(self._cluster(c) for c in clusters),
        )

    def _key(self, page: str, *parts: str) -> str:
        digest = hashlib.sha256(f"{self.base}\0{page}".encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _article(self, article_id: str) -> str:
        """The article, its pages' paths, its quotations and what their speakers are called."""
        known = self._articles.get(article_id)
        if known is not None:
            return known
        site = self.site
        article = site.articles.get(article_id)
        parts: list[Any] = [repr(article)]
        if article is not None:
            parts += [site.source_path(article.id), site.outlet_page(article)]
        for quote in site.quotes_by_source.get(article_id, ()):
            parts += [repr(quote), self._called(quote.speaker)]
        digest = hashlib.sha256("\0".join(map(str, parts)).encode("utf-8", "surrogatepass")).hexdigest()
        self._articles[article_id] = digest
        return digest

    def _cluster(self, cluster: QuoteCluster | None) -> str:
        """A statement and what its speaker is called."""
        return repr(cluster) + (self._called(cluster.speaker) if cluster else "")

    def _called(self, speaker_id: str | None) -> str:
        """What pages other than a speaker's own show of it: its id, name and roles."""
        speaker = self.site.speakers.get(speaker_id or "")
        return repr((speaker.id, speaker.name, speaker.roles) if speaker else speaker_id)

    def _cluster_sources(self, clusters: Iterable[QuoteCluster | None]) -> set[str]:
        """The articles that carry any quotation of these statements."""
        quotes = self.site.quotes
        return {quotes[q].source for c in clusters if c is not None for q in (c.canonical, *c.quotes) if q in quotes}

    @cached_property
    def _by_speaker(self) -> dict[str, list[Quote]]:
        """Each speaker's statements and fragments, as its page lists them."""
        out: dict[str, list[Quote]] = defaultdict(list)
        for quote in self.site.digest.quotes:
            if quote.speaker and quote.kind in STATEMENT_KINDS:
                out[quote.speaker].append(quote)
        return out
