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
from pathlib import Path

import yaml

from ..models import Digest
from .mkdocs_config import MIN_SHARED, config_value, docs_dir
from .project import Project, default_config
from .writing import render_pages, write_pages

log = logging.getLogger(__name__)


def build_site(
    digest: Digest, project: Project, site_dir: Path, *, jobs: int = 1, cache_dir: Path | None = None
) -> None:
    """Render, write and build the whole site into ``site_dir``, atomically.

    ``jobs`` processes render the site's pages; with a ``cache_dir``, pages unchanged
    since the last build of this project are reused (``digest.publish.pagecache``).
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
            write_pages(pages, docs_dir(config_path))
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


def default_site_dir(project: Project) -> Path:
    """Where a build writes when not told: the project's ``site_dir`` beside its ``mkdocs.yml``, else ``./site``."""
    if project.config_file is None:
        return Path("site")
    return project.config_file.parent / str(config_value(project.config_file, "site_dir", "site"))


def run_mkdocs(config_path: Path, site_dir: Path, *, jobs: int = 1, pages: Path | None = None) -> None:
    """Build with MkDocs into ``site_dir``.

    ``pages`` is a folder where the ``digest`` plugin keeps what MkDocs made of each
    page (``digest.publish.pagecache``): pages whose Markdown and surroundings are unchanged are
    reused instead of rendered. With ``jobs`` > 1, that many processes first render
    their share of the pages into the store (a temporary one without ``pages``), and
    the site is then assembled from it. The site is the same in every case.
    """
    if jobs > 1 and _page_count(config_path) < MIN_SHARED:
        jobs = 1  # starting processes would cost more than they save
    if jobs > 1 and pages is not None and _has_pages(pages) and _to_render(config_path, pages) < MIN_SHARED:
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


def _has_pages(pages: Path) -> bool:
    """Whether the page store at ``pages`` holds any page yet."""
    from .pagecache import PageStore

    return not PageStore(pages).is_empty()


def _page_count(config_path: Path) -> int:
    """How many Markdown pages the configuration's docs folder holds."""
    return sum(1 for _ in docs_dir(config_path).rglob("*.md"))


def _to_render(config_path: Path, pages: Path) -> int:
    """How many of the configuration's pages the store at ``pages`` does not hold yet."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation

    from .mkdocs_config import yaml_mapping
    from .pagecache import PageStore, page_key, shared_key, supported

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
        plugin.configure(PageStore(store) if store is not None else None, prune=prune, worker=worker, shared=MIN_SHARED)
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
