"""Writing generated pages into a docs tree and building the site with a site engine.

Page generation does not depend on the site engine: ``write_pages`` leaves plain
Markdown in the docs folder, which any engine reading ``mkdocs.yml`` can build
(``digest.publish.engines`` runs MkDocs or Zensical and finishes the result).
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
from collections.abc import Iterator
from pathlib import Path

import yaml

from ..models import Digest
from .engines import build_mkdocs, build_site_with
from .mkdocs_config import config_value, docs_dir, minify_setting
from .pagecache import PageStore
from .project import Project, default_config
from .writing import render_pages, write_pages

log = logging.getLogger(__name__)


def build_site(
    digest: Digest,
    project: Project,
    site_dir: Path,
    *,
    jobs: int = 1,
    cache_dir: Path | None = None,
    engine: str | None = None,
) -> None:
    """Render, write and build the whole site into ``site_dir``, atomically.

    ``jobs`` processes render the site's pages; with a ``cache_dir``, pages unchanged
    since the last build of this project are reused (``digest.publish.pagecache``).
    """
    publish(render_pages(digest, project), project, site_dir, jobs=jobs, cache_dir=cache_dir, engine=engine)


def publish(
    pages: dict[str, str],
    project: Project,
    site_dir: Path,
    *,
    jobs: int = 1,
    cache_dir: Path | None = None,
    engine: str | None = None,
) -> None:
    """Write rendered pages, build them with the site engine and finish them, into ``site_dir``, atomically.

    ``pages`` is emptied once written, so that its memory is free before the engine runs.
    ``engine`` is ``mkdocs`` or ``zensical`` (default: the project's ``site_engine``).
    """
    engine = engine or project.settings.site_engine
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    kept = kept_docs(cache_dir, project) if engine == "mkdocs" else None
    with tempfile.TemporaryDirectory(prefix=".digest-", dir=site_dir.parent) as work, docs_folder(kept) as own:
        staging = Path(work) / "site"
        if project.config_file is None:
            docs = own or Path(work) / "docs"
            write_pages(pages, docs)
            config = default_config(docs, project.settings.title)
            config_path = Path(work) / "mkdocs.yml"
            config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        else:
            config_path = project.config_file
            write_pages(pages, docs_dir(config_path))
        pages.clear()
        release_memory()
        store = page_store(cache_dir, project)
        build_site_with(
            engine,
            config_path,
            staging,
            minify=minify_setting(config_path),
            jobs=jobs,
            store=PageStore(store) if store is not None else None,
            previous=site_dir if site_dir.is_dir() else None,
        )
        swap_in(staging, site_dir)


def kept_docs(cache_dir: Path | None, project: Project) -> Path | None:
    """Where a bare folder of articles keeps its generated docs tree between builds (none without a cache)."""
    if cache_dir is None or project.config_file is not None:
        return None
    place = str(project.corpus.resolve())
    return cache_dir.resolve() / "docs" / hashlib.sha256(place.encode("utf-8")).hexdigest()[:16]


@contextlib.contextmanager
def docs_folder(kept: Path | None) -> Iterator[Path | None]:
    """The kept docs folder, held for this build alone; ``None`` (write a temporary one) when another build holds it.

    Kept between builds, the docs tree is rewritten only where pages changed (``write_pages``),
    and no build creates and removes a folder per page for it.
    """
    if kept is None:
        yield None
        return
    try:
        import fcntl
    except ImportError:  # not POSIX: a temporary docs tree every time
        yield None
        return
    kept.mkdir(parents=True, exist_ok=True)
    with open(kept.with_name(kept.name + ".lock"), "w", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield None
            return
        yield kept


def release_memory() -> None:
    """Collect garbage and hand freed heap back to the system (glibc), before the engine and its workers."""
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
    """Build a written docs tree with MkDocs into ``site_dir`` and finish it (``pages``: the page store's folder)."""
    build_mkdocs(
        config_path,
        site_dir,
        minify=minify_setting(config_path),
        jobs=jobs,
        store=PageStore(pages) if pages is not None else None,
    )


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
