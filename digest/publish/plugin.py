"""A thin MkDocs plugin: sanitise generated pages, reuse unchanged ones, regenerate on ``mkdocs serve``.

Nothing essential lives only here: ``digest build`` writes the same pages whatever
engine renders them; this adds the second escaping wall, the page store that makes
rebuilds and parallel builds cheap (``digest.publish.pagecache``), and live reload under MkDocs.
"""

from __future__ import annotations

import logging
import os
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
import minify_html
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.toc import get_toc

from .mkdocs_config import MIN_SHARED, docs_dir, is_generated, yaml_mapping
from .pagecache import Entry, PageStore, assign, link_targets, page_key, shared_key, supported, toc_tokens
from .sanitize import clean

log = logging.getLogger("mkdocs.plugins.digest")

EXCLUDED_NOTE = "which is excluded from the built site."
"""How MkDocs ends its note about a link to an excluded page."""
REUSED = "digest-reused.html"
"""The template of a page whose HTML comes from the store: nothing but the stored output."""


class NothingToRender(Exception):
    """Raised in a worker whose share of the pages is empty, to end its build early."""


class _Capture(logging.Handler):
    """Collects what MkDocs logs while one page is converted, to say it again when the page is reused.

    In a worker, the pages of other workers are excluded from its build, and MkDocs notes each
    link to them; those notes are the worker's own and not kept.
    """

    def __init__(self, in_worker: bool = False) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []
        self.in_worker = in_worker

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not (self.in_worker and message.endswith(EXCLUDED_NOTE)):
            self.records.append((record.name, record.levelno, message))


class DigestConfig(base.Config):
    """The plugin's options in ``mkdocs.yml``."""

    minify = c.Type(bool, default=True)
    """Write every page's HTML minified (whitespace and comments out; scripts and styles untouched)."""


class DigestPlugin(BasePlugin[DigestConfig]):
    """Registered as the ``digest`` plugin."""

    def __init__(self) -> None:
        self.command = "build"
        self.store: PageStore | None = None
        """Where pages are reused from and kept; set by ``digest.publish.site.run_mkdocs``."""
        self.worker: tuple[int, int] | None = None
        """``(index, count)`` when this build only renders its share of the pages into the store."""
        self.prune = False
        """Whether to drop stored pages that this build did not use."""
        self.shared = MIN_SHARED
        """Fewer pages left to render than this are left to the final build (no worker renders them)."""
        self._keys: dict[str, str] = {}
        self._in_nav: set[str] = set()
        self._mine: set[str] | None = None
        self._reused: dict[str, Entry] = {}
        self._fresh: dict[str, Entry] = {}
        self._meta: dict[str, dict[str, Any]] = {}
        self._capture: _Capture | None = None
        self._indexed = 0

    def configure(
        self, store: PageStore | None, *, prune: bool, worker: tuple[int, int] | None, shared: int = MIN_SHARED
    ) -> None:
        """Set up one build: the page store, whether to prune it, this worker's place, the sharing minimum.

        MkDocs keeps plugin instances between loads of a configuration, so every field is set.
        """
        self.store, self.prune, self.worker, self.shared = store, prune, worker, shared

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        """Watch the corpus so that editing an article rebuilds the site."""
        from .project import load_project

        project = load_project(Path(config.config_file_path).parent)
        server.watch(str(project.corpus))
        return server

    def on_pre_build(self, *, config: Any) -> None:
        """Under ``mkdocs serve``, regenerate the pages from the corpus before each build."""
        self._reused, self._fresh, self._meta, self._indexed = {}, {}, {}, 0
        self._keys, self._in_nav, self._mine = {}, set(), None
        if self.store is not None and not supported(config):
            log.info("digest: other plugins configured; every page is built without the page store")
            self.store = None
        if self.command != "serve":
            return
        from ..pipeline import analyse
        from .project import load_project
        from .writing import render_pages, write_pages

        project = load_project(Path(config.config_file_path).parent)
        write_pages(
            render_pages(analyse(project.corpus, project.settings), project), docs_dir(Path(config.config_file_path))
        )

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        """Key every page; in a worker, find this process' share of the pages not yet stored."""
        if self.store is None:
            return nav
        raw = yaml_mapping(config.config_file_path)
        shared = shared_key(config, nav, raw)
        pages = list(files.documentation_pages())
        self._keys = {f.src_uri: page_key(shared, f.src_uri, f.content_bytes) for f in pages}
        self._in_nav = {page.file.src_uri for page in nav.pages}
        if self.worker is not None:
            index, count = self.worker
            todo = {f.src_uri: _size(f) for f in pages if not self.store.has(self._keys[f.src_uri])}
            share = assign(todo, count) if len(todo) >= self.shared else {}
            self._mine = {name for name, worker in share.items() if worker == index}
            if not self._mine:
                raise NothingToRender
            for f in pages:  # other workers' pages: not built here at all (links to them stay the same)
                if f.src_uri not in self._mine and f.src_uri not in self._in_nav:
                    f.inclusion = InclusionLevel.EXCLUDED
        return nav

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        """Add the template reused pages are written through."""
        if self.store is not None:
            env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({REUSED: "{{ page.content }}"}), env.loader])
        return env

    @event_priority(-100)
    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        """Skip converting a page that is stored; capture what converting any other page logs."""
        if self.store is None:
            return markdown
        src = page.file.src_uri
        key = self._keys.get(src)
        entry = self.store.get(key) if key else None
        reusable = entry is not None and all(
            (files.get_file_from_path(t) is not None) == seen for t, seen in entry.targets.items()
        )
        if entry is None or not reusable:
            if self._mine is not None and src not in self._mine:
                return markdown  # another worker's page in the navigation: converted for its title only
            self._capture = _Capture(in_worker=self.worker is not None)
            logging.getLogger("mkdocs").addHandler(self._capture)
            return markdown
        self._reused[src] = entry
        self._meta[src] = dict(page.meta)
        page.meta["template"] = REUSED
        if entry.search is not None:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        page.render = partial(_nothing_to_convert, page)  # skip building a Markdown converter for ""
        return ""

    @event_priority(-100)
    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        """Sanitise generated pages; restore a stored page; remember a converted one."""
        src = page.file.src_uri
        entry = self._reused.get(src)
        if entry is not None:
            page.toc = get_toc(entry.toc)  # type: ignore[arg-type]
            page._title_from_render = entry.title
            page.present_anchor_ids = set(entry.anchors)
            page.links_to_anchors = {
                target: links
                for name, links in entry.links.items()
                if (target := files.get_file_from_path(name)) is not None
            }
            for name, level, message in entry.logs:
                logging.getLogger(name).log(level, message)
            return entry.content
        if is_generated(src):
            html = clean(html)
        if self._capture is not None:
            logging.getLogger("mkdocs").removeHandler(self._capture)
            key = self._keys.get(src)
            if key is not None:
                self._fresh[src] = Entry(
                    content=html,
                    toc=toc_tokens(page.toc),
                    title=page._title_from_render,
                    anchors=sorted(page.present_anchor_ids or ()),
                    links={f.src_uri: dict(links) for f, links in (page.links_to_anchors or {}).items()},
                    targets={t: files.get_file_from_path(t) is not None for t in link_targets(page.markdown, src)},
                    logs=self._capture.records,
                )
            self._capture = None
        return html

    @event_priority(-100)
    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        """Give the search index a stored page's entries; keep a converted page's."""
        if self.store is None:
            return context
        src = page.file.src_uri
        if src in self._meta:
            page.meta = self._meta.pop(src)
        index = search_entries(config)
        entry = self._reused.get(src)
        if index is not None and entry is not None and entry.search is not None:
            index.extend(entry.search)
        elif index is not None and src in self._fresh:
            self._fresh[src].search = index[self._indexed :]
        if index is not None:
            self._indexed = len(index)
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        """Write a stored page's HTML; store a built one (a worker writes nothing)."""
        src = page.file.src_uri
        entry = self._reused.pop(src, None)  # the HTML of every page would otherwise stay in memory
        if entry is not None:
            self._release(page)
            return entry.output
        if self.config.minify:
            output = minify(output)
        fresh = self._fresh.pop(src, None)
        if self.store is not None and fresh is not None:
            fresh.output = output
            self.store.put(self._keys[src], fresh)
        self._release(page)
        return "" if self.worker is not None else output

    def _release(self, page: Any) -> None:
        """Drop a built page's Markdown and HTML, which MkDocs would keep to the end of the build.

        Only with the page store, where every plugin is known not to read them later; pages in
        the navigation keep theirs (their titles appear on other pages).
        """
        if self.store is not None and page.file.src_uri not in self._in_nav:
            page.markdown, page.content = "", ""

    def on_post_build(self, *, config: Any) -> None:
        """Forget stored pages that no page of this build has any more."""
        if self.store is not None and self.prune and self.worker is None:
            self.store.prune(self._keys.values())


def _size(file: Any) -> int:
    """A documentation file's size in bytes, for sharing pages out evenly."""
    try:
        return os.path.getsize(file.abs_src_path)
    except (OSError, TypeError):
        return len(file.content_bytes)


def _nothing_to_convert(page: Any, config: Any, files: Any) -> None:
    """Stand-in for ``Page.render`` on a page whose HTML is reused from the store.

    Leaves the page as rendering empty Markdown would, without building a converter with
    every extension (about a millisecond a page); ``on_page_content`` then fills it in.
    """
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def minify(html: str) -> str:
    """HTML without the whitespace and comments a browser ignores; scripts, styles and ``pre`` as they were."""
    return str(
        minify_html.minify(
            html,
            minify_js=False,
            minify_css=False,
            keep_closing_tags=True,
            keep_html_and_head_opening_tags=True,
            keep_comments=False,
        )
    )


def search_entries(config: Any) -> list[dict[str, Any]] | None:
    """The entry list of Material's search index, when that is the search plugin in use."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        entries = getattr(getattr(plugin, "search_index", None), "entries", None)
        if isinstance(entries, list):
            return entries
    return None
