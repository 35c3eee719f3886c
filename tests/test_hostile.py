"""Hostile and broken input: nothing executes, nothing leaks, every bad file is named."""

from __future__ import annotations

import hashlib
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import cli

from .conftest import Tags

ATTACK = """Minister says <script>alert('title')</script> talks went well

Published 5 March 2024

The minister said on Tuesday that “the talks went well and <img src=x onerror=alert('img')> we will meet again,” adding that nothing was decided.

A link [click me](javascript:alert('link')) and an attribute list {: onclick="alert('attr')" } and <iframe src="https://evil.example/"></iframe> and <!-- hidden comment --> stay text.

Template syntax {{ 7*7 }} and {% include 'secret.txt' %} must appear as written, said the spokesman.

# Not a heading

!!! warning "not an admonition"

| not | a table |
|-----|---------|

---
title: not front matter
---
"""

MANIFEST = """script.txt:
  outlet: "</title><script>alert('outlet')</script>"
  url: "javascript:alert('url')"
  title: "\\"><svg onload=alert('svgtitle')>"
"""

PLAIN = "Port strike ends\n\nPublished 5 March 2024\n\nDock workers ended their strike on Tuesday, the union said, after a deal on pay was signed.\n"


class _Active(HTMLParser):
    """Collects anything in a page that could run."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag} {name}={value}")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.found.append("script with alert(")


def _tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file() and not path.is_symlink():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "script.txt").write_text(ATTACK, encoding="utf-8")
    (corpus / "sources.yml").write_text(MANIFEST, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_text("  \n\n\t\n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 20 + b"\x00" * 500)
    for name in ("index.txt", "search.txt", "404.txt", "a b ü.txt", "dup.txt", "dup.md"):
        (corpus / name).write_text(PLAIN.replace("Port strike", f"Port strike {name}"), encoding="utf-8")
    secret = root / "secret.txt"
    secret.write_text("SECRET-TOKEN-93812 said the minister in a long sentence here.\n", encoding="utf-8")
    (corpus / "leak.txt").symlink_to(secret)
    before = _tree_hash(corpus)
    site = root / "site"
    result = CliRunner().invoke(cli, ["build", str(corpus), "--site-dir", str(site)])
    return corpus, site, (result, before)


def test_build_succeeds_and_names_every_bad_file(hostile) -> None:
    _corpus, site, (result, _) = hostile
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("digest: warning:")]
    for name in ("empty.txt", "blank.txt", "binary.txt", "leak.txt"):
        assert sum(name in line for line in warnings) == 1, (name, warnings)
    assert "Traceback" not in result.output
    assert (site / "index.html").is_file()


def test_strict_fails_on_warnings(hostile, tmp_path: Path) -> None:
    corpus, _, _ = hostile
    result = CliRunner().invoke(cli, ["build", str(corpus), "--site-dir", str(tmp_path / "s"), "--strict"])
    assert result.exit_code == 1


def test_nothing_from_the_input_is_active(hostile) -> None:
    _, site, _ = hostile
    for path in site.rglob("*.html"):
        parser = _Active()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.found == [], (path.relative_to(site), parser.found)


def test_syntax_in_articles_is_shown_literally(hostile) -> None:
    _, site, _ = hostile
    pages = [p for p in (site / "sources").rglob("index.html") if "script" in p.parent.name]
    html = pages[0].read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in html and "{% include" in html
    assert "# Not a heading" in html and "!!! warning" in html
    assert "| not | a table |" in html
    assert "<table" not in html.split("Article", 1)[1].split("Quotations", 1)[0]
    assert "&lt;svg onload=alert(" in html, "the manifest's title is shown as text"
    assert "&lt;img src=x onerror=alert(" in html


def test_only_http_links_to_originals(hostile) -> None:
    _, site, _ = hostile
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        hrefs = [attrs.get("href", "") for _, attrs in Tags(html).tags]
        assert not any(href.strip().lower().startswith("javascript") for href in hrefs) and "Original:" not in html


def test_links_outside_the_corpus_are_never_published(hostile) -> None:
    _, site, _ = hostile
    for path in site.rglob("*"):
        if path.is_file():
            assert b"SECRET-TOKEN-93812" not in path.read_bytes(), path


def test_colliding_and_odd_names_get_unique_pages(hostile) -> None:
    _, site, _ = hostile
    pages = sorted(p.parent.name for p in (site / "sources").rglob("index.html") if p.parent != site / "sources")
    assert len(pages) == len(set(pages)) == 7, pages
    assert all(name.isascii() and " " not in name for name in pages)
    assert (site / "search").is_dir() and (site / "404.html").is_file()


def test_corpus_is_never_modified(hostile) -> None:
    corpus, _, (_, before) = hostile
    assert _tree_hash(corpus) == before


def test_interrupted_build_keeps_the_old_site(hostile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, _, _ = hostile
    site = tmp_path / "site"
    assert CliRunner().invoke(cli, ["build", str(corpus), "--site-dir", str(site)]).exit_code == 0
    before = _tree_hash(site)

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("digest.publish.site.build_site_with", interrupted)
    result = CliRunner().invoke(cli, ["build", str(corpus), "--site-dir", str(site)])
    assert result.exit_code != 0
    assert _tree_hash(site) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".digest-")]


def test_malformed_manifest_is_one_line_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "sources.yml").write_text("a.txt:\n  outlet: [unclosed\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(tmp_path)])
    assert result.exit_code == 2
    assert "sources.yml:" in result.output and len(result.output.strip().splitlines()) == 1


def test_nothing_is_written_outside_the_site_dir(hostile, tmp_path: Path) -> None:
    corpus, _, _ = hostile
    out = tmp_path / "inner" / "site"
    out.parent.mkdir()
    result = CliRunner().invoke(cli, ["build", str(corpus), "--site-dir", str(out)])
    assert result.exit_code == 0
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]
    assert os.listdir(tmp_path) == ["inner"]


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("single long line", lambda n: "One line article\n\n" + "word said “x” " * 12_500 * n),
        ("unbalanced marks", lambda n: "Marks article title\n\n" + "“ unbalanced \" ' « " * 5_000 * n),
        (
            "NUL bytes",
            lambda n: (
                "Nul title here\n\n" + "The minister said \x00 that “we will stay,” in the capital.\n\n" * 2_000 * n
            ),
        ),
    ],
)
def test_pathological_text_takes_linear_time(name: str, make, tmp_path: Path) -> None:
    from time import perf_counter

    from digest.pipeline import analyse

    def seconds(n: int) -> float:
        folder = tmp_path / f"{n}"
        folder.mkdir()
        (folder / "a.txt").write_text(make(n), encoding="utf-8")
        started = perf_counter()
        analyse(folder)
        return perf_counter() - started

    small, large = seconds(1), seconds(4)
    assert large < 8 * max(small, 0.05), (name, small, large)
    assert large < 60, (name, large)


TWO_OUTLETS = {
    "a.txt": "Minister says talks with the union went well\n\nPublished 5 March 2024\n\n"
    "The minister said on Tuesday that “the talks went well and <img src=x onerror=alert('img')> we will meet "
    "again next week to sign {{ 7*7 }} the deal on pay,” adding that nothing was decided.\n",
    "b.txt": "Talks with the union went well, minister says\n\nPublished 5 March 2024\n\n"
    "The minister said on Tuesday that “the talks went well and <script>alert('b')</script> we shall meet again "
    "next week to sign {% include 'x' %} the deal on pay,” according to officials.\n",
    "sources.yml": "a.txt:\n  outlet: \"Harbour <b onmouseover=alert('o')>Times</b>\"\n"
    'b.txt:\n  outlet: "Coast \\"><script>alert(\'p\')</script> Wire"\n',
}


def test_a_collation_of_hostile_wordings_is_text(tmp_path: Path) -> None:
    """Two outlets carry one statement, each with markup in its words and its name: the collation shows it all as text."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in TWO_OUTLETS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = CliRunner().invoke(cli, ["build", str(corpus), "--site-dir", str(site)])
    assert result.exit_code == 0, result.output
    (page,) = (site / "storylines").glob("*/index.html")
    html = page.read_text(encoding="utf-8")
    collation = html.split("dg-collation", 1)[1].split("dg-witnesses", 1)[0]
    witnesses = [attrs for _, attrs in Tags(html).tags if "dg-witness" in attrs.get("class", "").split()]
    assert len(witnesses) == 2, "both outlets' wordings are collated"
    for shown in ("&lt;img src=x onerror=", "&lt;script>", "{{ 7*7", "{% include 'x'", "Harbour &lt;b onmouseover="):
        assert shown in collation, shown
    for path in site.rglob("*.html"):
        parser = _Active()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.found == [], (path.relative_to(site), parser.found)
