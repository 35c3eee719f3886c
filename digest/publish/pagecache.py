"""Built pages kept between builds, keyed by everything their HTML depends on.

A page's HTML depends on its own Markdown, on which of the pages it links to exist, and on
what every page shares: the configuration, the navigation (which pages, under which
titles), the theme and its overrides, and the versions of the packages that render it.
After a build, each page's finished HTML, its search entries and its sitemap entry are
stored under a hash of all that (``page_key``). The next build excludes the pages whose key
is stored from what the engine renders (MkDocs' own ``exclude_docs``: links to them are
still resolved) and writes their stored output instead (``digest.publish.engines``).
Pages in the navigation are always rendered, so the navigation on every page is current.

Everything here is read from files and from MkDocs' public configuration; nothing of
MkDocs' or Material's internals is used.
"""

from __future__ import annotations

import hashlib
import json
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
    "publish/engines.py",
    "publish/finish.py",
    "publish/sanitize.py",
    "publish/pagecache.py",
)
"""Modules of ``digest`` whose code changes the HTML of a page."""
LINK = re.compile(r"""[\]hs](?:(?<=\])\(\s*<?|(?<=\]):\s*<?|(?<=\bh)ref=["']|(?<=\bs)rc=["'])([^)\s"'<>#?]+\.md)\b""")
"""Relative links to other Markdown files, as they appear in a page's source: ``](x.md)``, ``]: x.md``,
``href="x.md"``, ``src="x.md"``. Each form's first character is matched first and the rest
looked behind, so the scan jumps from one ``]``, ``h`` or ``s`` to the next (a pattern that
begins with alternatives and ``\b`` is tried at every character: 1.0 s over PolNeAR's 3,114 pages, now 0.16 s)."""


@dataclass
class Entry:
    """What a build made of one page: its finished HTML, search entries and sitemap entry."""

    html: str
    search: list[dict[str, Any]] | None
    """The page's entries in the search index (``None``: the site has no search index)."""
    sitemap: str | None
    """The page's ``<url>`` element in ``sitemap.xml``, when it has one."""
    logs: list[tuple[str, int, str]] = field(default_factory=list)
    """What the engine said about the page (``Doc file 'x.md' contains...``), said again when it is reused."""


class PageStore:
    """Built pages in a store (``digest.store``), one compressed JSON entry each."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store = Store(folder, ".page.z")

    def get(self, key: str) -> Entry | None:
        """The entry stored under ``key``, or ``None`` (a corrupt entry is a miss)."""
        try:
            data = json.loads(zlib.decompress(self.store.read(key) or b""))
            logs = [(str(name), int(level), str(message)) for name, level, message in data["logs"]]
            return Entry(html=data["html"], search=data["search"], sitemap=data["sitemap"], logs=logs)
        except (ValueError, TypeError, KeyError, zlib.error):
            return None

    def has(self, key: str) -> bool:
        """Whether an entry is stored under ``key`` (without reading it)."""
        return self.store.has(key)

    def put(self, key: str, entry: Entry) -> None:
        """Store an entry atomically; failing to write only costs the entry."""
        self.store.write(key, zlib.compress(json.dumps(asdict(entry), ensure_ascii=False).encode("utf-8"), 1))

    def prune(self, keep: Iterable[str]) -> None:
        """Remove every entry whose key is not in ``keep``, and the least recently used past the size limit."""
        self.store.prune(keep)


def supported(plugins: Iterable[str], hooks: Any) -> bool:
    """Whether every configured plugin keeps pages independent of each other."""
    return set(plugins) <= PLUGINS and not hooks


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


def folder_hash(folder: str | Path | None) -> str:
    """A hash of every file under a folder (a theme's ``custom_dir``, whose templates pages include)."""
    digest = hashlib.sha256()
    if folder and Path(folder).is_dir():
        root = Path(folder)
        for path in sorted(root.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def shared_key(config: Mapping[str, Any], nav: Iterable[tuple[str, str | None, bytes]]) -> str:
    """A hash of everything every page's HTML depends on besides its own Markdown.

    ``config`` is the site configuration as plain data (everything but where the site is
    written); ``nav`` gives each page of the navigation as ``(path, title, source)``, the
    source counting only where no title is given (the page's heading is then its title).
    """
    state = {
        "versions": _versions(),
        "config": _plain(config),
        "nav": [
            [path, title, None if title is not None else hashlib.sha256(source).hexdigest()]
            for path, title, source in nav
        ],
    }
    return hashlib.sha256(json.dumps(state, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def page_key(shared: str, src_uri: str, source: bytes, targets: Mapping[str, bool]) -> str:
    """The key of one page: the shared state, its path, its file's bytes and which link targets exist."""
    digest = hashlib.sha256(shared.encode())
    digest.update(b"\0" + src_uri.encode("utf-8") + b"\0")
    digest.update(source)
    digest.update(b"\0" + json.dumps(sorted(targets.items())).encode("utf-8"))
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


def assign(sizes: Mapping[str, int], workers: int) -> dict[str, int]:
    """Share pages among workers, largest first to the least loaded (deterministic)."""
    loads = [0] * workers
    share = {}
    for name, size in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
        worker = min(range(workers), key=lambda index: (loads[index], index))
        share[name] = worker
        loads[worker] += size + 2000
    return share
