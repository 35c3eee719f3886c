"""``digest new``: a new digest project that builds at once."""

from __future__ import annotations

import json
from importlib import metadata, resources
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
PLACEHOLDER = "git+https://github.com/OWNER/REPO"
"""What the Pages workflow installs digest from when nobody said where digest's repository is."""
DISTRIBUTION = "storyline-digest"


class ScaffoldError(Exception):
    """The target folder cannot take a new project."""


def new_project(target: Path, title: str, install: str = PLACEHOLDER) -> list[Path]:
    """Write a new project into ``target`` (absent or empty) and return the files written.

    ``install`` is the pip requirement the Pages workflow installs digest from, for example
    ``git+https://github.com/OWNER/REPO`` naming the repository digest is published in.
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target}: exists and is not an empty folder")
    if not install.strip() or any(c in install for c in "\n\"'`$"):
        raise ScaffoldError(f"{install!r}: not a pip requirement or URL to install digest from")
    packaged = resources.files("digest") / "scaffold"
    written = []
    for rel, source in FILES.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = (packaged / source).read_text(encoding="utf-8")
        path.write_text(text.replace("My news digest", title).replace(PLACEHOLDER, install), encoding="utf-8")
        written.append(path)
    written.append(_mkdocs_yml(target, title))
    (target / "docs").mkdir(exist_ok=True)
    return written


def installed_from() -> str | None:
    """Where this digest was installed from, when that is a repository others can install from too.

    pip records a direct install's origin (PEP 610 ``direct_url.json``); a version-control
    URL (``git+https://…``) works in a workflow, a local folder does not.
    """
    try:
        recorded = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
        origin = json.loads(recorded or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        return None
    vcs = origin.get("vcs_info") or {}
    url = str(origin.get("url") or "")
    if not vcs.get("vcs") or not url.startswith(("https://", "http://", "ssh://")):
        return None
    return f"{vcs['vcs']}+{url}"


def _mkdocs_yml(target: Path, title: str) -> Path:
    """The site configuration: the packaged default, comments and ``!ENV`` tags kept, with this digest's name."""
    text = (resources.files("digest") / "default_mkdocs.yml").read_text(encoding="utf-8")
    lines = [
        yaml.safe_dump({"site_name": title}, allow_unicode=True, width=10_000).strip()
        if line.startswith("site_name:")
        else line
        for line in text.splitlines()
    ]
    lines[0] = "# Site configuration of this digest (MkDocs Material); digest.yml holds digest's own settings."
    path = target / "mkdocs.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
