"""The seeds site built for real with MkDocs: pages, export, determinism, golden Markdown."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

import jsonschema
import pytest

from digest.export import to_dict, to_json
from digest.publish.render import Renderer

from .conftest import ROOT, SEEDS, Tags, copy_project

GOLDEN = ROOT / "tests" / "golden" / "seeds"


def test_site_has_home_storyline_and_five_source_pages(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()
    storylines = [p for p in (built_site / "storylines").iterdir() if p.is_dir()]
    assert len(storylines) == 1
    sources = [p for p in (built_site / "sources").iterdir() if p.is_dir()]
    assert len(sources) == 5
    html = (storylines[0] / "index.html").read_text(encoding="utf-8")
    for outlet in ("Shafaq News", "Iran Daily", "Sputnik International", "teleSUR English", "North Press Agency"):
        assert outlet in html


def test_source_page_shows_metadata_and_clean_text(built_site: Path) -> None:
    html = (built_site / "sources" / "004-48cfc3e508ef6b57" / "index.html").read_text(encoding="utf-8")
    links = Tags(html).find("a", href="https://npasyria.com/en/68956")
    assert links and all(link["rel"].startswith("nofollow noopener") for link in links)
    header, article = re.split(r'class="?dg-article\b', html, maxsplit=1)
    assert "Reporting by" not in article.split("</div>", 1)[0]  # the credit line is the author, not article text
    assert "Hozan Zubeir" in header
    assert "upholding our commitment" in html


def test_navigation_stays_small(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    nav = re.split(r'class="?md-nav__list\b', html, maxsplit=1)[1].split("</nav>", 1)[0]
    assert "sources/000" not in nav


def test_export_validates_and_offsets_hold(seeds_digest) -> None:
    schema = json.loads((ROOT / "digest" / "schema" / "export-v1.schema.json").read_text(encoding="utf-8"))
    data = json.loads(to_json(seeds_digest))
    jsonschema.validate(data, schema)
    texts = {a.id: a.text for a in seeds_digest.articles}
    for quote in data["quotes"]:
        assert texts[quote["source"]][quote["start"] : quote["end"]] == quote["text"]
    clustered = [q for c in data["clusters"] for q in c["quotes"]]
    assert sorted(clustered) == sorted(q["id"] for q in data["quotes"])
    assert {s["published"] is not None for s in data["sources"]} == {True}


def test_export_of_a_bare_folder_dates_every_seed(tmp_path: Path) -> None:
    from digest.pipeline import analyse

    for path in SEEDS.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    digest = analyse(tmp_path)
    dates = {a.id: a.published.iso() if a.published else None for a in digest.articles}
    assert all(dates.values()), dates
    assert dates["004_48cfc3e508ef6b57"] == "2021-12-09"


def test_two_runs_give_identical_json_and_pages(seeds_digest) -> None:
    from digest.pipeline import analyse
    from digest.publish import load_project

    project = load_project(SEEDS)
    again = analyse(project.corpus, project.settings)
    assert to_json(again) == to_json(seeds_digest)
    assert Renderer(again, project.settings).pages() == Renderer(seeds_digest, project.settings).pages()


def test_two_builds_give_identical_sites(project_copy: Path, built_site: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from digest.cli import cli

    second = tmp_path / "site2"
    result = CliRunner().invoke(cli, ["build", str(project_copy), "--site-dir", str(second)])
    assert result.exit_code == 0, result.output
    first_files = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    assert first_files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in first_files:
        if rel.suffix == ".gz":
            continue
        assert (built_site / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_generated_markdown_matches_golden(seeds_digest, update_golden: bool) -> None:
    """Refresh with: python -m pytest tests/test_site.py --update-golden"""
    from digest.publish import load_project

    pages = Renderer(seeds_digest, load_project(SEEDS).settings).pages()
    if update_golden:
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for rel, text in pages.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(golden) == sorted(pages), "pages changed; refresh with --update-golden if intended"
    for rel, text in pages.items():
        assert text == golden[rel], f"{rel} differs from its golden copy; refresh with --update-golden if intended"


def test_search_has_every_wording_of_a_statement_once_and_whole(built_site: Path, seeds_digest) -> None:
    """The collation's aligned blocks stay out of the index; each outlet's wording is in it, in order."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    quotes = {q.id: q for q in seeds_digest.quotes}
    (cluster,) = [c for c in seeds_digest.clusters if len(c.quotes) == 4 and "relationship" in quotes[c.canonical].text]
    canonical = " ".join(quotes[cluster.canonical].text.split())
    (section,) = [
        d for d in index["docs"] if d["location"].startswith("storylines/") and canonical in " ".join(d["text"].split())
    ]
    text = " ".join(section["text"].split())
    for quote_id in cluster.quotes:
        wording = " ".join(quotes[quote_id].text.split())
        assert text.count(wording) == 1, wording
    assert "relationshiprelationship" not in text and "theThe" not in text


def broken_links(site: Path) -> list[str]:
    """Every internal link of a built site whose page or anchor is missing."""
    pages: dict[str, Tags] = {}
    for path in site.rglob("*.html"):
        parser = Tags(path.read_text(encoding="utf-8"))
        pages["/" + path.relative_to(site).as_posix()] = parser
    broken = []
    for page, parser in pages.items():
        for href in parser.links:
            if re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue
            url, anchor = urldefrag(urljoin(page, href))
            url = unquote(url)
            target = url + "index.html" if url.endswith("/") else url
            if target not in pages and not (site / target.lstrip("/")).exists():
                broken.append(f"{page} -> {href}")
            elif anchor and target in pages and anchor not in pages[target].ids:
                broken.append(f"{page} -> {href} (no #{anchor})")
    return broken


def test_every_internal_link_resolves(built_site: Path) -> None:
    broken = broken_links(built_site)
    assert not broken, "\n".join(broken[:20])


def test_links_resolve_without_directory_urls(tmp_path: Path) -> None:
    """``use_directory_urls: false`` builds ``a/b.md`` as ``a/b.html``: links written as HTML follow it."""
    from click.testing import CliRunner

    from digest.cli import cli

    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("use_directory_urls: true", "use_directory_urls: false")
    )
    assert "use_directory_urls: false" in config.read_text(encoding="utf-8")
    site = tmp_path / "site"
    result = CliRunner().invoke(cli, ["build", str(project), "--site-dir", str(site), "--no-cache"])
    assert result.exit_code == 0, result.output
    broken = broken_links(site)
    assert not broken, "\n".join(broken[:20])
    source = (site / "sources" / "004-48cfc3e508ef6b57" / "index.html").read_text(encoding="utf-8")
    assert "/index.html#c-" in source, "a quotation links to its statement card by the page's file name"


@pytest.mark.parametrize("sub_path", ["/digest-demo/"])
def test_links_work_under_a_sub_path(built_site: Path, sub_path: str) -> None:
    """Every internal link is relative, so the site can be served from a project sub-path."""
    for path in built_site.rglob("*.html"):
        if path.name == "404.html" and path.parent == built_site:
            continue  # served for any missing path, so MkDocs links it from site_url (set it for a sub-path)
        html = path.read_text(encoding="utf-8")
        for href in Tags(html).links:
            if href.startswith("/") and not href.startswith("//"):
                raise AssertionError(f"absolute link {href} in {path.relative_to(built_site)} breaks under {sub_path}")


def test_export_dict_is_json_ready(seeds_digest) -> None:
    assert json.loads(json.dumps(to_dict(seeds_digest)))["version"] == 1


def test_writing_pages_touches_only_what_changed(tmp_path: Path) -> None:
    from digest.publish import write_pages

    docs, outside = tmp_path / "docs", tmp_path / "outside"
    outside.mkdir()
    (docs / "guide").mkdir(parents=True)
    (docs / "guide" / "mine.md").write_text("hand-written\n", encoding="utf-8")
    write_pages({"index.md": "home\n", "sources/a.md": "A\n", "sources/b.md": "B\n"}, docs)
    kept = (docs / "sources" / "a.md").stat().st_mtime_ns
    (docs / "storylines").symlink_to(outside, target_is_directory=True)  # planted: must not be written through

    write_pages({"index.md": "home, again\n", "sources/a.md": "A\n", "storylines/s.md": "S\n"}, docs)
    assert (docs / "sources" / "a.md").stat().st_mtime_ns == kept  # unchanged: not rewritten
    assert not (docs / "sources" / "b.md").exists()  # no longer generated: removed
    assert (docs / "index.md").read_text(encoding="utf-8") == "home, again\n"
    assert (docs / "guide" / "mine.md").read_text(encoding="utf-8") == "hand-written\n"
    assert not (docs / "storylines").is_symlink() and (docs / "storylines" / "s.md").is_file()
    assert list(outside.iterdir()) == []


def test_articles_of_unknown_outlets_share_one_outlet_page_and_stay_apart(tmp_path: Path) -> None:
    from digest.pipeline import analyse
    from digest.publish.render import Renderer
    from digest.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, quote in (("first.txt", "We will not sign tonight."), ("second.txt", "The strike ends when talks end.")):
        body = (
            f'Port strike enters its second day\n\nThe union leader, Ana Ruiz, said: "{quote}" The port stayed shut.\n'
        )
        (corpus / name).write_text(body, encoding="utf-8")
    (corpus / "third.md").write_text(
        '---\noutlet: Harbour Times\n---\n# Port strike enters its second day\n\nAna Ruiz said: "We stay out."\n',
        encoding="utf-8",
    )
    digest = analyse(corpus)
    assert sum(a.outlet is None for a in digest.articles) == 2
    pages = Renderer(digest, Settings()).pages()
    outlet_pages = sorted(p for p in pages if p.startswith("outlets/") and p != "outlets/index.md")
    assert outlet_pages == ["outlets/harbour-times/index.md", "outlets/unknown/index.md"], outlet_pages
    index = pages["outlets/index.md"]
    assert 'href="../outlets/unknown/">Unknown outlet</a>' in index and "Harbour Times" in index
    unknown = pages["outlets/unknown/index.md"]
    assert "Unknown outlet &#40;first&#46;txt&#41;" in unknown and "Unknown outlet &#40;second&#46;txt&#41;" in unknown
    assert "Harbour Times" not in unknown
    first = next(
        p
        for p, text in pages.items()
        if p.startswith("sources/") and "first&#46;txt" in text and p != "sources/index.md"
    )
    assert "](../../outlets/unknown/index.md)" in pages[first]  # its outlet link goes to the one page
    # Elsewhere each stays a source of its own: two columns of the storyline's coverage, not one.
    storyline = next(text for p, text in pages.items() if p.startswith("storylines/") and p != "storylines/index.md")
    assert (
        "Unknown outlet &#40;first&#46;txt&#41;" in storyline and "Unknown outlet &#40;second&#46;txt&#41;" in storyline
    )


def test_fidelity_never_compares_an_outlet_with_itself(tmp_path: Path) -> None:
    from digest.pipeline import analyse
    from digest.publish.diff import diff_stats, word_diff
    from digest.publish.render import Renderer
    from digest.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    full = "We will not sign anything tonight, and we will not give up on the port workers."
    cut = "We will not sign anything tonight."
    for name, quote in (("a.txt", full), ("b.txt", cut)):
        text = (
            f'Port strike enters its second day\n\nThe union leader, Ana Ruiz, said: "{quote}" The port stayed shut.\n'
        )
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "sources.yml").write_text(
        "a.txt: {outlet: Harbour Times, published: 2024-03-05}\nb.txt: {outlet: Coast Wire, published: 2024-03-05}\n",
        encoding="utf-8",
    )
    digest = analyse(corpus)
    shared = [c for c in digest.clusters if len(c.quotes) == 2]
    assert len(shared) == 1, digest.clusters
    fidelity = Renderer(digest, Settings())._fidelity()
    assert fidelity["Harbour Times"]["score"] < 100  # its wording is canonical, and it is still not 100 %
    assert fidelity["Harbour Times"]["score"] == round(100 * diff_stats(word_diff(cut, full))["similarity"])
    assert fidelity["Coast Wire"]["score"] == round(100 * diff_stats(word_diff(full, cut))["similarity"])


def test_an_outlet_naming_nobody_is_no_disagreement(seeds_digest) -> None:
    from dataclasses import replace

    from digest.publish.render import Renderer
    from digest.settings import Settings

    renderer = Renderer(seeds_digest, Settings())
    quote = next(q for q in seeds_digest.quotes if q.speaker)

    def variant(outlet: str, speaker: str | None) -> dict:
        return {"outlet": outlet, "quote": replace(quote, speaker=speaker, text="the same words")}

    assert renderer._disagreements([variant("A", quote.speaker), variant("B", None)]) == []
    other = next(s.id for s in seeds_digest.speakers if s.id != quote.speaker)
    notes = renderer._disagreements([variant("A", quote.speaker), variant("B", other)])
    assert len(notes) == 1 and notes[0].startswith("Outlets name different speakers")


def test_cards_say_how_each_speaker_was_found(seeds_digest) -> None:
    from digest.publish.formatting import attribution_note

    attributed = [q for q in seeds_digest.quotes if q.attribution]
    assert attributed and all(q.confidence is not None and 0 <= q.confidence <= 1 for q in attributed)
    notes = {attribution_note(q) for q in attributed}
    assert any(n.startswith("uncertain attribution: ") for n in notes)
    assert any(n.startswith("attribution: ") for n in notes)


def _card_of(pages: dict[str, str], cluster_id: str) -> str:
    """Return the HTML of one statement card on its storyline page."""
    page = next(text for rel, text in pages.items() if rel.startswith("storylines/") and cluster_id in text)
    card = page[page.index(f'<div class="dg-card" id="{cluster_id}"') :]
    end = card.find('<div class="dg-card"', 1)
    return card if end < 0 else card[:end]


def test_a_translated_wording_is_shown_whole_and_not_aligned_word_by_word(seeds_digest) -> None:
    from dataclasses import replace

    from digest.publish import load_project

    settings = load_project(SEEDS).settings
    cluster = max(seeds_digest.clusters, key=lambda c: len(c.quotes))
    other = next(q for q in seeds_digest.quotes if q.id in cluster.quotes and q.id != cluster.canonical)
    quotes = tuple(replace(q, translated=True) if q.id == other.id else q for q in seeds_digest.quotes)
    before = _card_of(Renderer(seeds_digest, settings).pages(), cluster.id)
    after = _card_of(Renderer(replace(seeds_digest, quotes=quotes), settings).pages(), cluster.id)
    witnesses = after[after.index("dg-witnesses") :].splitlines()
    assert [line.count("translation: “") for line in witnesses if "<li>" in line].count(1) == 1
    assert "translation: “" not in before
    aligned = lambda card: len(re.findall(r'class="dg-witness[ "]', card[: card.index("dg-witnesses")]))  # noqa: E731
    assert aligned(before) == len(cluster.quotes) and aligned(after) == aligned(before) - 1
    assert other.text not in after[: after.index("dg-witnesses")]
