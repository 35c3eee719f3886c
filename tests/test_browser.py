"""The built seeds site in a real headless Chromium, driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ROOT / "docs" / "assets" / "screenshots"
SUB_PATH = "/digest-demo/"

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    if os.environ.get("DIGEST_REQUIRE_BROWSER"):
        raise RuntimeError("chromium is required for the page tests (apt-get install chromium)")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)


def _serve(root: Path) -> Iterator[str]:
    """Serve ``root`` over HTTP; yield the address of its sub-path."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    server.shutdown()


@pytest.fixture(scope="module")
def base_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the site from a sub-path, as GitHub Pages serves a project site."""
    root = tmp_path_factory.mktemp("www")
    shutil.copytree(built_site, root / SUB_PATH.strip("/"))
    yield from _serve(root)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    yield page
    context.close()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def _readme_shot(page, name: str, update: bool) -> None:
    """A screenshot in test-artifacts/, and with ``--update-screenshots`` also the README's copy."""
    _shot(page, name)
    if update:
        shutil.copyfile(ARTIFACTS / f"{name}.png", SCREENSHOTS / f"{name}.png")


def _storyline_url(base_url: str, built_site: Path) -> str:
    (storyline,) = [p.name for p in (built_site / "storylines").iterdir() if p.is_dir()]
    return f"{base_url}storylines/{storyline}/"


def _relationship_card(page):
    """The card of al-Araji's "the relationship ... will continue" statement, carried by four outlets."""
    cards = page.locator(".dg-card", has_text="relationship")
    for i in range(cards.count()):
        if cards.nth(i).locator(".dg-witness").count() >= 4:
            return cards.nth(i)
    raise AssertionError("no card with the four wordings of the relationship statement")


def _relationship_wordings(seeds_digest) -> dict[str, str]:
    """Each outlet's own wording of the relationship statement, whitespace as single spaces."""
    quotes = {q.id: q for q in seeds_digest.quotes}
    outlets = {a.id: a.outlet for a in seeds_digest.articles}
    (cluster,) = [c for c in seeds_digest.clusters if "relationship" in quotes[c.canonical].text and len(c.quotes) >= 4]
    return {outlets[quotes[q].source]: " ".join(quotes[q].text.split()) for q in cluster.quotes}


def _top(page, locator) -> None:
    """Scroll so that the element starts just under Material's fixed header."""
    locator.evaluate("el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 64)")


ROWS = """el => {
  const places = Array.from(el.querySelectorAll('.dg-collation__places > span'));
  const key = Array.from(el.querySelectorAll('.dg-witness'));
  return key.map((witness, r) => ({
    outlet: witness.querySelector('a').innerText,
    label: Array.from(witness.children, c => c.classList.contains('dg-sr-only') ? '' : c.innerText).join(' ').trim(),
    spoken: witness.querySelector('.dg-sr-only').textContent.replace(/^: /, '').replace(/\\s+/g, ' ').trim(),
    text: places.map(p => p.children[r].innerText).join(' ').replace(/\\s+/g, ' ').trim(),
  }));
}"""
"""Each row of a collation as the eye sees it: the outlet in the key, then its cell in every place."""

MISALIGNED = """el => {
  const box = e => e.getBoundingClientRect();
  const blocks = [el.querySelector('.dg-collation__key'), ...el.querySelectorAll('.dg-collation__places > span')];
  const lines = new Map();
  for (const block of blocks) {
    const top = Math.round(box(block).top);
    if (!lines.has(top)) lines.set(top, []);
    lines.get(top).push(block);
  }
  const wrong = [];
  for (const [top, line] of lines) {
    const rows = line[0].children.length;
    for (let r = 0; r < rows; r++) {
      const tops = new Set(line.map(b => Math.round(box(b.children[r]).top)));
      const lefts = new Set(Array.from(line[0].children, c => Math.round(box(c).left)));
      if (tops.size !== 1) wrong.push(`line at ${top}, row ${r}: ${[...tops]}`);
      if (lefts.size !== 1) wrong.push(`line at ${top}: cells of a place start at ${[...lefts]}`);
    }
  }
  return {wrong, lines: lines.size};
}"""
"""Where a collation's rows are out of line: every block in a visual line must put row r at one height."""


def _check_collation(page, seeds_digest) -> dict[str, str]:
    """Four whole wordings shown at once, each row that outlet's quote, aligned, canonical marked in text."""
    card = _relationship_card(page)
    collation = card.locator(".dg-collation")
    assert card.locator(".tabbed-labels").count() == 0
    rows = collation.evaluate(ROWS)
    wordings = _relationship_wordings(seeds_digest)
    assert sorted(row["outlet"] for row in rows) == sorted(wordings)
    for row in rows:
        assert row["text"] == wordings[row["outlet"]], row
    assert rows[0]["label"].casefold().endswith("canonical")
    assert all("canonical" not in row["label"].casefold() for row in rows[1:])
    assert [row["spoken"] for row in rows] == [row["text"] for row in rows], "screen readers hear each wording whole"
    layout = collation.evaluate(MISALIGNED)
    assert layout["wrong"] == [], layout
    place = collation.locator(".dg-collation__places > span").first
    assert place.is_visible()
    overflow = collation.evaluate("el => el.scrollWidth - el.clientWidth")
    assert overflow <= 1, "the collation scrolls: some of it is hidden"
    assert collation.evaluate("el => el.getBoundingClientRect().right") <= page.viewport_size["width"]
    return {row["outlet"]: row["label"] for row in rows}


def _differences_read_without_colour(card) -> None:
    """Other words are underlined wavy, left-out words shown as [...]: marks that are not only a colour."""
    mark = card.locator(".dg-collation__places mark", has_text="training camps")
    decoration = mark.evaluate(
        "el => getComputedStyle(el).textDecorationLine + ' ' + getComputedStyle(el).textDecorationStyle"
    )
    assert decoration == "underline wavy"
    added = card.page.locator("p.dg-diff ins").first  # the legend's sample: this statement adds no words
    assert (
        added.evaluate("el => getComputedStyle(el).textDecorationLine + ' ' + getComputedStyle(el).textDecorationStyle")
        == "underline double"
    )
    assert added.evaluate("el => getComputedStyle(el, '::before').content") == '"+"'
    gap = card.locator(".dg-collation__places del").first
    assert gap.evaluate("el => getComputedStyle(el, '::before').content") == '"[…]"'
    canonical = card.locator(".dg-collation__places > span > :first-child").first
    assert canonical.evaluate("el => getComputedStyle(el).fontWeight") == "700"


def _luminance(rgb: str) -> float:
    """Relative luminance of a CSS ``rgb()``/``rgba()`` colour."""
    channels = [int(float(v)) / 255 for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_collation_shows_every_wording_whole_at_once(
    page, base_url: str, built_site: Path, seeds_digest, update_screenshots: bool
) -> None:
    page.goto(_storyline_url(base_url, built_site))
    card = _relationship_card(page)
    _top(page, card)
    labels = _check_collation(page, seeds_digest)
    for outlet in ("Sputnik International", "Shafaq News", "teleSUR English", "North Press Agency"):
        assert outlet in labels, labels
    _differences_read_without_colour(card)
    text = card.locator(".dg-collation__places span", has_text="coalition").first.evaluate(
        "el => getComputedStyle(el).color"
    )
    assert _luminance(text) < 0.2
    _readme_shot(page, "collation", update_screenshots)
    assert page.console_errors == []


def test_collation_in_dark_mode(page, base_url: str, built_site: Path, seeds_digest, update_screenshots: bool) -> None:
    page.goto(_storyline_url(base_url, built_site))
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.locator("body").get_attribute("data-md-color-scheme")
    assert before != after and after == "slate"
    card = _relationship_card(page)
    _top(page, card)
    _check_collation(page, seeds_digest)
    _differences_read_without_colour(card)
    text = card.locator(".dg-collation__places span", has_text="coalition").first.evaluate(
        "el => getComputedStyle(el).color"
    )
    assert _luminance(text) > 0.6, "dark scheme: the words are light"
    mark = card.locator(".dg-collation__places mark").first
    probe = """() => {
      const probe = document.createElement('span');
      probe.style.background = 'var(--md-typeset-mark-color)';
      document.querySelector('.md-typeset').append(probe);
      const colour = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return colour;
    }"""
    assert mark.evaluate("el => getComputedStyle(el).backgroundColor") == page.evaluate(probe)
    assert page.evaluate(probe) != "rgba(255, 255, 0, 0.5)", "the dark scheme's own mark colour, not the light one's"
    _readme_shot(page, "collation-dark", update_screenshots)
    assert page.console_errors == []


def test_collation_fits_a_phone(
    browser, base_url: str, built_site: Path, seeds_digest, update_screenshots: bool
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(_storyline_url(base_url, built_site))
        card = _relationship_card(page)
        _top(page, card)
        _check_collation(page, seeds_digest)
        lines = card.locator(".dg-collation").evaluate(MISALIGNED)["lines"]
        assert lines > 2, "at phone width the rows wrap onto several lines"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"
        _readme_shot(page, "collation-phone", update_screenshots)
    finally:
        context.close()


OFF_THE_FIGURE = """el => {
  const figure = el.getBoundingClientRect();
  return Array.from(el.querySelectorAll('.dg-timeline__label, .dg-timeline__day'), label => label.getBoundingClientRect())
    .filter(r => r.left < figure.left - 1 || r.right > figure.right + 1)
    .map(r => [Math.round(r.left), Math.round(r.right)]);
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_timeline_labels_stay_on_the_page(
    browser, base_url: str, built_site: Path, width: int, update_screenshots: bool
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    try:
        page.goto(_storyline_url(base_url, built_site))
        timeline = page.locator(".dg-timeline")
        assert timeline.evaluate(OFF_THE_FIGURE) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        if width == 1280:
            _readme_shot(page, "storyline-top", update_screenshots)
    finally:
        context.close()


def test_each_row_links_to_its_place_in_the_source_and_back(page, base_url: str, built_site: Path) -> None:
    page.goto(_storyline_url(base_url, built_site))
    card = _relationship_card(page)
    key = card.locator(".dg-witness a", has_text="North Press")
    detail = card.locator(".dg-witnesses a", has_text="read in North Press")
    key_href, detail_href = key.get_attribute("href"), detail.get_attribute("href")
    assert key_href.split("#")[1] == detail_href.split("#")[1]
    key.click()
    page.wait_for_load_state()
    assert "/sources/" in page.url and "#q-" in page.url
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    assert "capacity building" in target.inner_text()
    _shot(page, "source-quote")
    target.click()
    page.wait_for_load_state()
    assert "/storylines/" in page.url and "#c-" in page.url
    assert page.locator(f"[id='{page.url.split('#', 1)[1]}']").count() == 1
    detail.click()
    page.wait_for_load_state()
    assert page.url.endswith("#" + anchor)
    assert page.console_errors == []


def test_search_finds_a_statement(page, base_url: str) -> None:
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").type("training advice empowerment", delay=20)
    result = page.locator(".md-search-result__item a", has_text="relationship").first
    result.wait_for(timeout=15000)
    _shot(page, "search")
    result.click()
    page.wait_for_load_state()
    assert "/storylines/" in page.url and "#" in page.url
    heading = page.locator(f"[id='{page.url.split('#', 1)[1]}']")
    card = heading.locator("xpath=ancestor::div[contains(@class, 'dg-card')]")
    assert "relationship" in card.inner_text()
    assert page.console_errors == []


@pytest.fixture(scope="module")
def zensical_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seeds site built with Zensical instead of MkDocs, served from a sub-path."""
    pytest.importorskip("zensical", reason="Zensical is not installed (pip install zensical)")
    from click.testing import CliRunner

    from digest.cli import cli

    from .conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    root = tmp_path_factory.mktemp("www-zensical")
    site = root / SUB_PATH.strip("/")
    result = CliRunner().invoke(cli, ["build", str(project), "--site-engine", "zensical", "--site-dir", str(site)])
    assert result.exit_code == 0, result.output
    yield from _serve(root)


def test_the_site_built_with_zensical_shows_the_collation_and_links_to_the_sources(
    page, zensical_url: str, seeds_digest
) -> None:
    page.goto(zensical_url)
    page.locator("a", has_text="The highest authority in the Iraqi army").first.click()
    page.wait_for_load_state()
    assert "/storylines/" in page.url
    card = _relationship_card(page)
    _top(page, card)
    _shot(page, "zensical-collation")
    wordings = _relationship_wordings(seeds_digest)
    text = " ".join(card.inner_text().split())
    for outlet in wordings:
        assert outlet.split()[0] in text
    key = card.locator(".dg-witness a", has_text="North Press")
    key.click()
    page.wait_for_load_state()
    assert "/sources/" in page.url and "#q-" in page.url
    target = page.locator(f"[id='{page.url.split('#', 1)[1]}']")
    assert target.is_visible() and "capacity building" in target.inner_text()
    assert page.console_errors == []
