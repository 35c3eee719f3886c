"""``digest new``: a new digest project that builds at once."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

FILES = {
    "digest.yml": "digest.yml",
    "README.md": "README.md",
    ".gitignore": "gitignore",
    ".github/workflows/pages.yml": "pages-workflow.yml",
    "articles/sources.yml": "articles/sources.yml",
    "articles/example.txt": "articles/example.txt",
}
"""Path in the new project → packaged file it is copied from."""


class ScaffoldError(Exception):
    """The target folder cannot take a new project."""


def new_project(target: Path, title: str) -> list[Path]:
    """Write a new project into ``target`` (absent or empty) and return the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target}: exists and is not an empty folder")
    packaged = resources.files("digest") / "scaffold"
    written = []
    for rel, source in FILES.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = (packaged / source).read_text(encoding="utf-8")
        path.write_text(text.replace("My news digest", title), encoding="utf-8")
        written.append(path)
    written.append(_mkdocs_yml(target, title))
    (target / "docs").mkdir(exist_ok=True)
    return written


def _mkdocs_yml(target: Path, title: str) -> Path:
    """The site configuration: the packaged default with this digest's name."""
    config = yaml.safe_load((resources.files("digest") / "default_mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = title
    path = target / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
