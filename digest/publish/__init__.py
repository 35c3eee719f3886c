"""Publishing: Markdown pages from a Digest (Jinja2, escaped), written into a docs tree and built by a site engine.

``render`` builds the pages (with ``formatting``, ``lookups``, ``escape``, ``diff`` and ``collation``);
``writing`` puts them into the docs tree; ``site`` has ``engines`` build it (MkDocs through its
public API, in parallel and through the page store, ``pagecache``; or Zensical's command line)
and ``finish`` sanitise (``sanitize``) and minify what the engine built; ``plugin`` is the thin
MkDocs plugin for ``mkdocs serve``. The plugin is not imported here: it needs MkDocs, which only
the build itself loads.
"""

from __future__ import annotations

from .project import ConfigError, Project, default_config, load_project
from .site import build_site, default_site_dir, publish, release_memory, run_mkdocs
from .writing import render_pages, write_pages

__all__ = [
    "ConfigError",
    "Project",
    "build_site",
    "default_config",
    "default_site_dir",
    "load_project",
    "publish",
    "release_memory",
    "render_pages",
    "run_mkdocs",
    "write_pages",
]
