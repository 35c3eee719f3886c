"""Parallel reading and the extraction cache never change the output."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cache import CODE_FILES, ExtractionCache, article_key
from digest.cli import cli
from digest.export import to_json
from digest.group import article_terms
from digest.models import Article
from digest.pipeline import analyse
from digest.quotes import extract_quotes
from digest.read import read_corpus
from digest.speakers import ArticleNames, article_names

from .conftest import SEEDS


@pytest.fixture(autouse=True)
def parallel_even_for_few_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """The seeds are five files: let --jobs start worker processes for them all the same."""
    monkeypatch.setattr("digest.engine.MIN_PARALLEL", 1)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def test_output_is_the_same_for_any_number_of_jobs(corpus: Path) -> None:
    one = to_json(analyse(corpus, jobs=1))
    assert to_json(analyse(corpus, jobs=2)) == one
    assert to_json(analyse(corpus, jobs=3)) == one


def test_cache_gives_identical_output_and_is_used(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    clean = to_json(analyse(corpus))
    assert to_json(analyse(corpus, cache=cache)) == clean
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 10  # per article: the file as read, its extraction

    def no_extraction(article: object) -> None:
        raise AssertionError("a cached article was extracted again")

    monkeypatch.setattr("digest.pipeline.extract_quotes", no_extraction)
    assert to_json(analyse(corpus, cache=cache)) == clean


def test_a_changed_article_misses_the_cache(corpus: Path, tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    before = {a.id: article_key(a) for a in analyse(corpus, cache=cache).articles}
    path = corpus / "004_48cfc3e508ef6b57.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("al-Araji added", "al-Araji said"), encoding="utf-8")
    digest = analyse(corpus, cache=cache)
    after = {a.id: article_key(a) for a in digest.articles}
    assert [k for k in before if before[k] != after[k]] == ["004_48cfc3e508ef6b57"]
    assert to_json(digest) == to_json(analyse(corpus))


def test_adding_an_article_gives_the_same_site_as_a_clean_build(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    cache = ["--cache-dir", str(tmp_path / "cache")]
    extra = corpus / "005_extra.txt"
    source = corpus / "002_753d9b2fa5797557.txt"
    extra.unlink(missing_ok=True)
    assert runner.invoke(cli, ["build", str(corpus), "--site-dir", str(tmp_path / "a"), *cache]).exit_code == 0
    inodes = {p: p.stat().st_ino for p in (tmp_path / "a").rglob("*.html")}
    extra.write_text(source.read_text(encoding="utf-8").replace("Sputnik", "Sputnik Mirror"), encoding="utf-8")
    result = runner.invoke(cli, ["build", str(corpus), "--site-dir", str(tmp_path / "a"), *cache, "-j", "2"])
    assert result.exit_code == 0, result.output
    # Pages the change leaves alone are the previous site's files, linked into the new one, not written again.
    kept = [p for p, inode in inodes.items() if p.is_file() and p.stat().st_ino == inode]
    assert any("/speakers/" in str(p) for p in kept) and len(kept) >= len(inodes) // 3, (len(kept), len(inodes))
    clean = runner.invoke(cli, ["build", str(corpus), "--site-dir", str(tmp_path / "b"), "--no-cache"])
    assert clean.exit_code == 0
    files = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    for rel in files:
        if rel.suffix != ".gz":
            assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_corrupt_cache_entries_are_misses(corpus: Path, tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    clean = to_json(analyse(corpus, cache=cache))
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert to_json(analyse(corpus, cache=cache)) == clean


def test_a_warm_cache_gives_the_same_digest_and_reads_no_names(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean = analyse(corpus)
    cache = ExtractionCache(tmp_path / "cache")
    assert analyse(corpus, cache=cache, jobs=2) == clean

    def no_reading(article: object) -> None:
        raise AssertionError("the names of a cached article were read again")

    monkeypatch.setattr("digest.pipeline.extract_quotes", no_reading)
    monkeypatch.setattr("digest.pipeline.article_names", no_reading)
    monkeypatch.setattr("digest.speakers.article_names", no_reading)
    monkeypatch.setattr("digest.pipeline.article_terms", no_reading)
    monkeypatch.setattr("digest.group.profiles.article_terms", no_reading)
    assert analyse(corpus, cache=cache) == clean


def test_cache_entries_hold_the_quotes_names_and_terms_of_their_article(corpus: Path, tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    for item in read_corpus(corpus)[0]:
        found = extract_quotes(item), article_names(item), article_terms(item)
        cache.put(item, *found)
        assert cache.get(item) == found
        assert list(found[2].body) == list(cache.get(item)[2].body)  # type: ignore[index]  # order kept too
    assert {"speakers/index.py", "text/personal_names.py", "group/terms.py"} <= set(CODE_FILES)


def test_names_are_read_once_per_article(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []

    def counted(article: Article) -> ArticleNames:
        read.append(article.id)
        return article_names(article)

    monkeypatch.setattr("digest.pipeline.article_names", counted)
    monkeypatch.setattr("digest.speakers.article_names", counted)
    digest = analyse(corpus)
    assert sorted(read) == sorted(a.id for a in digest.articles)


def test_unchanged_files_are_not_read_again(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ExtractionCache(tmp_path / "cache")
    clean = analyse(corpus)
    assert analyse(corpus, cache=cache) == clean

    def no_reading(task: object) -> None:
        raise AssertionError("an unchanged file was decoded again")

    monkeypatch.setattr("digest.pipeline.read_task", no_reading)
    assert analyse(corpus, cache=cache, jobs=2) == clean
    monkeypatch.undo()

    path = corpus / "003_6557ed33d5c9a9db.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    read: list[str] = []
    real = __import__("digest.pipeline", fromlist=["read_task"]).read_task

    def counting(task: object) -> object:
        read.append(getattr(task, "rel", ""))
        return real(task)

    monkeypatch.setattr("digest.pipeline.read_task", counting)
    assert analyse(corpus, cache=cache) == analyse(corpus)
    assert read.count("003_6557ed33d5c9a9db.txt") == 2 and len(set(read)) == 5  # the cached run read only that file


def test_a_bare_folder_keeps_its_docs_tree_in_the_cache(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fcntl = pytest.importorskip("fcntl")

    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    cache = ["--cache-dir", "cache"]  # relative: the kept tree is still found from the build's own configuration
    assert runner.invoke(cli, ["build", str(corpus), "--site-dir", str(tmp_path / "a"), *cache]).exit_code == 0
    (kept,) = [p for p in (tmp_path / "cache" / "docs").iterdir() if p.is_dir()]
    home = kept / "index.md"
    speakers = sorted((kept / "speakers").glob("*/index.md"))
    stamps = {p: p.stat().st_mtime_ns for p in [home, *speakers]}
    source = corpus / "002_753d9b2fa5797557.txt"
    (corpus / "005_extra.txt").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert runner.invoke(cli, ["build", str(corpus), "--site-dir", str(tmp_path / "a"), *cache]).exit_code == 0
    assert home.stat().st_mtime_ns != stamps[home]  # the home page lists the new source: rewritten
    assert any(p.stat().st_mtime_ns == stamps[p] for p in speakers)  # pages the change leaves alone: not
    # While another build holds the kept tree, a build writes a temporary one and gives the same site.
    with open(kept.with_name(kept.name + ".lock"), "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert runner.invoke(cli, ["build", str(corpus), "--site-dir", str(tmp_path / "b"), *cache]).exit_code == 0
    for page in (tmp_path / "a").rglob("*.html"):
        assert page.read_bytes() == (tmp_path / "b" / page.relative_to(tmp_path / "a")).read_bytes(), page


def test_a_rebuild_matches_only_the_storylines_whose_quotations_changed(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import digest.pipeline

    matched: list[str] = []
    original = digest.pipeline._match_storyline

    def counting(task: digest.pipeline.MatchTask) -> digest.pipeline.Matched:
        matched.append(task[2])
        return original(task)

    monkeypatch.setattr("digest.pipeline._match_storyline", counting)
    for name in ("port-a.txt", "port-b.txt"):
        text = 'Port strike enters its second day\n\nThe union leader, Ana Ruiz, said: "We will not sign tonight."\n'
        (corpus / name).write_text(text, encoding="utf-8")
    cache = ExtractionCache(tmp_path / "cache")
    first = analyse(corpus, cache=cache)
    assert sorted(matched) == sorted(s.id for s in first.storylines) and len(matched) >= 2
    matched.clear()
    assert to_json(analyse(corpus, cache=cache)) == to_json(first)
    assert matched == []  # nothing changed: every storyline's statements come from the memo
    path = corpus / "004_48cfc3e508ef6b57.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("al-Araji added", "al-Araji said"), encoding="utf-8")
    again = analyse(corpus, cache=cache)
    storyline = next(s.id for s in again.storylines if "004_48cfc3e508ef6b57" in s.sources)
    assert matched == [storyline] and len(again.storylines) >= 2
    monkeypatch.setattr("digest.pipeline._match_storyline", original)
    assert to_json(again) == to_json(analyse(corpus))


def test_storyline_coverage_comes_from_the_memo_when_its_inputs_are_unchanged(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digest.publish.render import Renderer
    from digest.settings import Settings

    digest = analyse(corpus)
    memo = ExtractionCache(tmp_path / "cache").memo()
    plain = Renderer(digest, Settings()).pages()
    assert Renderer(digest, Settings(), memo=memo).pages() == plain

    def no_coverage(*args: object) -> None:
        raise AssertionError("coverage computed again for an unchanged storyline")

    monkeypatch.setattr("digest.publish.render.coverage", no_coverage)
    assert Renderer(digest, Settings(), memo=memo).pages() == plain
    changed = replace(digest, articles=tuple(replace(a, text=a.text + " ") for a in digest.articles))
    with pytest.raises(AssertionError, match="computed again"):
        Renderer(changed, Settings(), memo=memo).pages()
