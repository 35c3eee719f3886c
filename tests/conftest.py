"""Shared fixtures: the repository's paths and a built seeds site (built once per run)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def pytest_configure(config: pytest.Config) -> None:
    """Keep the extraction cache of test builds out of the user's home."""
    import os
    import tempfile

    os.environ["XDG_CACHE_HOME"] = config.stash[_CACHE] = tempfile.mkdtemp(prefix="digest-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the test builds' extraction cache."""
    if _CACHE in config.stash:
        shutil.rmtree(config.stash[_CACHE], ignore_errors=True)


_CACHE = pytest.StashKey[str]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite the golden files from the current output.")
    parser.addoption(
        "--update-screenshots",
        action="store_true",
        help="Also write the README's screenshots (docs/assets/screenshots/) from the page tests.",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def update_screenshots(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-screenshots"))


@pytest.fixture(scope="session")
def seeds_digest():
    """The analysed seeds corpus."""
    from digest.pipeline import analyse
    from digest.publish import load_project

    project = load_project(SEEDS)
    return analyse(project.corpus, project.settings)


def copy_project(target: Path) -> Path:
    """Copy the repository's site project (mkdocs.yml, digest.yml, hand-written docs, seeds) into ``target``."""
    from digest.publish.mkdocs_config import GENERATED

    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "digest.yml"):
        shutil.copy(ROOT / name, target / name)
    shutil.copytree(ROOT / "seeds", target / "seeds")

    def hand_written(folder: str, names: list[str]) -> list[str]:
        """Leave out what a local build generated into the repository's docs folder."""
        return [n for n in names if Path(folder) == ROOT / "docs" and n in GENERATED]

    shutil.copytree(ROOT / "docs", target / "docs", ignore=hand_written)
    return target


@pytest.fixture(scope="session")
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's site project (mkdocs.yml, digest.yml, docs, seeds)."""
    return copy_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="session")
def built_site(project_copy: Path) -> Iterator[Path]:
    """The seeds site, built for real with MkDocs from the project configuration."""
    from click.testing import CliRunner

    from digest.cli import cli

    site = project_copy / "site"
    result = CliRunner().invoke(cli, ["build", str(project_copy), "--site-dir", str(site)])
    assert result.exit_code == 0, result.output
    yield site


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, its links and its ids (however the HTML is quoted)."""

    def __init__(self, html: str = "") -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        """The attributes of every ``tag`` element whose attributes include ``wanted``."""
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in wanted.items())]


@pytest.fixture(scope="session")
def synthetic_reading(tmp_path_factory: pytest.TempPathFactory):
    """A 300-article synthetic corpus (``benchmarks/corpus.py``), read and extracted as the pipeline does."""
    import subprocess
    import sys

    from digest.pipeline import read_and_extract

    folder = tmp_path_factory.mktemp("synthetic-300") / "corpus"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "corpus.py"), str(folder), "--articles", "300", "--seed", "5"],
        check=True,
        capture_output=True,
    )
    return read_and_extract(folder, {})


def pickling_map(func, items):
    """An engine's map in this process, every task and result through pickle as a cluster's would go."""
    import pickle

    return [pickle.loads(pickle.dumps(func(pickle.loads(pickle.dumps(item))))) for item in items]
