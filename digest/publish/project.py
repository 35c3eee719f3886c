"""A digest project: where its corpus, settings, templates and site configuration live."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..read import yaml_problem
from ..settings import Settings

SETTINGS_FILE = "digest.yml"


class ConfigError(Exception):
    """A project configuration that cannot be used."""


@dataclass(frozen=True, slots=True)
class Project:
    """Where a digest's corpus, pages and configuration live."""

    corpus: Path
    settings: Settings
    config_file: Path | None
    """The project's ``mkdocs.yml``; ``None`` builds with the packaged default configuration."""
    templates: Path | None = None


def load_project(corpus: Path | None) -> Project:
    """Find the project for a corpus argument (``None``: the current folder's ``mkdocs.yml``)."""
    root = Path.cwd() if corpus is None else corpus
    if not root.is_dir():
        raise ConfigError(f"{root}: not a folder")
    settings_data = _read_settings(root / SETTINGS_FILE)
    corpus_name = settings_data.pop("corpus", None)
    templates = settings_data.pop("templates", None)
    settings = _settings(root / SETTINGS_FILE, settings_data)
    config = root / "mkdocs.yml"
    if config.is_file():
        folder = root / (corpus_name or ("seeds" if (root / "seeds").is_dir() else "articles"))
        return Project(folder if folder.is_dir() else root, settings, config, root / templates if templates else None)
    if corpus is None:
        raise ConfigError("no mkdocs.yml here: name a folder of articles, e.g. `digest build ~/my-articles`")
    return Project(root, settings, None, None)


def _read_settings(path: Path) -> dict[str, Any]:
    """Read ``digest.yml`` when present."""
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(yaml_problem(str(path), exc)) from None
    if data is not None and not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of setting names to values")
    return dict(data or {})


def _settings(path: Path, data: dict[str, Any]) -> Settings:
    """Validate settings, naming the file in the message."""
    try:
        return Settings.from_mapping(data)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: {exc}") from None


def default_config(docs_dir: Path, title: str) -> dict[str, Any]:
    """The packaged site configuration for a bare folder of articles."""
    from mkdocs.utils import yaml_load  # reads MkDocs' own tags (``!ENV``) as MkDocs does

    text = (resources.files("digest") / "default_mkdocs.yml").read_text(encoding="utf-8")
    config = yaml_load(text)
    config["site_name"] = title
    config["docs_dir"] = str(docs_dir)
    return dict(config)
