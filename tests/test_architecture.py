"""The shape of ``digest/``: import direction between stage packages, no private imports, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "digest"

EVERYWHERE = frozenset({"models", "settings", "unionfind"})
"""What any part of ``digest`` may import: the frozen values, the settings and union-find."""

ALLOWED_IMPORTS: dict[str, frozenset[str]] = {
    "text": EVERYWHERE,
    "read": EVERYWHERE | {"text"},
    "quotes": EVERYWHERE | {"text"},
    "speakers": EVERYWHERE | {"text", "quotes"},
    "group": EVERYWHERE | {"text", "quotes", "speakers"},
    # The plugin regenerates the pages under ``mkdocs serve``: it runs the recipe (``pipeline``);
    # built pages are kept in the content-addressed ``store`` the extraction cache uses too.
    "publish": EVERYWHERE | {"text", "read", "quotes", "speakers", "group", "pipeline", "store"},
}
"""For each stage package, the other parts of ``digest`` it may import (a package or a top-level module).

Imports only go down the pipeline: text, then read, quotes, speakers, group, publish.
"""

MAX_LINES = 600
"""Longest module allowed anywhere in ``digest``."""


def _modules() -> list[Path]:
    return sorted(ROOT.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = ("digest", *path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """Return ``(absolute module, imported names)`` for every import in ``path``."""
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.append((module, [alias.name for alias in node.names]))
    return found


def _part(module: str) -> str | None:
    """Return the part of ``digest`` a module belongs to (``digest.quotes.marks`` -> ``quotes``)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "digest" and len(parts) > 1 else None


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_private_name_imported(path: Path) -> None:
    private = [
        f"{module}.{name}"
        for module, names in _imports(path)
        if _part(module) is not None
        for name in names
        if name.startswith("_")
    ]
    assert not private, f"{path.name} imports private names: {private}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_stage_packages_import_down_the_pipeline(path: Path) -> None:
    own = _part(_module_name(path))
    if own not in ALLOWED_IMPORTS:
        pytest.skip("not a stage package")
    wrong = sorted(
        module
        for module, names in _imports(path)
        for target in [_part(module)]
        if target is not None
        and target != own
        and target not in ALLOWED_IMPORTS[own]
        and not (module == "digest" and all(_part(f"digest.{n}") in ALLOWED_IMPORTS[own] | {own} for n in names))
    )
    assert not wrong, f"{path.relative_to(ROOT)} may import only {sorted(ALLOWED_IMPORTS[own])}, imports {wrong}"


def test_modules_are_small() -> None:
    long = {str(p.relative_to(ROOT)): n for p in _modules() if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines in digest/: {long}"


def test_stage_packages_exist() -> None:
    assert all((ROOT / package / "__init__.py").is_file() for package in ALLOWED_IMPORTS)


ENGINE_PACKAGES = ("mkdocs", "material", "zensical")
"""Site engines: the publish step may use only what they document (no private names, modules or attributes)."""


@pytest.mark.parametrize("path", sorted((ROOT / "publish").glob("*.py")), ids=lambda p: p.name)
def test_publishing_uses_no_private_part_of_a_site_engine(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrong = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ENGINE_PACKAGES:
            parts = node.module.split(".") + [alias.name for alias in node.names]
            wrong += [f"{node.module}: {p}" for p in parts if p.startswith("_")]
        elif isinstance(node, ast.Import):
            wrong += [a.name for a in node.names if a.name.split(".")[0] in ENGINE_PACKAGES and "._" in a.name]
        elif (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
        ):
            wrong.append(f"line {node.lineno}: .{node.attr}")
    assert not wrong, f"{path.name} reaches into private parts: {wrong}"
    text = path.read_text(encoding="utf-8")
    for internal in ("InclusionLevel", "search_index.entries", "_title_from_render", "page.render ="):
        assert internal not in text, f"{path.name} uses {internal}"
