"""The page store: unchanged pages are reused, and the site is the same as a clean build's.

Reuse goes through MkDocs' public configuration only (``exclude_docs``); pages in the
navigation are rendered every time, so only the others are ever stored.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from digest.cli import cli
from digest.publish import run_mkdocs
from digest.publish.pagecache import LINK, PageStore, assign, link_targets

from .conftest import SEEDS

MARK = "<!-- from the store -->"


NAV_PAGES = {"index.html", "storylines/index.html", "sources/index.html", "speakers/index.html", "outlets/index.html"}
"""The pages of the packaged navigation, which are rendered on every build."""


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, the gzipped sitemap included (written without a time stamp)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def stored_entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*/*.page.z"))


def mark_store(folder: Path) -> int:
    """Append a marker to every stored page's HTML; return how many there are."""
    store = PageStore(folder)
    paths = stored_entries(folder)
    for path in paths:
        key = path.name.removesuffix(".page.z")
        entry = store.get(key)
        assert entry is not None
        entry.html = entry.html.replace("</body>", MARK + "</body>")
        store.put(key, entry)
    return len(paths)


def build(corpus: Path, site: Path, *options: str) -> None:
    result = CliRunner().invoke(cli, ["build", str(corpus), "--site-dir", str(site), *options])
    assert result.exit_code == 0, result.output


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def test_unchanged_pages_come_from_the_store_and_changed_ones_do_not(corpus: Path, tmp_path: Path) -> None:
    cache = ["--cache-dir", str(tmp_path / "cache")]
    build(corpus, tmp_path / "site", *cache)
    stores = list((tmp_path / "cache" / "pages").iterdir())
    assert len(stores) == 1
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert mark_store(stores[0]) == len(pages) - 1 - len(NAV_PAGES)  # not the theme's 404 page, nor the nav's

    build(corpus, tmp_path / "site", *cache)
    marked = {p.relative_to(tmp_path / "site").as_posix() for p in pages if MARK in p.read_text(encoding="utf-8")}
    assert len(marked) == len(pages) - 1 - len(NAV_PAGES)
    assert not marked & NAV_PAGES

    # Editing one article's wording rebuilds its own page; the other sources' pages are reused.
    article = corpus / "001_daa7cb99880cf29c.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("in Baghdad on January 3", "in Baghdad on 3 January", 1),
        encoding="utf-8",
    )
    build(corpus, tmp_path / "site", *cache)
    source_pages = sorted((tmp_path / "site" / "sources").glob("*/index.html"))
    edited = [p for p in source_pages if p.parent.name.startswith("001-")]
    assert edited and all(MARK not in p.read_text(encoding="utf-8") for p in edited)
    assert sum(MARK in p.read_text(encoding="utf-8") for p in source_pages) == len(source_pages) - len(edited)

    build(corpus, tmp_path / "clean", "--no-cache")
    for path in (tmp_path / "site").rglob("*.html"):
        path.write_text(path.read_text(encoding="utf-8").replace(MARK, ""), encoding="utf-8")
    assert site_files(tmp_path / "site") == site_files(tmp_path / "clean")


def test_a_changed_configuration_rebuilds_every_page(corpus: Path, tmp_path: Path) -> None:
    cache = ["--cache-dir", str(tmp_path / "cache")]
    build(corpus, tmp_path / "site", *cache)
    mark_store(next((tmp_path / "cache" / "pages").iterdir()))
    (corpus / "digest.yml").write_text("title: Another title\n", encoding="utf-8")
    build(corpus, tmp_path / "site", *cache)
    assert not any(MARK in p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))


def test_pages_rendered_by_several_processes_make_the_same_site(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("digest.publish.engines.MIN_SHARED", 1)  # share even the few pages of the seeds
    monkeypatch.setattr("digest.engine.MIN_PARALLEL", 1)
    build(corpus, tmp_path / "one", "--no-cache")
    build(corpus, tmp_path / "two", "--cache-dir", str(tmp_path / "cache"), "-j", "2")
    build(corpus, tmp_path / "three", "--no-cache", "-j", "3")
    stored = list((tmp_path / "cache" / "pages").rglob("*.page.z"))
    assert len(stored) == len(list((tmp_path / "one").rglob("*.html"))) - 1 - len(NAV_PAGES)
    assert site_files(tmp_path / "two") == site_files(tmp_path / "one")
    assert site_files(tmp_path / "three") == site_files(tmp_path / "one")


def small_project(root: Path, plugins: list[str], nav: list[dict[str, str]] | None = None) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nSee [the other page](other.md) and [a missing one](missing.md).\n")
    (docs / "later.md").write_text("# Later\n\nBack [home](index.md#home).\n")
    config: dict[str, object] = {
        "site_name": "t",
        "site_url": "https://example.org/t/",  # so that the sitemap lists every page
        "theme": {"name": "material", "font": False},
        "plugins": plugins,
    }
    if nav:
        config["nav"] = nav
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root / "mkdocs.yml"


def test_warnings_are_repeated_and_new_link_targets_rebuild_the_linking_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = small_project(tmp_path / "p", ["search", "digest"], nav=[{"Later": "later.md"}])
    store = tmp_path / "store"
    for _ in range(2):
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            run_mkdocs(config, tmp_path / "site", pages=store)
        assert [r.levelno for r in caplog.records if "missing.md" in r.getMessage()] == [logging.WARNING]
    assert len(stored_entries(store)) == 1  # index.md, outside the navigation, came from the store the second time
    assert re.search(r'href="?other\.md\b', (tmp_path / "site" / "index.html").read_text(encoding="utf-8"))

    (tmp_path / "p" / "docs" / "other.md").write_text("# Other\n")
    run_mkdocs(config, tmp_path / "site", pages=store)
    run_mkdocs(config, tmp_path / "clean")
    assert re.search(r'href="?other/', (tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert site_files(tmp_path / "site") == site_files(tmp_path / "clean")
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert [m for m in re.findall(r"<loc>(.*?)</loc>", sitemap)] == [
        "https://example.org/t/",
        "https://example.org/t/later/",
        "https://example.org/t/other/",
    ]


def test_other_plugins_build_without_the_store(tmp_path: Path) -> None:
    config = small_project(tmp_path / "p", ["search", "digest", "tags"])
    run_mkdocs(config, tmp_path / "site", pages=tmp_path / "store")
    assert (tmp_path / "site" / "index.html").is_file()
    assert not list((tmp_path / "store").rglob("*.page.z"))


def test_link_targets_and_shares() -> None:
    source = '[a](../sources/x.md#q-1) [b](y.md) [c](https://example.org/z.md) <a href="w.md">w</a>'
    assert link_targets(source, "storylines/s.md") == ["sources/x.md", "storylines/w.md", "storylines/y.md"]
    share = assign({"a.md": 900, "b.md": 500, "c.md": 400, "d.md": 10}, 2)
    assert share == assign(dict(reversed(list({"a.md": 900, "b.md": 500, "c.md": 400, "d.md": 10}.items()))), 2)
    assert share["a.md"] != share["b.md"] and share["b.md"] == share["c.md"]


SIMPLE_LINK = re.compile(r"""(?:\]\(\s*<?|\]:\s*<?|\bhref=["']|\bsrc=["'])([^)\s"'<>#?]+\.md)\b""")
"""What ``LINK`` finds, written the plain (slower) way."""


@given(
    st.lists(
        st.sampled_from(["](", "]:", " <", "href=", "src=", "xhref=", "hsrc=", '"', "'", "a", ".md", "#", "/", " "])
    )
)
def test_the_link_pattern_finds_what_the_plain_one_does(parts: list[str]) -> None:
    text = "".join(parts)
    assert [m.group(1) for m in LINK.finditer(text)] == [m.group(1) for m in SIMPLE_LINK.finditer(text)]


def test_a_page_in_the_navigation_changes_only_itself_when_the_navigation_titles_it(tmp_path: Path) -> None:
    config = small_project(tmp_path / "p", ["search", "digest"], nav=[{"Home": "index.md"}])
    store = tmp_path / "store"
    run_mkdocs(config, tmp_path / "site", pages=store)
    assert mark_store(store) == 1  # later.md; index.md is in the navigation
    (tmp_path / "p" / "docs" / "index.md").write_text("# Home, changed\n\nSee [the other page](other.md).\n")
    run_mkdocs(config, tmp_path / "site", pages=store)
    assert MARK in (tmp_path / "site" / "later" / "index.html").read_text(encoding="utf-8")


def test_an_untitled_page_in_the_navigation_rebuilds_every_page_when_it_changes(tmp_path: Path) -> None:
    config = small_project(tmp_path / "p", ["search", "digest"], nav=["index.md", {"Later": "later.md"}])
    store = tmp_path / "store"
    (tmp_path / "p" / "docs" / "page.md").write_text("# Outside the navigation\n")
    run_mkdocs(config, tmp_path / "site", pages=store)
    assert mark_store(store) == 1  # page.md, the one page outside the navigation
    (tmp_path / "p" / "docs" / "index.md").write_text("# Another heading, so another title in the navigation\n")
    run_mkdocs(config, tmp_path / "site", pages=store)
    assert not any(MARK in p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))


def test_the_engine_is_left_only_the_pages_the_store_lacks() -> None:
    from digest.publish.engines import _exclusions

    names = [
        "index.md",
        "a/one.md",
        "a/two.md",
        "a/three.md",
        "a/four.md",
        "a/index.md",
        "b/x [1].md",
        "b/sub/y.md",
        "s/index.md",
        *(f"s/{i}/index.md" for i in range(6)),
    ]
    left_out = {"a/one.md", "a/two.md", "a/three.md", "b/x [1].md", *(f"s/{i}/index.md" for i in range(5))}
    spec = _exclusions(None, left_out, names)
    assert {p for p in names if spec.match_file(p)} == left_out
    assert len(spec.patterns) == 6  # three of a/ named (not most of it), b/x [1].md, s/*/index.md with s/5 back
