"""A shared MkDocs build gives the site one process gives, however many shares and rounds it takes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digest.pipeline import analyse
from digest.publish import engines, publish, render_pages
from digest.publish.project import load_project

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_many_small_shares_in_rounds_build_the_site_one_process_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "articles"
    shutil.copytree(SEEDS, corpus)
    project = load_project(corpus)
    digest = analyse(corpus, project.settings)
    publish(render_pages(digest, project), project, tmp_path / "one", jobs=1)
    # Forked workers see these: the sample's pages in several rounds of two shares.
    monkeypatch.setattr(engines, "MIN_SHARED", 4)
    monkeypatch.setattr(engines, "SHARE_PAGES", 3)
    pages = render_pages(digest, project)
    assert len(pages) > 4 * engines.SHARE_PAGES, "enough pages for more than one round of two shares"
    publish(pages, project, tmp_path / "shared", jobs=2)
    one, shared = _files(tmp_path / "one"), _files(tmp_path / "shared")
    assert sorted(one) == sorted(shared)
    assert [name for name in one if one[name] != shared[name]] == []
