"""Writing generated pages into a docs tree and building the site with MkDocs.

Page generation does not depend on the site engine: ``write_pages`` leaves plain
Markdown in the docs folder, which any engine reading ``mkdocs.yml`` can build.
The build itself happens in a folder beside the target and is swapped in at the
end, so a failed or interrupted build leaves the previous site as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .models import Digest
from .read import yaml_problem
from .render import Renderer
from .settings import Settings

log = logging.getLogger(__name__)

MIN_SHARED = 40
"""Fewer pages than this are built in one process whatever ``--jobs`` says."""
GENERATED = ("index.md", "storylines", "sources", "speakers", "outlets", "assets/digest")
"""What ``write_pages`` owns inside a docs folder (and removes before writing)."""
SETTINGS_FILE = "digest.yml"


class ConfigError(Exception):
    """A project configuration that cannot be used."""


@dataclass(frozen=True, slots=True)
class Project:
    """Where a digest's corpus, pages and configuration live."""

    corpus: Path
    settings: Settings
    config_file: Path | None
    """The project's ``mkdocs.yml``; ``None`` builds with the packaged default configuration."""
    templates: Path | None = None


def load_project(corpus: Path | None) -> Project:
    """Find the project for a corpus argument (``None``: the current folder's ``mkdocs.yml``)."""
    root = Path.cwd() if corpus is None else corpus
    if not root.is_dir():
        raise ConfigError(f"{root}: not a folder")
    settings_data = _read_settings(root / SETTINGS_FILE)
    corpus_name = settings_data.pop("corpus", None)
    templates = settings_data.pop("templates", None)
    settings = _settings(root / SETTINGS_FILE, settings_data)
    config = root / "mkdocs.yml"
    if config.is_file():
        folder = root / (corpus_name or ("seeds" if (root / "seeds").is_dir() else "articles"))
        return Project(folder if folder.is_dir() else root, settings, config, root / templates if templates else None)
    if corpus is None:
        raise ConfigError("no mkdocs.yml here: name a folder of articles, e.g. `digest build ~/my-articles`")
    return Project(root, settings, None, None)


def _read_settings(path: Path) -> dict[str, Any]:
    """Read ``digest.yml`` when present."""
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(yaml_problem(str(path), exc)) from None
    if data is not None and not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of setting names to values")
    return dict(data or {})


def _settings(path: Path, data: dict[str, Any]) -> Settings:
    """Validate settings, naming the file in the message."""
    try:
        return Settings.from_mapping(data)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: {exc}") from None


def default_config(docs_dir: Path, title: str) -> dict[str, Any]:
    """The packaged site configuration for a bare folder of articles."""
    from mkdocs.utils import yaml_load  # reads MkDocs' own tags (``!ENV``) as MkDocs does

    text = (resources.files("digest") / "default_mkdocs.yml").read_text(encoding="utf-8")
    config = yaml_load(text)
    config["site_name"] = title
    config["docs_dir"] = str(docs_dir)
    return dict(config)


def write_pages(pages: dict[str, str], docs_dir: Path) -> None:
    """Make the generated part of ``docs_dir`` hold exactly ``pages`` (hand-written pages stay).

    Files whose text is unchanged are left alone (a rebuild after a small change rewrites a
    few files, not thousands); generated files no longer wanted, and any symbolic link among
    the generated files, are removed first, so nothing is ever written through a link.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    root = docs_dir.resolve()
    css = (resources.files("digest") / "assets" / "digest.css").read_text(encoding="utf-8")
    wanted = {**pages, "assets/digest/digest.css": css}
    for name in GENERATED:
        target = docs_dir / name
        if target.is_symlink() or (target.exists() and not target.is_dir()):
            if target.is_symlink() or name not in wanted:
                target.unlink()
        elif target.is_dir():
            for path in sorted(target.rglob("*"), reverse=True):
                if path.is_symlink() or (path.is_file() and path.relative_to(docs_dir).as_posix() not in wanted):
                    path.unlink()
                elif path.is_dir() and not any(path.iterdir()):
                    path.rmdir()
    for rel, text in sorted(wanted.items()):
        path = (docs_dir / rel).resolve()
        if not path.is_relative_to(root):
            raise ValueError(f"refusing to write outside the docs folder: {rel}")
        data = text.encode("utf-8")
        try:
            if path.read_bytes() == data:
                continue
        except OSError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def render_pages(digest: Digest, project: Project) -> dict[str, str]:
    """Render every generated page of a digest."""
    return Renderer(digest, project.settings, project.templates).pages()


def build_site(
    digest: Digest, project: Project, site_dir: Path, *, jobs: int = 1, cache_dir: Path | None = None
) -> None:
    """Render, write and build the whole site into ``site_dir``, atomically.

    ``jobs`` processes render the site's pages; with a ``cache_dir``, pages unchanged
    since the last build of this project are reused (``digest.pagecache``).
    """
    publish(render_pages(digest, project), project, site_dir, jobs=jobs, cache_dir=cache_dir)


def publish(
    pages: dict[str, str], project: Project, site_dir: Path, *, jobs: int = 1, cache_dir: Path | None = None
) -> None:
    """Write rendered pages and build them into ``site_dir``, atomically.

    ``pages`` is emptied once written, so that its memory is free before MkDocs runs.
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".digest-", dir=site_dir.parent) as work:
        staging = Path(work) / "site"
        if project.config_file is None:
            docs = Path(work) / "docs"
            write_pages(pages, docs)
            config = default_config(docs, project.settings.title)
            config_path = Path(work) / "mkdocs.yml"
            config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        else:
            config_path = project.config_file
            write_pages(pages, _docs_dir(config_path))
        pages.clear()
        release_memory()
        run_mkdocs(config_path, staging, jobs=jobs, pages=page_store(cache_dir, project))
        swap_in(staging, site_dir)


def release_memory() -> None:
    """Collect garbage and hand freed heap back to the system (glibc), before MkDocs and its workers."""
    import ctypes
    import gc

    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the memory stays reusable here
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def page_store(cache_dir: Path | None, project: Project) -> Path | None:
    """The folder of a project's stored pages under a cache folder (one per project)."""
    if cache_dir is None:
        return None
    place = str((project.config_file or project.corpus).resolve())
    return cache_dir / "pages" / hashlib.sha256(place.encode("utf-8")).hexdigest()[:16]


def _docs_dir(config_file: Path) -> Path:
    """The docs folder a ``mkdocs.yml`` names (``docs`` by default)."""
    return config_file.parent / str(_config_value(config_file, "docs_dir", "docs"))


def default_site_dir(project: Project) -> Path:
    """Where a build writes when not told: the project's ``site_dir`` beside its ``mkdocs.yml``, else ``./site``."""
    if project.config_file is None:
        return Path("site")
    return project.config_file.parent / str(_config_value(project.config_file, "site_dir", "site"))


def _config_value(config_file: Path, key: str, default: str) -> object:
    """One top-level value of a ``mkdocs.yml`` (MkDocs' own tags read as absent)."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    value = data.get(key) if isinstance(data, dict) else None
    return default if value is None else value


class _LenientLoader(yaml.SafeLoader):
    """Safe loader that ignores MkDocs' custom tags (``!ENV``, ``!!python/name``) instead of failing."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def run_mkdocs(config_path: Path, site_dir: Path, *, jobs: int = 1, pages: Path | None = None) -> None:
    """Build with MkDocs into ``site_dir``.

    ``pages`` is a folder where the ``digest`` plugin keeps what MkDocs made of each
    page (``digest.pagecache``): pages whose Markdown and surroundings are unchanged are
    reused instead of rendered. With ``jobs`` > 1, that many processes first render
    their share of the pages into the store (a temporary one without ``pages``), and
    the site is then assembled from it. The site is the same in every case.
    """
    if jobs > 1 and _page_count(config_path) < MIN_SHARED:
        jobs = 1  # starting processes would cost more than they save
    if jobs > 1 and pages is not None and any(pages.glob("*/*.json.z")) and _to_render(config_path, pages) < MIN_SHARED:
        jobs = 1  # a rebuild with few changed pages: nothing to share out
    if jobs > 1:
        with tempfile.TemporaryDirectory(prefix=".digest-pages-", dir=site_dir.parent) as work:
            store = pages or Path(work) / "pages"
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                shares = [
                    pool.submit(_render_share, config_path, Path(work) / f"site-{index}", store, (index, jobs))
                    for index in range(jobs)
                ]
                for share in shares:
                    share.result()
            _mkdocs(config_path, site_dir, store, prune=pages is not None)
    else:
        _mkdocs(config_path, site_dir, pages, prune=pages is not None)


def _page_count(config_path: Path) -> int:
    """How many Markdown pages the configuration's docs folder holds."""
    return sum(1 for _ in _docs_dir(config_path).rglob("*.md"))


def _to_render(config_path: Path, pages: Path) -> int:
    """How many of the configuration's pages the store at ``pages`` does not hold yet."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation

    from .pagecache import PageStore, page_key, shared_key, supported
    from .plugin import yaml_mapping

    quiet = logging.getLogger("mkdocs")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # the build itself says whatever is wrong with the configuration
    try:
        config = load_config(config_file=str(config_path))
        if not supported(config):
            return MIN_SHARED
        files = get_files(config)
        shared = shared_key(config, get_navigation(files, config), yaml_mapping(config.config_file_path))
    finally:
        quiet.setLevel(level)
    store = PageStore(pages)
    return sum(1 for f in files.documentation_pages() if not store.has(page_key(shared, f.src_uri, f.content_bytes)))


def _render_share(config_path: Path, site_dir: Path, store: Path, worker: tuple[int, int]) -> None:
    """In a worker process: render this worker's share of the pages into the store."""
    from .plugin import NothingToRender

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with contextlib.suppress(NothingToRender):
        _mkdocs(config_path, site_dir, store, worker=worker)


def _mkdocs(
    config_path: Path, site_dir: Path, store: Path | None, *, prune: bool = False, worker: tuple[int, int] | None = None
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .pagecache import PageStore
    from .plugin import DigestPlugin

    config = load_config(config_file=str(config_path), site_dir=str(site_dir))
    plugin = config.plugins.get("digest")
    if isinstance(plugin, DigestPlugin):  # MkDocs keeps plugin instances between loads: set every field
        plugin.store = PageStore(store) if store is not None else None
        plugin.prune, plugin.worker = prune, worker
    elif worker is not None:
        return
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def swap_in(staging: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` with ``staging`` in two renames; the old site survives any failure before."""
    old = site_dir.with_name(site_dir.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        os.replace(site_dir, old)
    os.replace(staging, site_dir)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)
