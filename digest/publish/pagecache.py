"""Reusing what MkDocs made of a page whose Markdown has not changed.

MkDocs has no incremental build: every page is converted from Markdown, rendered
through the theme's templates and indexed for search on every build, which is
most of the time of a large digest. A page's HTML depends only on its own Markdown
and on what every page shares (the configuration, the navigation, the theme and the
versions of the packages that render it). So the ``digest`` plugin keeps, for every
page it builds, what MkDocs made of it: the converted content, table of contents,
title, anchors, links, log messages, search entries and the final HTML, keyed by a
hash of the page's file and of everything shared. A later build reuses the entry
when the key is the same and every page the Markdown links to still exists (or still
does not); otherwise the page is built as usual.

The same entries let several processes share one build: each renders its share of
the pages into the store, and a last build assembles the site from the store (see
``digest.publish.site.run_mkdocs``). The result is byte for byte what a plain build makes.

Reuse is only switched on when every plugin in the configuration is known not to
make one page depend on another (``search`` and ``digest``); anything else builds
without the store.
"""

from __future__ import annotations

import hashlib
import json
import logging
import posixpath
import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from ..store import Store

log = logging.getLogger(__name__)

PLUGINS = frozenset({"search", "material/search", "digest"})
"""Plugins whose pages depend only on their own Markdown and the shared state."""
PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "markdown",
    "pymdown-extensions",
    "pygments",
    "nh3",
    "minify-html",
    "storyline-digest",
)
"""Distributions whose version can change the HTML of a page."""
CODE_FILES = (
    "publish/plugin.py",
    "publish/sanitize.py",
    "publish/pagecache.py",
    "publish/mkdocs_config.py",
)
"""Modules of ``digest`` whose code changes the HTML of a page."""
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
LINK = re.compile(r"""(?:\]\(\s*<?|\]:\s*<?|\bhref=["']|\bsrc=["'])([^)\s"'<>#?]+\.md)\b""")
"""Relative links to other Markdown files, as they appear in a page's source."""


@dataclass
class Entry:
    """What MkDocs made of one page."""

    content: str
    toc: list[dict[str, Any]]
    title: str | None
    anchors: list[str]
    links: dict[str, dict[str, str]]
    targets: dict[str, bool]
    """Every Markdown file the page links to, and whether it existed."""
    logs: list[tuple[str, int, str]] = field(default_factory=list)
    search: list[dict[str, Any]] | None = None
    output: str = ""


class PageStore:
    """Built pages in a store (``digest.store``), one compressed JSON entry each."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store = Store(folder, ".json.z")

    def get(self, key: str) -> Entry | None:
        """The entry stored under ``key``, or ``None`` (a corrupt entry is a miss)."""
        try:
            data = json.loads(zlib.decompress(self.store.read(key) or b""))
            return Entry(**{**data, "logs": [tuple(item) for item in data["logs"]]})
        except (ValueError, TypeError, KeyError, zlib.error):
            return None

    def has(self, key: str) -> bool:
        """Whether an entry is stored under ``key`` (without reading it)."""
        return self.store.has(key)

    def is_empty(self) -> bool:
        """Whether no page is stored yet."""
        return next(self.store.entries(), None) is None

    def put(self, key: str, entry: Entry) -> None:
        """Store an entry atomically; failing to write only costs the entry."""
        self.store.write(key, zlib.compress(json.dumps(asdict(entry), ensure_ascii=False).encode("utf-8"), 1))

    def prune(self, keep: Iterable[str]) -> None:
        """Remove every entry whose key is not in ``keep``, and the least recently used past the size limit."""
        self.store.prune(keep)


def supported(config: Any) -> bool:
    """Whether every configured plugin keeps pages independent of each other."""
    return set(config.plugins) <= PLUGINS and not config.get("hooks")


@cache
def _versions() -> str:
    found = []
    for name in PACKAGES:
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}==")
    code = hashlib.sha256()
    for name in CODE_FILES:
        code.update((resources.files("digest") / name).read_bytes())
    return ";".join(found) + ";" + code.hexdigest()


def _plain(value: Any) -> Any:
    """A JSON-able stand-in for a configuration value (callables by their dotted name)."""
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _nav_items(items: Iterable[Any]) -> list[Any]:
    """The navigation as every page renders it; untitled pages bring their source's hash."""
    out: list[Any] = []
    for item in items:
        if getattr(item, "is_section", False):
            out.append(["section", item.title, _nav_items(item.children)])
        elif getattr(item, "is_page", False):
            explicit = "title" in vars(item)
            source = None if explicit else hashlib.sha256(item.file.content_bytes).hexdigest()
            out.append(["page", item.title if explicit else None, item.file.src_uri, item.url, source])
        else:
            out.append(["link", getattr(item, "title", None), getattr(item, "url", None)])
    return out


def _theme_files(config: Any) -> str:
    """A hash of the theme overrides (``custom_dir``), which templates may include."""
    digest = hashlib.sha256()
    custom = config.theme.custom_dir
    if custom and Path(custom).is_dir():
        for path in sorted(Path(custom).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(custom).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def shared_key(config: Any, nav: Any, raw_config: Mapping[str, Any]) -> str:
    """A hash of everything every page's HTML depends on besides its own Markdown."""
    theme = {key: _plain(value) for key, value in sorted(dict(config.theme).items()) if key != "custom_dir"}
    state = {
        "versions": _versions(),
        "config": {key: _plain(config.get(key)) for key in CONFIG_KEYS},
        "plugins": _plain(raw_config.get("plugins")),
        "theme": [config.theme.name, theme, _theme_files(config)],
        "nav": _nav_items(nav.items),
    }
    return hashlib.sha256(json.dumps(state, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def page_key(shared: str, src_uri: str, source: bytes) -> str:
    """The key of one page: the shared state, its path and its file's bytes."""
    digest = hashlib.sha256(shared.encode())
    digest.update(b"\0" + src_uri.encode("utf-8") + b"\0")
    digest.update(source)
    return digest.hexdigest()


def link_targets(markdown: str, src_uri: str) -> list[str]:
    """The docs-relative paths of the Markdown files a page's source links to."""
    base = posixpath.dirname(src_uri)
    found = set()
    for match in LINK.finditer(markdown):
        target = match.group(1)
        if "://" in target or target.startswith("/"):
            continue
        found.add(posixpath.normpath(posixpath.join(base, target)))
    return sorted(found)


def toc_tokens(toc: Iterable[Any]) -> list[dict[str, Any]]:
    """A table of contents as the tokens ``mkdocs.structure.toc.get_toc`` reads."""
    return [
        {"level": item.level, "id": item.id, "name": item.title, "children": toc_tokens(item.children)} for item in toc
    ]


def assign(sizes: Mapping[str, int], workers: int) -> dict[str, int]:
    """Share pages among workers, largest first to the least loaded (deterministic)."""
    loads = [0] * workers
    share = {}
    for name, size in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
        worker = min(range(workers), key=lambda index: (loads[index], index))
        share[name] = worker
        loads[worker] += size + 2000
    return share
