"""A thin MkDocs plugin: live reload under ``mkdocs serve``, and finished pages under a plain ``mkdocs build``.

Nothing essential lives here. ``digest build`` writes a complete docs tree, has the site
engine build it and finishes the result itself (``digest.publish.engines``), with or
without this plugin in ``mkdocs.yml``. The plugin adds two things for people who run
MkDocs directly: under ``mkdocs serve`` it regenerates the pages from the corpus before each
build and watches the corpus, and under ``mkdocs build`` or ``serve`` it finishes each page
as ``digest build`` does (``digest.publish.finish``: the generated content sanitised, the
HTML minified). Only MkDocs' public plugin events are used.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, event_priority

from .finish import finish_page
from .mkdocs_config import docs_dir

log = logging.getLogger("mkdocs.plugins.digest")


class DigestConfig(base.Config):
    """The plugin's options in ``mkdocs.yml``."""

    minify = c.Type(bool, default=True)
    """Write every page's HTML minified (whitespace and comments out; scripts and styles untouched)."""


class DigestPlugin(BasePlugin[DigestConfig]):
    """Registered as the ``digest`` plugin."""

    def __init__(self) -> None:
        self.command = "build"
        self.finishing = True
        """Whether this plugin finishes pages; ``digest build`` finishes them after the engine instead."""

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
        if self.command != "serve":
            return
        from ..pipeline import analyse
        from .project import load_project
        from .writing import render_pages, write_pages

        project = load_project(Path(config.config_file_path).parent)
        write_pages(
            render_pages(analyse(project.corpus, project.settings), project), docs_dir(Path(config.config_file_path))
        )

    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        """Finish the page: its generated content sanitised, the HTML minified."""
        if not self.finishing:
            return output
        return finish_page(output, minify=self.config.minify)
