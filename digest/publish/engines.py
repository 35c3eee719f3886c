"""Running a site engine over a written docs tree, then finishing what it built.

The docs tree that ``digest.publish.writing`` leaves is complete: any engine that reads
``mkdocs.yml`` builds it. Two are supported:

``mkdocs``
    MkDocs, in this process, through its public API (``load_config``, ``get_files``,
    ``build``). Pages whose inputs are unchanged since the last build come from the page
    store (``digest.publish.pagecache``) and are left out of the engine's work with
    MkDocs' own ``exclude_docs``; with ``jobs`` > 1, the pages left to render are shared
    among that many processes the same way. The site is byte for byte the same in every
    case, because the assembly below puts every page, search entry and sitemap entry back
    in the order a single full build gives them.
``zensical``
    Zensical (``pip install zensical``), the successor of Material for MkDocs, which reads
    the same ``mkdocs.yml`` and keeps its own cache; run as a command.

Either way, ``digest.publish.finish`` then sanitises every generated page (the second
escaping wall, outside any plugin) and minifies the HTML.
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from .finish import finish_files, finish_page, write_sitemap_gz
from .mkdocs_config import MIN_SHARED, yaml_mapping
from .pagecache import Entry, PageStore, assign, folder_hash, link_targets, page_key, shared_key, supported

log = logging.getLogger(__name__)

SHARE_PAGES = 3000
"""Pages in one MkDocs process at most when the build is shared (``--jobs``): its memory grows with them."""

ENGINES = ("mkdocs", "zensical")
"""The site engines ``digest build`` can run."""
SEARCH_INDEX = "search/search_index.json"
"""Where MkDocs' and Material's search plugins write their index."""
EXCLUDED_NOTE = "which is excluded from the built site."
"""How MkDocs ends its note about a link to a page left out of this build (here: one taken from the store)."""
CONFIG_KEYS = (
    "site_name",
    "site_url",
    "site_description",
    "site_author",
    "copyright",
    "repo_url",
    "repo_name",
    "edit_uri",
    "edit_uri_template",
    "use_directory_urls",
    "extra",
    "extra_css",
    "extra_javascript",
    "markdown_extensions",
    "mdx_configs",
    "not_in_nav",
    "validation",
)
"""Resolved configuration values that reach the HTML of every page."""
_URL = re.compile(r"\s*<url>.*?</url>", re.S)
_LOC = re.compile(r"<loc>(.*?)</loc>", re.S)
_GITIGNORE_SPECIAL = re.compile(r"([\\*?\[\]!# ])")
_ABOUT_PAGE = re.compile(r"^Doc file '([^']+)'")


class SiteEngineError(Exception):
    """The site engine could not build the site (its own message says why)."""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the docs tree as the engine sees it."""

    src: str
    url: str
    """As the search index writes it: ``sources/x/``, and ``""`` for the home page."""
    dest: str
    in_nav: bool


def build_site_with(
    engine: str,
    config_path: Path,
    site_dir: Path,
    *,
    minify: bool,
    jobs: int = 1,
    store: PageStore | None = None,
    previous: Path | None = None,
) -> None:
    """Build the docs tree of ``config_path`` into ``site_dir`` with ``engine`` and finish it.

    ``previous`` is the site this build replaces, whose unchanged pages MkDocs may link instead of writing.
    """
    if engine == "zensical":
        build_zensical(config_path, site_dir, minify=minify)
    elif engine == "mkdocs":
        build_mkdocs(config_path, site_dir, minify=minify, jobs=jobs, store=store, previous=previous)
    else:
        raise SiteEngineError(f"unknown site engine {engine!r}: expected one of {', '.join(ENGINES)}")


# ------------------------------------------------------------------ MkDocs


def build_mkdocs(
    config_path: Path,
    site_dir: Path,
    *,
    minify: bool,
    jobs: int = 1,
    store: PageStore | None = None,
    previous: Path | None = None,
) -> None:
    """Build with MkDocs, reusing stored pages and sharing the rest among ``jobs`` processes.

    A stored page whose file in the ``previous`` site holds the same bytes is linked from
    there instead of written again (``place_page``).
    """
    config = _load(config_path, site_dir)
    docs = _pages(config)
    keys = _keys(config, docs, minify) if store is not None else {}
    reused: dict[str, Entry] = {}
    if store is not None:
        if keys:
            for page in docs:
                if not page.in_nav and (entry := store.get(keys[page.src])) is not None:
                    reused[page.src] = entry
        else:
            log.info("digest: other plugins or hooks configured; every page is built without the page store")
    todo = [p for p in docs if p.src not in reused and not p.in_nav]
    shares = _shares(config, todo, jobs)
    fresh: dict[str, Entry] = {}
    for page in docs:  # said again, as a full build would
        for name, level, message in reused[page.src].logs if page.src in reused else ():
            logging.getLogger(name).log(level, message)
    keeping = _Keeping(store.folder, keys) if store is not None and keys else None
    if len(shares) <= 1:
        notes = _render(config, site_dir, excluded=set(reused), sources=[p.src for p in docs])
        fresh = _collect(config, site_dir, [p for p in docs if p.src not in reused], minify, notes, keeping)
    else:
        with tempfile.TemporaryDirectory(prefix=".digest-shares-", dir=site_dir.parent) as work:
            everything = {p.src for p in todo}
            # ``jobs`` shares at a time, each round in fresh processes: a MkDocs build holds its
            # share's pages until it ends, so more, smaller shares keep the workers small.
            for first in range(0, len(shares), jobs):
                with ProcessPoolExecutor(max_workers=jobs) as pool:
                    futures = [
                        (
                            index,
                            pool.submit(
                                _render_share,
                                config_path,
                                site_dir if index == 0 else Path(work) / f"share-{index}",
                                sorted(set(reused) | (everything - set(share))),
                                [p.src for p in docs],
                                [p for p in docs if p.src in share or (index == 0 and p.in_nav)],
                                minify,
                                keeping,
                            ),
                        )
                        for index, share in enumerate(shares)
                        if first <= index < first + jobs
                    ]
                    for index, future in futures:
                        entries = future.result()
                        fresh.update(entries)
                        if index:
                            for page in docs:
                                if page.src in entries:
                                    _move(Path(work) / f"share-{index}" / page.dest, site_dir / page.dest)
                                    for name, level, message in entries[page.src].logs:
                                        logging.getLogger(name).log(level, message)
    for page in docs:
        entry = reused.get(page.src)
        if entry is not None:
            place_page(site_dir / page.dest, entry.html, previous / page.dest if previous is not None else None)
    _assemble(site_dir, docs, {**fresh, **reused}, config.get("site_url"))
    others = {site_dir / p.dest for p in docs}
    finish_files((path for path in sorted(site_dir.rglob("*.html")) if path not in others), minify=minify)
    write_sitemap_gz(site_dir)
    if store is not None and keys:  # the fresh pages were stored as they were finished (``_collect``)
        store.prune(keys.values())


def _load(config_path: Path, site_dir: Path) -> Any:
    from mkdocs.config import load_config

    return load_config(config_file=str(config_path), site_dir=str(site_dir))


def _pages(config: Any) -> list[Page]:
    """Every documentation page, in the order a build renders them, and whether it is in the navigation."""
    from mkdocs.structure.files import get_files

    files = get_files(config)
    docs = list(files.documentation_pages())
    nav = _nav_paths(config.get("nav"))
    not_in_nav = config.get("not_in_nav")
    pages = []
    for f in docs:
        listed = f.src_uri in nav if nav is not None else not (not_in_nav and not_in_nav.match_file(f.src_uri))
        in_nav = bool(listed)
        pages.append(Page(f.src_uri, "" if f.url == "./" else f.url, f.dest_uri, in_nav))
    return pages


def _nav_paths(nav: Any) -> dict[str, str | None] | None:
    """The pages a ``nav`` configuration names, with their titles (``None``: no ``nav``, every page)."""
    if nav is None:
        return None
    found: dict[str, str | None] = {}

    def walk(items: Any, title: str | None = None) -> None:
        if isinstance(items, str):
            if "://" not in items and items.endswith(".md"):
                found[items.lstrip("/")] = title
        elif isinstance(items, Mapping):
            for key, value in items.items():
                walk(value, str(key))
        elif isinstance(items, Sequence):
            for item in items:
                walk(item)

    walk(nav)
    return found


def _keys(config: Any, docs: Sequence[Page], minify: bool) -> dict[str, str]:
    """Every page's key in the store, or nothing when a plugin or hook may tie pages together."""
    plugins = [name for name in config.plugins]
    if not supported(plugins, config.get("hooks")):
        return {}
    raw = yaml_mapping(config.config_file_path)
    theme = {key: value for key, value in sorted(dict(config.theme).items()) if key != "custom_dir"}
    state = {
        "config": {key: config.get(key) for key in CONFIG_KEYS},
        "plugins": raw.get("plugins"),
        "theme": [config.theme.name, theme, folder_hash(config.theme.custom_dir)],
        "minify": minify,
    }
    docs_dir = Path(config.docs_dir)
    sources = {p.src: (docs_dir / p.src).read_bytes() for p in docs}
    titles = _nav_paths(config.get("nav"))
    nav = [(p.src, titles.get(p.src) if titles else None, sources[p.src]) for p in docs if p.in_nav]
    shared = shared_key(state, nav)
    present = set(sources)
    keys = {}
    for page in docs:
        text = sources[page.src].decode("utf-8", "replace")
        targets = {target: target in present for target in link_targets(text, page.src)}
        keys[page.src] = page_key(shared, page.src, sources[page.src], targets)
    return keys


def _shares(config: Any, todo: Sequence[Page], jobs: int) -> list[set[str]]:
    """The pages each process renders: all in one when there are too few to share."""
    if jobs <= 1 or len(todo) < MIN_SHARED:
        return [{p.src for p in todo}]
    docs_dir = Path(config.docs_dir)
    sizes = {p.src: (docs_dir / p.src).stat().st_size for p in todo}
    count = jobs * -(-len(todo) // (jobs * SHARE_PAGES))
    share = assign(sizes, count)
    return [{src for src, worker in share.items() if worker == index} for index in range(count)]


@dataclass(frozen=True)
class _Keeping:
    """Where finished pages are stored, and each page's key: what a worker needs to store its own."""

    folder: Path
    keys: Mapping[str, str]


def _render_share(
    config_path: Path,
    site_dir: Path,
    excluded: list[str],
    sources: list[str],
    pages: list[Page],
    minify: bool,
    keeping: _Keeping | None = None,
) -> dict[str, Entry]:
    """In a worker process: build one share of the pages and return what was made of them."""
    if site_dir.name.startswith("share-"):  # said by the main process, once, from the entries
        quiet = logging.getLogger("mkdocs")
        quiet.handlers, quiet.propagate = [], False
        quiet.setLevel(logging.INFO)
    config = _load(config_path, site_dir)
    notes = _render(config, site_dir, excluded=set(excluded), sources=sources)
    return _collect(config, site_dir, pages, minify, notes, keeping)


def _render(
    config: Any, site_dir: Path, *, excluded: set[str], sources: Sequence[str]
) -> dict[str, list[tuple[str, int, str]]]:
    """Run MkDocs' build, leaving ``excluded`` pages out (links to them are still resolved).

    Returns what MkDocs said about each page, by page.
    """
    from mkdocs.commands.build import build

    from .plugin import DigestPlugin

    if excluded:
        config["exclude_docs"] = _exclusions(config.get("exclude_docs"), excluded, sources)
    plugin = config.plugins.get("digest")
    if isinstance(plugin, DigestPlugin):
        plugin.finishing = False  # finishing happens after the engine, for every engine alike
    config.plugins.on_startup(command="build", dirty=False)
    note = _DropNote()
    said = _PageNotes()
    logger = logging.getLogger("mkdocs.structure.pages")
    logger.addFilter(note)
    logging.getLogger("mkdocs").addHandler(said)
    try:
        build(config)
    finally:
        logging.getLogger("mkdocs").removeHandler(said)
        logger.removeFilter(note)
        config.plugins.on_shutdown()
    return said.notes


class _DropNote(logging.Filter):
    """Drops MkDocs' note about links to pages left out of this build: they are in the site all the same."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().endswith(EXCLUDED_NOTE)


class _PageNotes(logging.Handler):
    """Keeps what MkDocs says about each page (its messages name the page first)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.notes: dict[str, list[tuple[str, int, str]]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        about = _ABOUT_PAGE.match(message)
        if about and not message.endswith(EXCLUDED_NOTE):
            self.notes.setdefault(about.group(1), []).append((record.name, record.levelno, message))


def _exclusions(existing: Any, excluded: set[str], sources: Sequence[str]) -> Any:
    """The configuration's ``exclude_docs`` with the ``excluded`` pages added, in few patterns.

    Pages come in families: the pages of one folder (``sources/*.md``) and the index pages of
    one folder's subfolders (``sources/*/index.md``, where digest puts each generated page).
    Where most of a family is left out, one pattern leaves all of it out and the others are
    named back; elsewhere the left-out pages are named. Checking every file against every
    pattern is what costs, so the list stays short.
    """
    import pathspec

    families: dict[str, list[str]] = {}
    pages = sorted(sources)
    for page in pages:
        folder, _, name = page.rpartition("/")
        families.setdefault(f"{_escape(folder) + '/' if folder else ''}*.md", []).append(page)
        if name == "index.md" and folder:
            parent = folder.rpartition("/")[0]
            families.setdefault(f"{_escape(parent) + '/' if parent else ''}*/index.md", []).append(page)
    chosen = [
        family
        for family, members in sorted(families.items())
        if sum(p in excluded for p in members) > sum(p not in excluded for p in members) + 1
    ]
    covered = {page for family in chosen for page in families[family]}
    lines = [f"/{family}" for family in chosen]
    lines += [f"!/{_escape(p)}" for p in pages if p in covered and p not in excluded]
    lines += [f"/{_escape(p)}" for p in pages if p in excluded and p not in covered]
    ours = pathspec.GitIgnoreSpec.from_lines(lines)
    if existing is None:
        return ours
    return pathspec.GitIgnoreSpec(list(existing.patterns) + list(ours.patterns))


def _escape(path: str) -> str:
    """A path as a literal gitignore pattern."""
    return _GITIGNORE_SPECIAL.sub(r"\\\1", path)


def _collect(
    config: Any,
    site_dir: Path,
    pages: Iterable[Page],
    minify: bool,
    notes: Mapping[str, list[tuple[str, int, str]]],
    keeping: _Keeping | None = None,
) -> dict[str, Entry]:
    """Finish the built pages in place and return each one's search entries, sitemap entry and notes.

    With ``keeping``, each finished page outside the navigation (those are rendered every
    time) goes into the page store here, in the process that built it; the entries returned
    carry no HTML, which is on disk: a 10,000-article site's pages are not held twice in
    memory, nor sent from the workers to the main process.
    """
    search = _search_entries(site_dir)
    sitemap = _sitemap_entries(site_dir)
    base = config.get("site_url")
    store = PageStore(keeping.folder) if keeping is not None else None
    out = {}
    for page in pages:
        path = site_dir / page.dest
        if not path.is_file():
            continue
        text = finish_page(path.read_text(encoding="utf-8"), minify=minify)
        path.write_text(text, encoding="utf-8")
        entry = Entry(
            html=text,
            search=None if search is None else search.get(page.url, []),
            sitemap=sitemap.get(urljoin(base, page.url)) if base else None,
            logs=list(notes.get(page.src, ())),
        )
        if store is not None and keeping is not None and not page.in_nav:
            store.put(keeping.keys[page.src], entry)
        out[page.src] = replace(entry, html="")
    return out


def _search_entries(site_dir: Path) -> dict[str, list[dict[str, Any]]] | None:
    """The search index's entries by the URL of the page they belong to."""
    try:
        index = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    out: dict[str, list[dict[str, Any]]] = {}
    for entry in index.get("docs", []):
        out.setdefault(str(entry.get("location", "")).split("#")[0], []).append(entry)
    return out


def _sitemap_entries(site_dir: Path) -> dict[str, str]:
    """The sitemap's ``<url>`` elements by the address they give."""
    try:
        text = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    except OSError:
        return {}
    out = {}
    for match in _URL.finditer(text):
        loc = _LOC.search(match.group(0))
        if loc:
            out[html.unescape(loc.group(1).strip())] = match.group(0)
    return out


def _assemble(site_dir: Path, docs: Sequence[Page], entries: Mapping[str, Entry], site_url: str | None) -> None:
    """Write the search index and the sitemap with every page's entries, in the order of the pages."""
    index_path = site_dir / SEARCH_INDEX
    with contextlib.suppress(OSError, ValueError):
        index = json.loads(index_path.read_text(encoding="utf-8"))
        index["docs"] = [item for page in docs if (e := entries.get(page.src)) for item in e.search or ()]
        index_path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
    sitemap_path = site_dir / "sitemap.xml"
    with contextlib.suppress(OSError):
        text = sitemap_path.read_text(encoding="utf-8")
        found = list(_URL.finditer(text))
        head = text[: found[0].start()] if found else text[: text.rfind("</urlset>")]
        tail = text[found[-1].end() :] if found else text[text.rfind("</urlset>") :]
        if site_url:
            blocks = "".join(e.sitemap for page in docs if (e := entries.get(page.src)) and e.sitemap)
            sitemap_path.write_text(head + blocks + tail, encoding="utf-8")


def place_page(target: Path, html: str, previous: Path | None = None) -> None:
    """Write a page's HTML at ``target``, or hard-link the ``previous`` site's file when it holds the same bytes.

    A rebuild after a small change then writes a few pages instead of thousands, and
    removing the previous site afterwards frees nothing those pages still use. A file of
    the site is never changed in place, so the two sites sharing it is safe.
    """
    data = html.encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    if previous is not None:
        with contextlib.suppress(OSError):
            if previous.stat().st_size == len(data) and previous.read_bytes() == data:
                os.link(previous, target)
                return
    target.write_bytes(data)


def _move(source: Path, target: Path) -> None:
    """Move one built file into the site, replacing what is there."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)


# ------------------------------------------------------------------ Zensical


def build_zensical(config_path: Path, site_dir: Path, *, minify: bool) -> None:
    """Build with Zensical's command line into ``site_dir``, then finish the site.

    Zensical wants its configuration, docs and site folders inside one project folder:
    a configuration that inherits the project's and names a site folder of its own is
    written there for the time of the build, beside the cache Zensical keeps (``.cache``).
    """
    root = config_path.resolve().parent
    with tempfile.TemporaryDirectory(prefix=".digest-", dir=root) as work:
        folder = Path(work)
        own = root / f"{folder.name}.yml"
        own.write_text(
            json.dumps({"INHERIT": config_path.name, "site_dir": f"{folder.name}/site"}) + "\n", encoding="utf-8"
        )
        try:
            done = subprocess.run(
                [sys.executable, "-m", "zensical", "build", "--config-file", own.name],
                cwd=root,
                capture_output=True,
                text=True,
                env={**os.environ, "NO_COLOR": "1"},
                check=False,
            )
        except OSError as exc:
            raise SiteEngineError(f"zensical could not start: {exc}") from None
        finally:
            own.unlink(missing_ok=True)
        if done.returncode != 0:
            if "No module named zensical" in done.stderr:
                raise SiteEngineError("site engine zensical is not installed: pip install zensical")
            last = [line for line in (done.stderr or done.stdout).splitlines() if line.strip()][-3:]
            raise SiteEngineError("zensical failed: " + " / ".join(last))
        for line in _problems(done.stdout + done.stderr):
            log.warning("zensical: %s", line)
        built = folder / "site"
        finish_files(sorted(built.rglob("*.html")), minify=minify)
        write_sitemap_gz(built)
        if site_dir.exists():
            shutil.rmtree(site_dir)
        shutil.move(str(built), str(site_dir))


def _problems(output: str) -> Iterator[str]:
    """The warning and error lines of Zensical's output."""
    for line in output.splitlines():
        stripped = line.strip()
        if stripped.startswith(("Warning:", "Error:")):
            yield stripped
