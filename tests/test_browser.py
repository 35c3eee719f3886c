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
SUB_PATH = "/digest-demo/"

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    if os.environ.get("DIGEST_REQUIRE_BROWSER"):
        raise RuntimeError("chromium is required for the page tests (apt-get install chromium)")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def base_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the site from a sub-path, as GitHub Pages serves a project site."""
    root = tmp_path_factory.mktemp("www")
    shutil.copytree(built_site, root / SUB_PATH.strip("/"))
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    server.shutdown()


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


def _storyline_url(base_url: str, built_site: Path) -> str:
    (storyline,) = [p.name for p in (built_site / "storylines").iterdir() if p.is_dir()]
    return f"{base_url}storylines/{storyline}/"


def _without_deletions(locator) -> str:
    """The variant as the outlet wrote it: the element's text without the struck-out words."""
    script = "el => { const c = el.cloneNode(true); c.querySelectorAll('del').forEach(d => d.remove());"
    return locator.evaluate(script + " return c.textContent.replace(/\\s+/g, ' '); }")


def _relationship_card(page):
    """The card of al-Araji's "the relationship ... will continue" statement."""
    cards = page.locator(".dg-card", has_text="relationship")
    for i in range(cards.count()):
        if cards.nth(i).locator(".tabbed-labels label").count() >= 4:
            return cards.nth(i)
    raise AssertionError("no card with the four wordings of the relationship statement")


def test_four_variants_on_one_card_with_differences_marked(page, base_url: str, built_site: Path) -> None:
    page.goto(_storyline_url(base_url, built_site))
    card = _relationship_card(page)
    card.scroll_into_view_if_needed()
    labels = card.locator(".tabbed-labels label")
    names = [labels.nth(i).inner_text() for i in range(labels.count())]
    for outlet in ("Sputnik International", "Shafaq News", "teleSUR English", "North Press Agency"):
        assert any(outlet in name for name in names), names
    assert card.locator(".dg-variant del").count() + card.locator(".dg-variant ins").count() > 0
    _shot(page, "storyline-card")
    assert page.console_errors == []


def test_switching_between_outlet_variants(page, base_url: str, built_site: Path) -> None:
    page.goto(_storyline_url(base_url, built_site))
    card = _relationship_card(page)
    for outlet, words in (("teleSUR", "advisory and training camps"), ("North Press", "capacity building")):
        card.locator(".tabbed-labels label", has_text=outlet).click()
        visible = card.locator(".tabbed-block:visible")
        assert words in _without_deletions(visible)
    _shot(page, "storyline-variant-switched")


def test_variant_links_to_its_place_in_the_source_and_back(page, base_url: str, built_site: Path) -> None:
    page.goto(_storyline_url(base_url, built_site))
    card = _relationship_card(page)
    card.locator(".tabbed-labels label", has_text="North Press").click()
    card.locator(".tabbed-block:visible a", has_text="read in").click()
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


def test_dark_mode_toggle(page, base_url: str, built_site: Path) -> None:
    page.goto(_storyline_url(base_url, built_site))
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.locator("body").get_attribute("data-md-color-scheme")
    assert before != after and "slate" in (before, after)
    _relationship_card(page).scroll_into_view_if_needed()
    _shot(page, "storyline-dark")
    assert page.console_errors == []
