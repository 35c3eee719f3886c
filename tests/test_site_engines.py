"""The docs tree is engine-neutral: a plain MkDocs build and Zensical build it, finishing happens after."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli
from digest.publish.finish import BEGIN, END, finish_page, finish_site

from .conftest import ROOT, copy_project


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_finishing_sanitises_the_generated_content_and_nothing_of_the_theme() -> None:
    page = (
        '<html><head><script src="theme.js"></script></head><body><article>'
        f'{BEGIN}<p onclick="x()">Said <script>alert(1)</script><a href="javascript:x()">here</a></p>{END}'
        "</article><script>theme()</script></body></html>"
    )
    done = finish_page(page, minify=False)
    assert "alert" not in done and "onclick" not in done and "javascript:" not in done
    assert '<script src="theme.js"></script>' in done and "<script>theme()</script>" in done
    assert BEGIN not in done and END not in done
    assert finish_page("<p>hand-written <b>page</b></p>", minify=False) == "<p>hand-written <b>page</b></p>"


def test_a_plain_mkdocs_build_of_the_docs_tree_makes_the_same_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = CliRunner().invoke(cli, ["build", str(project), "--site-dir", str(tmp_path / "digest"), "--no-cache"])
    assert result.exit_code == 0, result.output

    # The same project without the digest plugin, built by MkDocs' own command line.
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - digest\n" in config
    (project / "plain.yml").write_text(config.replace("  - digest\n", ""), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "plain.yml", "-d", str(tmp_path / "plain")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    plain = tmp_path / "plain"
    storyline = next((plain / "storylines").glob("*/index.html")).read_text(encoding="utf-8")
    assert BEGIN in storyline and "dg-card" in storyline and "training" in storyline

    finish_site(plain)
    assert site_files(plain) == site_files(tmp_path / "digest")


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("zensical", reason="Zensical is not installed (pip install zensical)")
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    site = project / "site"
    result = CliRunner().invoke(cli, ["build", str(project), "--site-engine", "zensical", "--site-dir", str(site)])
    assert result.exit_code == 0, result.output
    assert not list(project.glob(".digest-*")), "the build's own configuration is removed"
    return site


def test_zensical_builds_the_same_docs_tree(zensical_site: Path) -> None:
    pages = sorted(zensical_site.rglob("*.html"))
    assert len(pages) >= 20
    assert all(BEGIN not in p.read_text(encoding="utf-8") for p in pages)
    (storyline,) = list((zensical_site / "storylines").glob("*/index.html"))
    text = storyline.read_text(encoding="utf-8")
    assert text.count("dg-card") >= 10 and "training" in text
    sources = list((zensical_site / "sources").glob("*/index.html"))
    assert len(sources) == 5
    assert all(re.search(r"id=\"?q-[0-9a-f]{10}", p.read_text(encoding="utf-8")) for p in sources)


def test_a_site_engine_named_in_the_settings_is_checked(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    (corpus / "digest.yml").write_text("site_engine: hugo\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(corpus), "--site-dir", str(tmp_path / "site")])
    assert result.exit_code != 0
    assert "site_engine: expected one of mkdocs, zensical" in result.output


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str, wanted: str, timeout: float) -> str:
    """The page at ``url`` once it holds ``wanted`` (the server rebuilds in the background)."""
    import time
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                text = response.read().decode("utf-8")
            if wanted in text:
                return text
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never held {wanted!r}; last seen: {text[:200]!r}")


def test_serve_regenerates_the_pages_when_an_article_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "digest", "serve", str(project), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        home = f"http://127.0.0.1:{port}/"
        first = _fetch(home + "sources/", "Iraqi Security Advisor Claims", timeout=90)
        assert BEGIN not in first  # finished by the plugin, as digest build finishes pages
        article = next(p for p in (project / "seeds").glob("002_*.txt"))
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("Iraqi Security Advisor Claims", "Iraqi Adviser Says", 1), encoding="utf-8")
        _fetch(home + "sources/", "Iraqi Adviser Says", timeout=90)
    finally:
        server.terminate()
        server.wait(timeout=30)
