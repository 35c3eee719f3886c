"""Rendering a digest's pages and writing them into the generated part of a docs tree."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..models import Digest
from ..store import Memo, Store
from .mkdocs_config import GENERATED, config_value
from .project import Project
from .render import Renderer


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


def render_pages(
    digest: Digest, project: Project, memo: Memo | None = None, rendered: Store | None = None
) -> dict[str, str]:
    """Render every generated page of a digest.

    ``memo`` keeps costly parts between builds, ``rendered`` whole pages under their inputs' key.
    """
    directory_urls = True
    if project.config_file is not None:
        directory_urls = config_value(project.config_file, "use_directory_urls", True) is not False
    return Renderer(
        digest, project.settings, project.templates, directory_urls=directory_urls, memo=memo, rendered=rendered
    ).pages()
