"""A thin MkDocs plugin: sanitise generated pages, and regenerate them on ``mkdocs serve``.

Nothing essential lives only here: ``digest build`` writes the same pages whatever
engine renders them; this adds the second escaping wall and live reload under MkDocs.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin

from .sanitize import clean
from .site import GENERATED

log = logging.getLogger("mkdocs.plugins.digest")


class DigestPlugin(BasePlugin):  # type: ignore[type-arg]
    """Registered as the ``digest`` plugin."""

    def __init__(self) -> None:
        self.command = "build"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        """Watch the corpus so that editing an article rebuilds the site."""
        from .site import load_project

        project = load_project(Path(config.config_file_path).parent)
        server.watch(str(project.corpus))
        return server

    def on_pre_build(self, *, config: Any) -> None:
        """Under ``mkdocs serve``, regenerate the pages from the corpus before each build."""
        if self.command != "serve":
            return
        from .pipeline import analyse
        from .site import _docs_dir, load_project, render_pages, write_pages

        project = load_project(Path(config.config_file_path).parent)
        write_pages(
            render_pages(analyse(project.corpus, project.settings), project), _docs_dir(Path(config.config_file_path))
        )

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        """Sanitise the HTML of generated pages."""
        if is_generated(page.file.src_uri):
            return clean(html)
        return html


def is_generated(src_uri: str) -> bool:
    """Whether a page path is one that ``digest`` writes."""
    return any(src_uri == name or src_uri.startswith(name + "/") for name in GENERATED)
