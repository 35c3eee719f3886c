"""What the site step and the MkDocs plugin both read: the generated folders and ``mkdocs.yml`` as plain data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

MIN_SHARED = 40
"""Fewer pages than this are built in one process whatever ``--jobs`` says, and left to the final build."""
GENERATED = ("index.md", "storylines", "sources", "speakers", "outlets", "assets/digest")
"""What ``write_pages`` owns inside a docs folder (and removes before writing)."""


class LenientLoader(yaml.SafeLoader):
    """Safe loader that ignores MkDocs' custom tags (``!ENV``, ``!!python/name``) instead of failing."""


LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)
LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def config_value(config_file: Path, key: str, default: object) -> object:
    """One top-level value of a ``mkdocs.yml`` (MkDocs' own tags read as absent)."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=LenientLoader) or {}
    value = data.get(key) if isinstance(data, dict) else None
    return default if value is None else value


def docs_dir(config_file: Path) -> Path:
    """The docs folder a ``mkdocs.yml`` names (``docs`` by default)."""
    return config_file.parent / str(config_value(config_file, "docs_dir", "docs"))


def yaml_mapping(path: str | None) -> dict[str, Any]:
    """A configuration file as plain data, custom tags ignored (for keying only)."""
    if not path:
        return {}
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=LenientLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return dict(data) if isinstance(data, dict) else {}


def is_generated(src_uri: str) -> bool:
    """Whether a page path is one that ``digest`` writes."""
    return any(src_uri == name or src_uri.startswith(name + "/") for name in GENERATED)


def minify_setting(config_file: Path) -> bool:
    """The ``minify`` option of the ``digest`` plugin in a ``mkdocs.yml`` (``true`` when not set)."""
    plugins = yaml_mapping(str(config_file)).get("plugins") or []
    for item in plugins if isinstance(plugins, list) else [plugins]:
        options = item.get("digest") if isinstance(item, dict) else None
        if isinstance(options, dict) and isinstance(options.get("minify"), bool):
            return bool(options["minify"])
    if isinstance(plugins, dict) and isinstance(plugins.get("digest"), dict):
        return bool(plugins["digest"].get("minify", True))
    return True
