"""The optional ``sources.yml`` manifest beside the articles, and Markdown front matter."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import ManifestError, SourceError

MANIFEST_NAMES = ("sources.yml", "sources.yaml")
MANIFEST_KEYS = frozenset({"outlet", "url", "published", "title", "language", "storyline", "author"})


def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """Read ``sources.yml`` (file name → metadata); empty when there is none."""
    for name in MANIFEST_NAMES:
        path = folder / name
        if path.is_file():
            return _parse_manifest(path)
    return {}


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The safe YAML loader, in C when PyYAML was built with libyaml (ten times faster on large manifests)."""


def yaml_problem(name: str, exc: yaml.YAMLError) -> str:
    """One line naming the file, the line and what is wrong with its YAML."""
    mark = getattr(exc, "problem_mark", None)
    where = f":{mark.line + 1}" if mark is not None else ""
    return f"{name}{where}: not valid YAML ({getattr(exc, 'problem', None) or exc})"


def _parse_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """Parse and check a manifest file with the safe YAML loader."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise ManifestError(yaml_problem(path.name, exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path.name}: cannot read ({exc})") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, dict | None) for v in data.values()):
        raise ManifestError(f"{path.name}: expected a mapping of file name to metadata")
    return {str(name): _check_entry(path.name, str(name), entry or {}) for name, entry in data.items()}


def _check_entry(manifest: str, name: str, entry: dict[str, Any]) -> dict[str, Any]:
    """Refuse unknown keys in one manifest entry."""
    unknown = sorted(set(map(str, entry)) - MANIFEST_KEYS)
    if unknown:
        raise ManifestError(
            f"{manifest}: {name}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(MANIFEST_KEYS))}"
        )
    return entry


def front_matter(text: str) -> tuple[dict[str, Any], int]:
    """Split YAML front matter off a Markdown article: (metadata, offset where the body starts)."""
    match = re.match(r"---\n(.*?)\n(?:---|\.\.\.)\n", text, re.DOTALL)
    if not match:
        return {}, 0
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise SourceError(f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        return {}, 0
    return {k: v for k, v in data.items() if k in MANIFEST_KEYS}, match.end()
