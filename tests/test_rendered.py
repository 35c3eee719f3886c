"""Rendered pages kept between builds: a kept page is always the page a fresh render gives.

Each test renders with the store and without, and checks both that the pages are the same
and which pages were taken from the store (``Renderer.kept``).
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from digest.models import Digest
from digest.publish import load_project
from digest.publish import rendered as rendered_module
from digest.publish.formatting import template_dirs
from digest.publish.lookups import Site
from digest.publish.render import Renderer
from digest.publish.rendered import PageInputs, render_version, rendered_store
from digest.settings import Settings
from digest.store import Store

from .conftest import SEEDS


class Rendered:
    """One render's pages, and which of them came from the store."""

    def __init__(self, digest: Digest, store: Store | None, settings: Settings | None, options: dict) -> None:
        renderer = Renderer(digest, settings or load_project(SEEDS).settings, rendered=store, **options)
        self.pages = renderer.pages()
        self.kept = renderer.kept


def render(digest: Digest, store: Store | None, settings: Settings | None = None, **options: object) -> Rendered:
    return Rendered(digest, store, settings, options)


def kept_pages(digest: Digest) -> set[str]:
    """Every page the store can keep: storylines', sources' and speakers' pages."""
    site = Site(digest, Settings())
    return (
        {site.storyline_path(s.id) for s in digest.storylines}
        | {site.source_path(a.id) for a in digest.articles}
        | {site.speaker_path(s.id) for s in digest.speakers}
    )


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return rendered_store(tmp_path / "rendered")


def test_kept_pages_are_the_pages_rendered_afresh(seeds_digest: Digest, store: Store) -> None:
    plain = render(seeds_digest, None).pages
    first = render(seeds_digest, store)
    assert first.pages == plain and not first.kept
    again = render(seeds_digest, store)
    assert again.pages == plain
    assert again.kept == kept_pages(seeds_digest)


def test_a_changed_article_renders_again_exactly_the_pages_that_show_it(seeds_digest: Digest, store: Store) -> None:
    render(seeds_digest, store)
    article = seeds_digest.articles[0]
    span = article.body[-1]
    text = article.text[: span.end] + " More." + article.text[span.end :]
    changed_article = replace(article, text=text, body=(*article.body[:-1], replace(span, end=span.end + 6)))
    changed = replace(seeds_digest, articles=(changed_article, *seeds_digest.articles[1:]))
    renderer = render(changed, store)
    assert renderer.pages == render(changed, None).pages
    site = Site(changed, Settings())
    storyline = site.storyline_of[article.id]
    carried = {c.id for c in changed.clusters if article.id in {site.quotes[q].source for q in c.quotes}}
    speakers = {q.speaker for q in changed.quotes if q.source == article.id and q.speaker}
    speakers |= {q.speaker for q in changed.quotes if q.cluster in carried and q.speaker}
    # A speaker whose name the article only spells shows the article's outlet, which is unchanged.
    again = {site.source_path(article.id), site.storyline_path(storyline.id)} | {site.speaker_path(s) for s in speakers}
    assert kept_pages(changed) - renderer.kept == again
    assert len(again) < len(kept_pages(changed))


def test_a_renamed_speaker_renders_again_every_page_that_names_it(seeds_digest: Digest, store: Store) -> None:
    render(seeds_digest, store)
    speaker = next(s for s in seeds_digest.speakers if any(q.speaker == s.id for q in seeds_digest.quotes))
    renamed = replace(speaker, name=speaker.name + " Jr.")
    changed = replace(seeds_digest, speakers=tuple(renamed if s is speaker else s for s in seeds_digest.speakers))
    renderer = render(changed, store)
    assert renderer.pages == render(changed, None).pages
    site = Site(changed, Settings())
    quoted = {q.source for q in changed.quotes if q.speaker == speaker.id}
    assert not {site.source_path(a) for a in quoted} & renderer.kept
    assert site.speaker_path(speaker.id) not in renderer.kept


def test_what_only_a_speakers_page_shows_renders_only_that_page_again(seeds_digest: Digest, store: Store) -> None:
    render(seeds_digest, store)
    speaker = next(s for s in seeds_digest.speakers if any(q.speaker == s.id for q in seeds_digest.quotes))
    source = seeds_digest.articles[-1].id
    other = replace(speaker, aliases=(*speaker.aliases, "Another Name"), spellings=(*speaker.spellings, (source, "X")))
    changed = replace(seeds_digest, speakers=tuple(other if s is speaker else s for s in seeds_digest.speakers))
    renderer = render(changed, store)
    assert renderer.pages == render(changed, None).pages
    assert kept_pages(changed) - renderer.kept == {Site(changed, Settings()).speaker_path(speaker.id)}


def test_changed_settings_render_every_page_again(seeds_digest: Digest, store: Store) -> None:
    render(seeds_digest, store)
    settings = replace(load_project(SEEDS).settings, title="Another digest")
    renderer = render(seeds_digest, store, settings)
    assert not renderer.kept
    assert renderer.pages == render(seeds_digest, None, settings).pages
    assert not render(seeds_digest, store, directory_urls=False).kept


def test_a_changed_template_changes_every_key(
    seeds_digest: Digest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(template_dirs()[-1], templates)
    monkeypatch.setattr(rendered_module, "template_dirs", lambda: [str(templates)])
    render_version.cache_clear()
    try:
        before = render_version()
        (templates / "source.md.j2").write_text(
            (templates / "source.md.j2").read_text(encoding="utf-8") + "\n", encoding="utf-8"
        )
        render_version.cache_clear()
        after = render_version()
    finally:
        render_version.cache_clear()
    assert before != after
    site = Site(seeds_digest, Settings())
    article = seeds_digest.articles[0].id
    page = site.source_path(article)
    assert PageInputs(site, True, before).source(page, article) != PageInputs(site, True, after).source(page, article)
    assert PageInputs(site, True, before).source(page, article) != PageInputs(site, False, before).source(page, article)


def test_a_sites_own_templates_keep_no_page(seeds_digest: Digest, store: Store, tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "source.md.j2").write_text("# {{ article.title }}\n\n{{ site.digest.articles | length }} sources\n")
    first = render(seeds_digest, store, user_templates=own)
    assert not first.kept and not list(store.entries())
    assert not render(seeds_digest, store, user_templates=own).kept
